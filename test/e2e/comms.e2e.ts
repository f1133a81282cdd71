import { expect, test, type Page } from '@playwright/test';
import { declareByKeyboard, openAs } from './support/app.ts';

const boardRow = (page: Page, title: string) => page.getByRole('table').getByRole('row').filter({ hasText: title });
const audienceLine = (page: Page, title: string, audience: string) => boardRow(page, title).getByRole('list', { name: 'Next update per audience' }).getByRole('listitem').filter({ hasText: audience });

async function toBoard(page: Page) {
  await page.getByRole('link', { name: 'War Room' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
}

const templates = (prefix: string) => ({ initial: `${prefix}initial`, update: `${prefix}update`, resolution: `${prefix}resolution` });
const TWO_AUDIENCES = {
  levels: {
    P0: [
      { id: 'stakeholders', name: 'Stakeholders', cadenceMinutes: 15, channel: '#inc-bridge', customerFacing: false, templates: templates('') },
      { id: 'customers', name: 'Customers', cadenceMinutes: 30, channel: 'Status page', customerFacing: true, templates: templates('customer-') },
    ],
  },
};

/** Post an update to one audience from the incident page. */
async function postTo(page: Page, audience: string, text: string) {
  await page.getByRole('button', { name: 'Post status update' }).click();
  const dialog = page.getByRole('dialog', { name: 'Status update' });
  await expect(dialog.getByLabel('Update')).toBeEditable();
  await dialog.getByLabel('Audience').selectOption(audience);
  await expect(dialog).toContainText('Send to: Status page');
  await dialog.getByLabel('Update').fill(text);
  await dialog.getByRole('button', { name: 'Post update' }).click();
  await expect(dialog).toBeHidden();
}

test('a P0 with two audiences shows two due updates; posting to customers restarts only their clock', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await openAs(page, 'Ivy Commander');
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const plan = settings.getByLabel('Communications plan (JSON)');
  // A bad plan is refused, naming the level and the audience; nothing of it is kept.
  const bad = structuredClone(TWO_AUDIENCES);
  bad.levels.P0[1]!.cadenceMinutes = 0;
  await plan.fill(JSON.stringify(bad));
  await settings.getByRole('button', { name: 'Apply communications plan' }).click();
  await expect(settings.getByRole('alert')).toContainText('Level P0, audience customers: cadenceMinutes must be a whole number');
  await plan.fill(JSON.stringify(TWO_AUDIENCES));
  await settings.getByRole('button', { name: 'Apply communications plan' }).click();
  await expect(settings.getByRole('status')).toContainText('Communications plan applied');
  await settings.getByRole('button', { name: 'Cancel' }).click();

  await declareByKeyboard(page, 'Full outage', 'P0 · Critical', 'Availability');
  await toBoard(page);
  await expect(audienceLine(page, 'Full outage', 'Stakeholders')).toHaveText('Stakeholders: Due in 15 min');
  await expect(audienceLine(page, 'Full outage', 'Customers')).toHaveText('Customers: Due in 30 min');

  await page.clock.fastForward('16:00');
  await expect(audienceLine(page, 'Full outage', 'Stakeholders')).toHaveText(/Stakeholders: ⚠ Update [12] min overdue/);
  await expect(audienceLine(page, 'Full outage', 'Customers')).toHaveText(/Customers: ◷? ?Due in 1[34] min/);

  await boardRow(page, 'Full outage').getByRole('link', { name: 'Full outage' }).click();
  // The incident page shows each audience's clock too.
  await expect(page.getByRole('region', { name: 'Updates by audience' })).toContainText('Customers: Due in');
  await postTo(page, 'customers', 'We are investigating failed checkouts. Next update within 30 minutes.');

  await toBoard(page);
  await expect(audienceLine(page, 'Full outage', 'Customers')).toHaveText('Customers: Due in 30 min');
  await expect(audienceLine(page, 'Full outage', 'Stakeholders')).toHaveText(/Stakeholders: ⚠ Update [12] min overdue/);
  await expect(boardRow(page, 'Full outage')).toHaveClass(/overdue/);
});

test('an update posted to customers is logged with its audience and channel', async ({ page }) => {
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Checkout down', 'P0 · Critical', 'Availability');
  // The default plan: the customers of a P0 hear through the status page.
  await postTo(page, 'customers', 'Checkout is failing for some customers; we are on it.');
  const entries = page.getByRole('list', { name: 'Timeline entries' });
  const update = entries.getByRole('listitem').filter({ hasText: 'Checkout is failing for some customers' });
  await expect(update).toContainText('→ Customers · Status page');
  await expect(update).toContainText('#audience:customers');
  await page.reload();
  await expect(update).toContainText('→ Customers · Status page');
  await expect(update).toContainText('Comms');
});
