import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, screen, session } from 'electron';
import { APP_ENTRY_URL } from '../host/appProtocol.ts';
import { createDispatcher } from '../host/dispatch.ts';
import { createWindowStateSaver, placeWindow, readWindowState, type WindowState, type WindowStateSaver } from '../host/windowState.ts';
import { registerAppScheme, serveAppScheme } from './appScheme.ts';
import { createHostHandlers } from './hostHandlers.ts';
import { registerBridge } from './ipc.ts';
import { buildMenuTemplate } from './menu.ts';
import { COMMAND_CHANNEL, type MenuCommand } from '../../shared/bridge/commands.ts';
import { backupPathsIn, createOpenedFiles } from '../host/openedFiles.ts';
import { createTargetWatches } from '../host/targetWatches.ts';
import { createFolderGrants } from '../host/folderGrants.ts';
import { createUserActivation } from '../host/userActivation.ts';
import { SYNC_CHANGED_CHANNEL } from '../../shared/bridge/syncEvents.ts';
import { hardenSession, hardenWebContents } from './security.ts';
import type { TrustedOrigins } from './securityPolicy.ts';
import { buildWindowOptions } from './windowOptions.ts';
import { createDisplayWindows } from './displayWindows.ts';
import { rememberWindowState } from './windowTracking.ts';

const mainDir = import.meta.dirname;
const rendererRoot = join(mainDir, '../renderer');
const preloadPath = join(mainDir, '../preload/index.cjs');

// Only an unpackaged build may load the dev server: in a shipped app an environment
// variable must not be able to point the window at arbitrary content.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const trusted: TrustedOrigins = { devServerUrl };

let mainWindow: BrowserWindow | null = null;
/** The last known window state (read at start, then kept current) and its writer; both set in start(). */
let windowState: WindowState | null = null;
let windowSaver: WindowStateSaver | null = null;

/** Work areas, primary first: placeWindow moves a window that is on no display onto the first. */
function workAreas() {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}

function createMainWindow(): void {
  const placement = placeWindow(windowState, workAreas());
  const window = new BrowserWindow(buildWindowOptions({ preloadPath, bounds: placement }));
  window.once('ready-to-show', () => {
    if (placement.isMaximized) window.maximize();
    window.show();
  });
  if (windowSaver) {
    rememberWindowState(window, windowSaver, (state) => {
      windowState = state;
    });
  }
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
    // No page to tell; the next window's scheduler asks for its watches again.
    void targetWatches.close();
  });
  mainWindow = window;
  window.loadURL(devServerUrl ?? APP_ENTRY_URL).catch((error: unknown) => {
    console.error('failed to load the renderer', error);
  });
}

/** Backup files the OS handed over, waiting for the page to take them (file.takeOpened). */
const openedFiles = createOpenedFiles();
openedFiles.offer(backupPathsIn(process.argv.slice(1), process.cwd()));

/** Watched folder targets (sync.watch): each change goes to the page, which runs a round for it. */
const targetWatches = createTargetWatches((target) => {
  if (mainWindow && !mainWindow.webContents.isDestroyed()) mainWindow.webContents.send(SYNC_CHANGED_CHANNEL, target);
});

/** Clicks and key presses per page: the clipboard is written only right after one. */
const userActivation = createUserActivation();

function sendCommand(command: MenuCommand): void {
  focusMainWindow();
  mainWindow?.webContents.send(COMMAND_CHANNEL, command);
}

function focusMainWindow(): void {
  if (!mainWindow) {
    if (app.isReady()) createMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, trusted);
  const windowStateFile = join(app.getPath('userData'), 'window-state.json');
  windowState = await readWindowState(windowStateFile);
  windowSaver = createWindowStateSaver(windowStateFile, {
    onError: (error) => console.warn('could not remember the window position', error),
  });
  await serveAppScheme(rendererRoot);
  const displayWindows = createDisplayWindows({ preloadPath, entryUrl: () => devServerUrl ?? APP_ENTRY_URL });
  registerBridge(createDispatcher(createHostHandlers(openedFiles, targetWatches, createFolderGrants(), userActivation, displayWindows)), trusted);
  const template = buildMenuTemplate({ isMac: process.platform === 'darwin', isDev: !app.isPackaged, send: sendCommand });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  createMainWindow();
}

registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another War Room is running; it gets the 'second-instance' event and comes to the front.
  app.quit();
} else {
  // A .warroom double-clicked while War Room runs: a second launch (Windows, Linux) or open-file (macOS).
  app.on('second-instance', (_event, argv, cwd) => {
    focusMainWindow();
    if (openedFiles.offer(backupPathsIn(argv, cwd))) sendCommand('import-opened');
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (openedFiles.offer([path]) && app.isReady()) sendCommand('import-opened');
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, trusted);
    const page = contents.id;
    contents.on('input-event', (_inputEvent, input) => userActivation.noteInput(page, input.type));
    contents.once('destroyed', () => userActivation.forget(page));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // The window's last position is written on close; quitting waits for that write to land.
  app.on('will-quit', (event) => {
    if (!windowSaver?.busy()) return;
    event.preventDefault();
    void windowSaver.flush().finally(() => app.quit());
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('War Room could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
