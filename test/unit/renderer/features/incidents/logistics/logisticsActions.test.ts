import { describe, expect, it } from 'vitest';
import { getIncident, listEntries } from '../../../../../../renderer/db/queries.ts';
import { declareIncident, type DeclareForm } from '../../../../../../renderer/features/incidents/declare.ts';
import { setLogistics } from '../../../../../../renderer/features/incidents/logistics/logisticsActions.ts';
import { postmortemToMarkdown } from '../../../../../../shared/postmortem/exportPostmortem.ts';
import { DEFAULT_TEMPLATE } from '../../../../../../shared/postmortem/templates.ts';
import { freshDb } from '../../../../support/freshDb.ts';

const NOW = Date.parse('2026-03-02T10:00:00.000Z');
const FORM: DeclareForm = { title: 'Checkout is down', severity: 'P1', type: 'availability', exercise: false, detectedAt: '', impactUser: '', impactBusiness: '', impactTechnical: '', usersAffected: '' };

async function declared(db: ReturnType<typeof freshDb>, form: DeclareForm = FORM) {
  const result = await declareIncident(db, 'Ana', form, NOW);
  if (!('id' in result)) throw new Error(result.error);
  return result.id;
}

describe('incident logistics on a real database', () => {
  it('are set trimmed, logged in the same commit, and a save that changes nothing writes nothing', async () => {
    const db = freshDb('logistics');
    const id = await declared(db);
    expect((await getIncident(db, id))!.logistics).toEqual({ bridge: '', chatChannel: '', room: '' });
    expect(await setLogistics(db, (await getIncident(db, id))!, { bridge: ' https://meet.example.com/inc ', chatChannel: '#inc-checkout', room: '' }, 'Ben', NOW + 1000)).toBe(true);
    const incident = (await getIncident(db, id))!;
    expect(incident.logistics).toEqual({ bridge: 'https://meet.example.com/inc', chatChannel: '#inc-checkout', room: '' });
    expect((await listEntries(db, id)).map((e) => [e.text, e.author, e.tags])).toEqual([['Logistics: Bridge: "https://meet.example.com/inc"; Chat channel: "#inc-checkout"', 'Ben', ['logistics']]]);
    const ops = await db.ops.count();
    expect(await setLogistics(db, incident, { ...incident.logistics! }, 'Ben', NOW + 2000)).toBe(false);
    expect(await db.ops.count()).toBe(ops);
  });

  it('refuses a second line, naming the field, and writes nothing', async () => {
    const db = freshDb('logistics');
    const id = await declared(db);
    const ops = await db.ops.count();
    await expect(setLogistics(db, (await getIncident(db, id))!, { bridge: '', chatChannel: '', room: 'Room 4\nforged line' }, 'Ben')).rejects.toThrow('room: one line');
    expect(await db.ops.count()).toBe(ops);
  });

  it('can be given when declaring, and show in the post-mortem details', async () => {
    const db = freshDb('logistics');
    const id = await declared(db, { ...FORM, logistics: { bridge: 'https://meet.example.com/x', chatChannel: '', room: 'Room 4' } });
    const incident = (await getIncident(db, id))!;
    expect(incident.logistics).toEqual({ bridge: 'https://meet.example.com/x', chatChannel: '', room: 'Room 4' });
    const entries = await listEntries(db, id);
    expect(entries.map((e) => e.text)).toEqual(['Logistics: Bridge: "https://meet.example.com/x"; Room: "Room 4"']);
    const markdown = postmortemToMarkdown({ incident, entries, sections: {}, template: DEFAULT_TEMPLATE.template, actionItems: [], timelineMode: 'all', exercise: false, generatedAt: '2026-03-03T09:00:00.000Z' });
    expect(markdown).toContain('| Bridge | https://meet.example.com/x |');
    expect(markdown).toContain('| Room | Room 4 |');
    expect(markdown).not.toContain('| Chat channel |');
  });
});
