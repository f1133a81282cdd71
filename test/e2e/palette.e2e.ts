import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { declareByKeyboard, openAs } from './support/app.ts';

const entries = (page: Page) => page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem');
const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });

/** Ctrl+K, type, Enter: the palette by keyboard only. */
async function runCommand(page: Page, query: string, expected: string): Promise<void> {
  await page.keyboard.press('Control+K');
  const box = palette(page).getByRole('combobox', { name: 'Command' });
  await expect(box).toBeFocused();
  await page.keyboard.type(query);
  // The first match is the active one, named to assistive technology through aria-activedescendant.
  const active = palette(page).getByRole('option', { selected: true });
  await expect(active).toContainText(expected);
  await expect(box).toHaveAttribute('aria-activedescendant', (await active.getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
}

test('the command palette declares, changes the status and navigates, keyboard only', async ({ page }) => {
  await openAs(page);
  await runCommand(page, 'declare', 'Declare incident');
  const declare = page.getByRole('dialog', { name: 'Declare an incident' });
  await expect(declare).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(declare).toBeHidden();

  await declareByKeyboard(page, 'Palette outage', 'P1 · High', 'Availability');
  await runCommand(page, 'status resolved', 'Change status to Resolved');
  await expect(entries(page).filter({ hasText: 'Status: Investigating → Resolved' })).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('resolved');

  await runCommand(page, 'jump', 'Jump to time');
  await expect(page.getByLabel('Jump to time')).toBeFocused();

  await runCommand(page, 'metrics', 'Go to metrics');
  await expect(page).toHaveURL(/#\/metrics$/);
  await expect(page.getByRole('link', { name: 'Metrics' })).toHaveAttribute('aria-current', 'page');
});

test('the palette moves with the arrows, shows shortcuts, and leaves the entry box its keys', async ({ page }) => {
  await openAs(page);
  await declareByKeyboard(page, 'Palette keys', 'P2 · Medium', 'Performance');
  const box = page.getByRole('textbox', { name: 'New timeline entry' });
  await page.keyboard.type('first line k');
  await expect(box).toHaveValue('first line k');

  await page.keyboard.press('Control+K');
  await expect(palette(page)).toBeVisible();
  // The incident's commands come first, each with its shortcut where it has one.
  await expect(palette(page).getByRole('option', { name: /Jump to time/ })).toContainText('Ctrl+J');
  await expect(palette(page).getByRole('option', { name: /Declare incident/ })).toContainText('Alt+N');
  await page.keyboard.type('status');
  const options = palette(page).getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(options.last()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.type('zzz');
  await expect(palette(page).getByText('No command matches.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();

  // Back in the box with the text kept; Enter there still records the entry.
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('first line k');
  await page.keyboard.press('Enter');
  await expect(entries(page).filter({ hasText: 'first line k' })).toBeVisible();

  // The shortcuts overlay lists the palette.
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Ctrl+K or ⌘+K');
  await page.keyboard.press('Escape');

  // The page's other actions, each logged as the page's own control logs it.
  await runCommand(page, 'post status', 'Post status update');
  await expect(page.getByRole('dialog', { name: 'Status update' })).toBeVisible();
  await page.keyboard.press('Escape');
  await runCommand(page, 'phase containment', 'Change phase to Containment');
  await expect(entries(page).filter({ hasText: 'Phase: Detection → Containment' })).toBeVisible();
  await runCommand(page, 'runbook general', 'Start runbook: General incident response');
  await expect(entries(page).filter({ hasText: 'Runbook started: General incident response' })).toBeVisible();
});

for (const theme of ['dark', 'light'] as const) {
  test(`axe: the palette and what it reports have no serious or critical violation in the ${theme} theme`, async ({ page }) => {
    await page.addInitScript((chosen) => localStorage.setItem('warroom.theme', chosen), theme);
    await openAs(page);
    await declareByKeyboard(page, `Palette ${theme}`, 'P2 · Medium', 'Performance');
    const serious = async (scope: string) =>
      (await new AxeBuilder({ page }).include(scope).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

    await page.keyboard.press('Control+K');
    await page.keyboard.type('st');
    await page.keyboard.press('ArrowDown');
    expect(await serious('dialog[open]')).toEqual([]);
    await page.keyboard.press('Escape');

    // A command's result is said where the palette was, and goes after a while.
    await runCommand(page, 'export csv', 'Export timeline as CSV');
    const said = page.getByRole('status').filter({ hasText: /^Downloaded palette-/ });
    await expect(said).toBeVisible();
    expect(await serious('.palette-outcome')).toEqual([]);
  });
}

test('Ctrl+K right after Escape opens the palette again: the closed dialog’s late close event does not shut the new one', async ({ page }) => {
  await openAs(page);
  await page.keyboard.press('Control+K');
  await expect(palette(page)).toBeVisible();
  // Escape's close, then Ctrl+K in the same task: the dialog's 'close' event is still queued when the key arrives.
  await page.evaluate(() => {
    document.querySelector('dialog[open]')!.dispatchEvent(new Event('cancel'));
    (document.querySelector('dialog[open]') as HTMLDialogElement).close();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true, cancelable: true }));
  });
  await expect(palette(page)).toBeVisible();
  await expect(palette(page).getByRole('combobox', { name: 'Command' })).toBeFocused();
  await page.waitForTimeout(300);
  await expect(palette(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
});
