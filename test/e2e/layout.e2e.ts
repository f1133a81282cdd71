import { expect, test, type Page } from '@playwright/test';
import { declareByKeyboard, openAs } from './support/app.ts';

/**
 * The scribe's war room: the timeline and its box own the screen. Counted as a scribe sees it:
 * rows whose box lies wholly inside the list's viewport, with the list itself inside the window.
 */
const entryBox = (page: Page) => page.getByRole('textbox', { name: 'New timeline entry' });
const sidePanel = (page: Page) => page.getByRole('complementary', { name: 'Incident details' });

async function visibleEntries(page: Page): Promise<number> {
  return page.getByRole('list', { name: 'Timeline entries' }).evaluate((list) => {
    const view = list.parentElement!.getBoundingClientRect();
    if (view.bottom > window.innerHeight + 0.5) return -1;
    return [...list.querySelectorAll('li')].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.height > 0 && box.top >= view.top - 0.5 && box.bottom <= view.bottom + 0.5;
    }).length;
  });
}

async function seedIncident(page: Page, count: number): Promise<void> {
  await openAs(page);
  await declareByKeyboard(page, 'Checkout latency spike in eu-west', 'P1 · High', 'Availability');
  for (let i = 1; i <= count; i++) {
    await entryBox(page).fill(`Entry ${String(i).padStart(2, '0')}: checked the pool on db-${i % 3}`);
    await entryBox(page).press('Enter');
  }
  await expect(page.getByText(`${count} entries`)).toBeVisible();
}

for (const theme of ['dark', 'light'] as const) {
  test(`${theme} theme: at least 15 one-line entries visible at 1440×900 and 10 at 1280×800, with the side panel open`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await seedIncident(page, 30);
    if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(sidePanel(page)).toBeVisible();
    await expect(entryBox(page)).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: test.info().outputPath(`layout-${theme}-1440x900.png`) });
    await expect.poll(() => visibleEntries(page)).toBeGreaterThanOrEqual(15);
    test.info().annotations.push({ type: 'visible entries 1440×900', description: String(await visibleEntries(page)) });

    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(entryBox(page)).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: test.info().outputPath(`layout-${theme}-1280x800.png`) });
    await expect.poll(() => visibleEntries(page)).toBeGreaterThanOrEqual(10);
    test.info().annotations.push({ type: 'visible entries 1280×800', description: String(await visibleEntries(page)) });
  });
}

test('focus mode by keyboard: F shows only the timeline and the box, F or Escape leaves it; the shortcuts list it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await seedIncident(page, 20);
  const title = page.getByRole('heading', { level: 1, name: 'Checkout latency spike in eu-west' });
  const focusButton = page.getByRole('button', { name: 'Focus mode' });

  // An F typed in the entry box is text, not the shortcut.
  await entryBox(page).press('f');
  await expect(entryBox(page)).toHaveValue('f');
  await expect(title).toBeVisible();
  await entryBox(page).press('Backspace');

  await entryBox(page).press('Escape');
  await page.keyboard.press('f');
  await expect(focusButton).toHaveAttribute('aria-pressed', 'true');
  await expect(title).toBeHidden();
  await expect(sidePanel(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Declare incident' })).toBeHidden();
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toBeVisible();
  await expect(entryBox(page)).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: test.info().outputPath('layout-focus-1280x800.png') });
  await page.keyboard.press('Escape');
  await expect(title).toBeVisible();
  await expect(sidePanel(page)).toBeVisible();
  await expect(focusButton).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('f');
  await expect(sidePanel(page)).toBeHidden();
  await page.keyboard.press('f');
  await expect(sidePanel(page)).toBeVisible();

  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByRole('row', { name: /^F Focus mode/ })).toBeVisible();
  // Escape closes the dialog, not focus mode (which is off).
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
});

test('the side panel collapses with its labelled toggle and stays collapsed after a reload; the timeline takes its room', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await seedIncident(page, 3);
  const toggle = page.getByRole('button', { name: 'Side panel' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const list = page.getByRole('list', { name: 'Timeline entries' });
  const narrow = (await list.boundingBox())!.width;
  await toggle.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(sidePanel(page)).toBeHidden();
  await expect.poll(async () => (await list.boundingBox())!.width).toBeGreaterThan(narrow + 200);
  await page.reload();
  await expect(page.getByText('3 entries')).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(sidePanel(page)).toBeHidden();
  await toggle.click();
  await expect(sidePanel(page)).toBeVisible();
  await expect(sidePanel(page).getByLabel('Start a runbook')).toBeVisible();
});

test('an error shows next to the control that caused it: a role assigned with no name is refused inside the Roles panel', async ({ page }) => {
  await openAs(page);
  await declareByKeyboard(page, 'Login failures', 'P2 · Medium', 'Availability');
  const roles = page.locator('details').filter({ has: page.locator('summary', { hasText: /^Roles · / }) });
  await roles.locator('summary').click();
  await roles.getByRole('button', { name: 'Assign' }).click();
  await expect(roles.getByRole('alert')).toHaveText('Type the name of the person taking the role.');
});
