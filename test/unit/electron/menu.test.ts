import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../electron/main/menu.ts';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('buildMenuTemplate', () => {
  it('has the macOS app menu only on macOS', () => {
    expect(roles(buildMenuTemplate({ isMac: true, isDev: false }))).toContain('appMenu');
    expect(roles(buildMenuTemplate({ isMac: false, isDev: false }))).not.toContain('appMenu');
  });

  it('keeps reload and developer tools out of the packaged app', () => {
    const packaged = roles(buildMenuTemplate({ isMac: false, isDev: false }));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(roles(buildMenuTemplate({ isMac: false, isDev: true }))).toContain('toggleDevTools');
  });

  it('always offers the edit menu so copy and paste shortcuts work', () => {
    expect(roles(buildMenuTemplate({ isMac: true, isDev: false }))).toContain('editMenu');
  });
});
