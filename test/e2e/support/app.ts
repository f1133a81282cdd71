import { expect, type Page } from '@playwright/test';
import { SCHEMA_VERSION } from '../../../renderer/db/database.ts';

/** The schema of a newer War Room than this one. */
export const NEWER_SCHEMA = SCHEMA_VERSION + 1;

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

/** A profile as a newer War Room (NEWER_SCHEMA) would have left it, under `name`: Dexie stores version × 10. */
export function createNewerProfile(page: Page, name: string): Promise<void> {
  return page.evaluate(
    ({ database, version }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(database, version);
        request.onerror = () => reject(request.error);
        request.onupgradeneeded = () => request.result.createObjectStore('ops', { keyPath: 'hash' });
        request.onsuccess = () => (request.result.close(), resolve());
      }),
    { database: name, version: NEWER_SCHEMA * 10 },
  );
}

const matches = (title: string | RegExp, text: string) => (typeof title === 'string' ? text === title : title.test(text));

/** Where the incident's runbook picker lists a runbook: among those offered for the incident (first), the others, or not at all. */
export async function runbookOffer(page: Page, title: string | RegExp): Promise<'offered' | 'other' | 'absent'> {
  const picker = page.getByLabel('Start a runbook');
  if ((await picker.count()) === 0) return 'absent';
  const offered = await picker.locator('optgroup:not([label="Other runbooks"]) option').allTextContents();
  if (offered.some((text) => matches(title, text))) return 'offered';
  const others = await picker.locator('optgroup[label="Other runbooks"] option').allTextContents();
  return others.some((text) => matches(title, text)) ? 'other' : 'absent';
}

/** Start a runbook from the incident's picker, by keyboard: choose it, then Enter on "Start runbook". */
export async function startRunbook(page: Page, title: string | RegExp): Promise<void> {
  const picker = page.getByLabel('Start a runbook');
  const label = (await picker.locator('optgroup option').allTextContents()).find((text) => matches(title, text));
  expect(label, `the picker lists ${String(title)}`).toBeDefined();
  await picker.selectOption({ label: label! });
  await page.getByRole('button', { name: 'Start runbook' }).press('Enter');
}
