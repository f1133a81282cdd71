import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS, type MenuCommand } from '../../../../shared/bridge/commands.ts';
import { buildMenuTemplate } from '../../../../electron/main/menu.ts';

function flat(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flat(item.submenu) : [])]);
}
const roles = (items: MenuItemConstructorOptions[]) => flat(items).flatMap((item) => (item.role ? [item.role] : []));
const build = (isMac: boolean, isDev: boolean, sent: MenuCommand[] = []) => buildMenuTemplate({ isMac, isDev, send: (command) => sent.push(command) });

describe('buildMenuTemplate', () => {
  it('has the macOS app menu only on macOS', () => {
    expect(roles(build(true, false))).toContain('appMenu');
    expect(roles(build(false, false))).not.toContain('appMenu');
  });

  it('keeps reload and developer tools out of the packaged app', () => {
    const packaged = roles(build(false, false));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(roles(build(false, true))).toContain('toggleDevTools');
  });

  it('always offers the edit menu so copy and paste shortcuts work', () => {
    expect(roles(build(true, false))).toContain('editMenu');
  });

  it('offers every app command once, each sending its own name when clicked', () => {
    const sent: MenuCommand[] = [];
    const items = flat(build(false, false, sent)).filter((item) => item.click);
    for (const item of items) (item.click as () => void)();
    // import-opened comes from the OS (a double-clicked file), not from the menu.
    expect([...sent].sort()).toEqual(MENU_COMMANDS.filter((c) => c !== 'import-opened').sort());
  });

  it('shows the shortcuts; Alt+N is shown but left to the page, which handles it in the browser too', () => {
    const byLabel = new Map(flat(build(false, false)).map((item) => [item.label, item]));
    expect(byLabel.get('Declare incident')).toMatchObject({ accelerator: 'Alt+N', registerAccelerator: false });
    expect(byLabel.get('Export all…')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+E', registerAccelerator: true });
    expect(byLabel.get('Incidents board')).toMatchObject({ accelerator: 'CmdOrCtrl+1' });
    const accelerators = flat(build(false, false)).flatMap((item) => (item.accelerator ? [String(item.accelerator)] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
