import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/bridge/commands.ts';

interface MenuOptions {
  isMac: boolean;
  isDev: boolean;
  /** Sends a command to the focused War Room window. */
  send(command: MenuCommand): void;
}

/**
 * The application menu: the app's own actions with their shortcuts, plus the standard roles
 * (so copy, paste and zoom work everywhere, and macOS gets its app menu). Alt+N is the page's
 * own shortcut (it works in the browser too), so the menu shows it without registering it.
 */
export function buildMenuTemplate({ isMac, isDev, send }: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, name: MenuCommand, accelerator?: string, registerAccelerator = true): MenuItemConstructorOptions => ({
    label,
    click: () => send(name),
    ...(accelerator ? { accelerator, registerAccelerator } : {}),
  });
  const devItems: MenuItemConstructorOptions[] = isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        command('Declare incident', 'declare', 'Alt+N', false),
        { type: 'separator' },
        command('Export all…', 'export-all', 'CmdOrCtrl+Shift+E'),
        command('Import a .warroom file…', 'import', 'CmdOrCtrl+O'),
        command('Back up now', 'back-up-now'),
        command('Open data folder', 'open-data-folder'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        command('Incidents board', 'go-board', 'CmdOrCtrl+1'),
        command('Action items', 'go-actions', 'CmdOrCtrl+2'),
        command('Metrics', 'go-metrics', 'CmdOrCtrl+3'),
        command('Exercises', 'go-exercises', 'CmdOrCtrl+4'),
        { type: 'separator' },
        command('Light or dark theme', 'toggle-theme', 'CmdOrCtrl+Shift+L'),
        command('Projector mode', 'projector', 'CmdOrCtrl+Shift+P'),
        { type: 'separator' },
        ...devItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
