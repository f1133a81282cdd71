import { expect, type Page } from '@playwright/test';

/** Open the app and get past the first-run prompt as `operator`. */
export async function openAs(page: Page, operator = 'Ana Scribe'): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Your name').fill(operator);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByText(`Operator: ${operator}`)).toBeVisible();
}

/** Declare through the dialog, keyboard only. */
export async function declareByKeyboard(page: Page, title: string, severity: string, type: string): Promise<void> {
  await page.keyboard.press('Alt+N');
  const dialog = page.getByRole('dialog', { name: 'Declare an incident' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Title')).toBeFocused();
  // Editable once its saved draft has been read back.
  await expect(dialog.getByLabel('Title')).toBeEditable();
  await page.keyboard.type(title);
  await dialog.getByLabel('Severity').selectOption({ label: severity });
  await dialog.getByLabel('Type').selectOption({ label: type });
  await dialog.getByRole('button', { name: 'Declare' }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // The new incident opens with its entry box focused, once its (empty) draft has been read.
  await expect(page.getByRole('textbox', { name: 'New timeline entry' })).toBeFocused();
}

/** Fail the test on any CSP violation or uncaught error the page reports. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  return errors;
}

/** A draft's text straight from IndexedDB, beside the app (null: none stored). */
export function storedDraft(page: Page, key: string): Promise<string | null> {
  return page.evaluate(
    (draftKey) =>
      new Promise<string | null>((resolve) => {
        const request = indexedDB.open('warroom');
        request.onsuccess = () => {
          const get = request.result.transaction('drafts').objectStore('drafts').get(draftKey);
          get.onsuccess = () => (request.result.close(), resolve((get.result as { text?: string } | undefined)?.text ?? null));
        };
      }),
    key,
  );
}

/** A profile as a newer War Room (schema 99) would have left it, under `name`: Dexie stores version × 10. */
export function createNewerProfile(page: Page, name: string): Promise<void> {
  return page.evaluate(
    (database) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(database, 990);
        request.onerror = () => reject(request.error);
        request.onupgradeneeded = () => request.result.createObjectStore('ops', { keyPath: 'hash' });
        request.onsuccess = () => (request.result.close(), resolve());
      }),
    name,
  );
}
