import { useEffect, useState } from 'react';
import { useDatabase } from '../db/DatabaseProvider.tsx';
import { useExercises, useOperator } from '../db/hooks.ts';
import { DeclareIncidentDialog } from '../features/incidents/DeclareIncidentDialog.tsx';
import { Board } from '../features/board/Board.tsx';
import { IncidentPage } from '../features/incidents/IncidentPage.tsx';
import { OperatorPrompt } from '../features/profile/OperatorPrompt.tsx';
import { SettingsDialog } from '../features/settings/SettingsDialog.tsx';
import { RunbooksDialog } from '../features/checklists/RunbooksDialog.tsx';
import { SyncDialog } from '../features/sync/SyncDialog.tsx';
import { SyncStatus } from '../features/sync/SyncStatus.tsx';
import { hostBridge } from '../bridge/hostBridge.ts';
import { startSync } from '../features/sync/syncService.ts';
import { startBackups } from '../backup/backupService.ts';
import { DataDialog, type DataAction, type Incoming } from '../features/backup/DataDialog.tsx';
import { routeHash, useUi, type Route } from './store.ts';
import { MetricsView } from '../features/metrics/MetricsView.tsx';
import { ActionsView } from '../features/actions/ActionsView.tsx';
import { ContactsView } from '../features/contacts/ContactsView.tsx';
import { PostmortemPage } from '../features/postmortem/PostmortemPage.tsx';
import { ExercisesView } from '../features/exercises/ExercisesView.tsx';
import { FacilitatorConsole } from '../features/exercises/FacilitatorConsole.tsx';
import { RunningExercisesBanner } from '../features/exercises/ExerciseBanner.tsx';
import { useExerciseDriver } from '../features/exercises/useExerciseDriver.ts';
import { ThemeToggle } from '../ui/ThemeToggle.tsx';
import { CommsTools } from '../features/comms/CommsTools.tsx';
import { CommandPalette } from '../features/palette/CommandPalette.tsx';
import { useAppCommands } from '../features/palette/useAppCommands.ts';

function Page({ route, operator }: { route: Route; operator: string }) {
  switch (route.name) {
    case 'incident':
      return <IncidentPage id={route.id} actor={operator} />;
    case 'metrics':
      return <MetricsView />;
    case 'actions':
      return <ActionsView actor={operator} />;
    case 'contacts':
      return <ContactsView actor={operator} />;
    case 'postmortem':
      return <PostmortemPage id={route.id} actor={operator} />;
    case 'exercise':
      return <FacilitatorConsole id={route.id} actor={operator} />;
    case 'exercises':
      return <ExercisesView actor={operator} />;
    default:
      return <Board operator={operator} />;
  }
}

export function App() {
  const db = useDatabase();
  const operator = useOperator();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [syncOpen, setSyncOpen] = useState(false);
  const [runbooksOpen, setRunbooksOpen] = useState(false);
  const [dataOpen, setDataOpen] = useState<DataAction | 'open' | null>(null);
  const [incoming, setIncoming] = useState<Incoming | null>(null);
  const { route, theme, projector, toggleTheme, toggleProjector, setDeclareOpen, syncRouteFromHash, navigate } = useUi();
  useAppCommands({ openSettings: () => setSettingsOpen(true), openSync: () => setSyncOpen(true), openRunbooks: () => setRunbooksOpen(true), openData: () => setDataOpen('open') });

  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
    document.documentElement.classList.toggle('projector', projector);
  }, [theme, projector]);

  useEffect(() => {
    window.addEventListener('hashchange', syncRouteFromHash);
    return () => window.removeEventListener('hashchange', syncRouteFromHash);
  }, [syncRouteFromHash]);

  // The desktop app's menu: the same actions as the page's buttons and links.
  useEffect(
    () =>
      hostBridge()?.onCommand?.((command) => {
        if (command === 'declare') setDeclareOpen(true);
        else if (command === 'go-board') navigate({ name: 'incidents' });
        else if (command === 'go-actions') navigate({ name: 'actions' });
        else if (command === 'go-metrics') navigate({ name: 'metrics' });
        else if (command === 'go-exercises') navigate({ name: 'exercises' });
        else if (command === 'toggle-theme') toggleTheme();
        else if (command === 'projector') toggleProjector();
        else setDataOpen(command);
      }),
    [setDeclareOpen, navigate, toggleTheme, toggleProjector],
  );

  // Sync starts once someone is at the keyboard: the device file carries their laptop's name.
  const signedIn = typeof operator === 'string';
  useEffect(() => (signedIn ? startSync(db, hostBridge()) : undefined), [db, signedIn]);
  useEffect(() => (signedIn ? startBackups(db, hostBridge()) : undefined), [db, signedIn]);
  // A .warroom the app was launched with waits in main until someone is here to see its import.
  useEffect(() => {
    if (!signedIn) return;
    void hostBridge()
      ?.invoke('file.takeOpened', {})
      .then((reply) => {
        if (!reply.ok) setIncoming({ error: reply.error.message });
        else if (reply.value) setIncoming({ name: reply.value.path, text: reply.value.content });
      });
  }, [signedIn]);

  // Read once for the two that need every exercise: the inject driver and the app-wide banner.
  const exercises = useExercises();
  const driverFailure = useExerciseDriver(exercises, typeof operator === 'string' ? operator : null);

  if (operator === undefined) return null;
  if (operator === null) return <OperatorPrompt />;

  return (
    <div className="app-shell">
      <header className="topbar">
        <a className="brand" href={routeHash({ name: 'incidents' })}>
          War Room
        </a>
        <button type="button" className="primary" onClick={() => setDeclareOpen(true)} aria-keyshortcuts="Alt+N">
          Declare incident
        </button>
        <nav aria-label="Views" className="views">
          <a href={routeHash({ name: 'actions' })} aria-current={route.name === 'actions' ? 'page' : undefined}>
            Action items
          </a>
          <a href={routeHash({ name: 'metrics' })} aria-current={route.name === 'metrics' ? 'page' : undefined}>
            Metrics
          </a>
          <a href={routeHash({ name: 'exercises' })} aria-current={route.name === 'exercises' ? 'page' : undefined}>
            Exercises
          </a>
          <a href={routeHash({ name: 'contacts' })} aria-current={route.name === 'contacts' ? 'page' : undefined}>
            Contacts
          </a>
        </nav>
        <span className="spacer" />
        {/* The label is read, not shown: the name alone, bold, fits the top bar's one line. */}
        <span className="operator" title={`Operator: ${operator} (the name this laptop records changes under)`}>
          <span className="visually-hidden">Operator: </span>
          <strong>{operator}</strong>
        </span>
        <SyncStatus onOpen={() => setSyncOpen(true)} />
        <button type="button" onClick={() => setRunbooksOpen(true)}>
          Runbooks
        </button>
        <CommsTools actor={operator} />
        <button type="button" onClick={() => setDataOpen('open')}>
          Data
        </button>
        <button type="button" onClick={() => setSettingsOpen(true)}>
          Settings
        </button>
        <ThemeToggle theme={theme} onToggle={toggleTheme} />
      </header>
      <RunningExercisesBanner exercises={exercises} except={'id' in route ? route.id : undefined} />
      {driverFailure && <p role="alert" className="error">{`An exercise inject could not be delivered: ${driverFailure}`}</p>}
      <main className="content">
        <Page route={route} operator={operator} />
      </main>
      <DeclareIncidentDialog actor={operator} />
      <CommandPalette />
      {runbooksOpen && <RunbooksDialog actor={operator} onClose={() => setRunbooksOpen(false)} />}
      {syncOpen && <SyncDialog onClose={() => setSyncOpen(false)} />}
      {(dataOpen || incoming) && (
        <DataDialog
          key={dataOpen ?? 'incoming'}
          start={dataOpen === 'open' || dataOpen === null ? undefined : dataOpen}
          incoming={incoming ?? undefined}
          onClose={() => {
            setDataOpen(null);
            setIncoming(null);
          }}
        />
      )}
      {settingsOpen && <SettingsDialog operator={operator} onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}
