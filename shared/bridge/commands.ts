/**
 * Application-menu commands main sends to the page (the other direction of the bridge). No zod
 * here: the preload bundles this module, and a plain membership check is all it needs.
 */
export const COMMAND_CHANNEL = 'warroom:command';

export const MENU_COMMANDS = [
  'declare',
  'export-all',
  'import',
  /** The OS handed over a .warroom file: take it with file.takeOpened. */
  'import-opened',
  'back-up-now',
  'open-data-folder',
  'go-board',
  'go-actions',
  'go-metrics',
  'go-exercises',
  'toggle-theme',
  'projector',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
