import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { db } from './app/db.ts';
import { installGlobalShortcuts } from './app/shortcuts.ts';
import { useUi } from './app/store.ts';
import { ensurePersistentStorage } from './backup/persistence.ts';
import { openDatabase } from './db/openDatabase.ts';
import { RecoveryScreen } from './features/backup/RecoveryScreen.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
installGlobalShortcuts();
// The chosen theme from the first paint: the recovery screen (shown instead of App) and the
// moment the database takes to open must not flash the other theme.
document.documentElement.dataset['theme'] = useUi.getState().theme;

// The database is opened (or refused) before anything renders: a failure shows the recovery
// screen, never an app that looks empty.
void openDatabase(db).then((failure) => {
  void ensurePersistentStorage();
  root.render(
    <StrictMode>
      <ErrorBoundary>{failure ? <RecoveryScreen failure={failure} /> : <App />}</ErrorBoundary>
    </StrictMode>,
  );
});
