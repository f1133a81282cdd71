import { useUi } from '../../app/store.ts';
import { hostBridge } from '../../bridge/hostBridge.ts';
import { openDisplayWindow } from '../display/openDisplayWindow.ts';
import type { Command } from './commandRegistry.ts';
import { useCommands } from './useCommands.ts';

/** What App opens itself (its dialogs' state is its own). */
export interface AppOpeners {
  openSettings(): void;
  openSync(): void;
  openRunbooks(): void;
  openData(): void;
}

/**
 * The app-wide commands: every screen and every top-bar action. A shortcut is shown only where
 * it works: the Ctrl+1…4 views, theme and projector keys are the desktop menu's.
 */
export function useAppCommands({ openSettings, openSync, openRunbooks, openData }: AppOpeners): void {
  const ui = useUi();
  const desktop = hostBridge() !== null;
  const menuKey = (key: string) => (desktop ? key : undefined);
  const go = (id: string, title: string, route: Parameters<typeof ui.navigate>[0], shortcut?: string): Command => ({
    id: `go-${id}`,
    title,
    group: 'Go to',
    shortcut,
    run: () => ui.navigate(route),
  });
  const commands: Command[] = [
    { id: 'declare', title: 'Declare incident', group: 'App', shortcut: 'Alt+N', run: () => ui.setDeclareOpen(true) },
    go('board', 'Go to incidents board', { name: 'incidents' }, menuKey('Ctrl+1')),
    go('actions', 'Go to action items', { name: 'actions' }, menuKey('Ctrl+2')),
    go('metrics', 'Go to metrics', { name: 'metrics' }, menuKey('Ctrl+3')),
    go('exercises', 'Go to exercises', { name: 'exercises' }, menuKey('Ctrl+4')),
    go('contacts', 'Go to contacts', { name: 'contacts' }),
    { id: 'settings', title: 'Settings', group: 'App', run: openSettings },
    { id: 'runbooks', title: 'Runbooks', group: 'App', run: openRunbooks },
    { id: 'data', title: 'Data: export, import and backups', group: 'App', run: openData },
    { id: 'sync', title: 'Sync', group: 'App', run: openSync },
    { id: 'theme', title: ui.theme === 'dark' ? 'Light theme' : 'Dark theme', group: 'App', shortcut: menuKey('Ctrl+Shift+L'), run: ui.toggleTheme },
    { id: 'projector', title: ui.projector ? 'Leave projector mode' : 'Projector mode', group: 'App', shortcut: menuKey('Ctrl+Shift+P'), run: ui.toggleProjector },
    {
      id: 'display-board',
      title: 'Open board in new window',
      group: 'App',
      run: async () => {
        const problem = await openDisplayWindow({ view: 'board' });
        if (problem) throw new Error(problem);
      },
    },
  ];
  useCommands(commands, 'global');
}
