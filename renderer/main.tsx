// First: zod's settings must be in place before any module below builds a schema.
import './zodConfig.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { DisplayApp } from './features/display/DisplayApp.tsx';
import { isDisplayWindow } from '../shared/bridge/displayWindow.ts';
import { installGlobalShortcuts } from './app/shortcuts.ts';
import { useUi } from './app/store.ts';
import { ensurePersistentStorage } from './backup/persistence.ts';
import { hostBridge } from './bridge/hostBridge.ts';
import { bridgeKeychain } from './bridge/keychain.ts';
import { WarRoomDb } from './db/database.ts';
import { DatabaseProvider } from './db/DatabaseProvider.tsx';
import { openDatabase } from './db/openDatabase.ts';
import { resolveDatabaseName } from './db/profile.ts';
import { relayChangesAcrossWindows } from './db/windowRelay.ts';
import { RecoveryScreen } from './features/backup/RecoveryScreen.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { CommandsProvider } from './features/palette/CommandsProvider.tsx';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
installGlobalShortcuts();
// The chosen theme from the first paint: the recovery screen (shown instead of App) and the
// moment the database takes to open must not flash the other theme.
document.documentElement.dataset['theme'] = useUi.getState().theme;

// One database per profile, chosen once here and handed down: nothing else decides which.
const db = new WarRoomDb(resolveDatabaseName(window.location.search, localStorage));
// The desktop app keeps the signing key sealed by the OS keychain, as it does the team passphrase.
const bridge = hostBridge();
if (bridge) db.signing.useKeychain(bridgeKeychain(bridge));

// The projector's window only shows: the laptop's window runs sync, backups and reminders.
const display = isDisplayWindow(window.location.search);

// The database is opened (or refused) before anything renders: a failure shows the recovery
// screen, never an app that looks empty.
void openDatabase(db).then((failure) => {
  void ensurePersistentStorage();
  if (!failure) relayChangesAcrossWindows(db);
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <DatabaseProvider db={db}>{failure ? <RecoveryScreen failure={failure} /> : display ? <DisplayApp /> : <CommandsProvider><App /></CommandsProvider>}</DatabaseProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
});
