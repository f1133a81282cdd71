import { describe, expect, it } from 'vitest';
import { listTeamStatusTemplates } from '../../../../../renderer/db/queries.ts';
import { importStatusTemplateFiles, removeStatusTemplate, saveStatusTemplate, statusTemplateIdFor } from '../../../../../renderer/features/comms/statusTemplateLibrary.ts';
import { serializeTemplateFile, statusTemplateLibrary } from '../../../../../shared/comms/templateSource.ts';
import { STATUS_TEMPLATES } from '../../../../../shared/comms/statusTemplates.ts';
import { freshDb } from '../../../support/freshDb.ts';

const good = (id: string) => ({ name: `${id}.md`, text: serializeTemplateFile({ id, name: `Team ${id}`, body: 'Status: {{status}}\nUpdates: {{channel}}' }) });

describe('the status template library on a real database', () => {
  it('saves an edit of a built-in for the team, and restoring brings the built-in back', async () => {
    const db = freshDb('status-templates');
    expect(await saveStatusTemplate(db, { id: 'customer-update', name: 'Customer update', body: 'We are on it: {{status}}' }, 'Ana')).toEqual({ ok: true });
    expect(statusTemplateLibrary(await listTeamStatusTemplates(db)).find((t) => t.id === 'customer-update')?.body).toBe('We are on it: {{status}}');
    await removeStatusTemplate(db, 'customer-update', 'Ana');
    expect(await listTeamStatusTemplates(db)).toEqual([]);
    expect(statusTemplateLibrary(await listTeamStatusTemplates(db))).toEqual(STATUS_TEMPLATES);
  });

  it('refuses a malformed body by line and writes nothing', async () => {
    const db = freshDb('status-templates');
    expect(await saveStatusTemplate(db, { id: 'x', name: 'X', body: 'ok\n{{owner}}' }, 'Ana')).toEqual({ ok: false, errors: [{ line: 2, message: 'unknown placeholder {{owner}}' }] });
    expect(await db.ops.count()).toBe(0);
  });

  it('imports several files in one go, and with one bad file imports none, naming the file and line', async () => {
    const db = freshDb('status-templates');
    const bad = { name: 'broken.md', text: '---\nid: broken\nname: Broken\n---\nStatus: {{status\n' };
    expect(await importStatusTemplateFiles(db, [good('one'), bad, good('two')], 'Ana')).toEqual({
      ok: false,
      errors: [{ message: 'broken.md, line 5: "{{status" opens {{ with no }} on the same line' }],
    });
    expect(await db.ops.count()).toBe(0);
    expect(await importStatusTemplateFiles(db, [good('one'), good('two')], 'Ana')).toEqual({ ok: true, names: ['Team one', 'Team two'] });
    expect((await listTeamStatusTemplates(db)).map((t) => t.id).sort()).toEqual(['one', 'two']);
  });

  it('makes an id from a name, never one already taken', () => {
    expect(statusTemplateIdFor('  Our Outage Notice! ')).toBe('our-outage-notice');
    expect(statusTemplateIdFor('***')).toBe('template');
    expect(statusTemplateIdFor('Update', ['update', 'update-2'])).toBe('update-3');
  });
});
