import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { commit } from '../../../../renderer/db/commit.ts';
import { WarRoomDb } from '../../../../renderer/db/database.ts';
import { verifyIncident } from '../../../../renderer/db/integrity.ts';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
let db: WarRoomDb;
let n = 0;

afterEach(async () => {
  await db.delete();
});

async function incidentWithEntries(): Promise<WarRoomDb> {
  db = new WarRoomDb(`integrity-${process.pid}-${n++}`);
  await commit(db, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.declare', data: { title: 'Pool exhausted', severity: 'P0', type: 'availability', declaredAt: iso(T) } });
  await commit(db, { actor: 'Ana', incident: 'inc-bbbbbb', kind: 'incident.declare', data: { title: 'Other', severity: 'P3', type: 'data', declaredAt: iso(T) } });
  for (const [entry, text] of [['ent-000001', 'pool at 100%'], ['ent-000002', 'raised max connections'], ['ent-000003', 'errors stopped']] as const) {
    await commit(db, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'entry.add', data: { entry, fields: { text, kind: 'note', eventAt: iso(T), pinned: false, tags: [] } } });
  }
  await commit(db, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'entry.edit', data: { entry: 'ent-000002', fields: { text: 'raised max connections to 200' } } });
  return db;
}

describe('verifyIncident', () => {
  it('verifies an intact timeline', async () => {
    const report = await verifyIncident(await incidentWithEntries(), 'inc-aaaaaa');
    expect(report).toEqual({ ops: 5, entries: 3, verifiedEntries: 3, problems: [] });
  });

  it('names the entry whose stored op was altered, and why', async () => {
    const db = await incidentWithEntries();
    const stored = (await db.ops.where('incident').equals('inc-aaaaaa').toArray()).find((op) => op.kind === 'entry.add' && (op.data as { entry: string }).entry === 'ent-000003')!;
    await db.ops.put({ ...stored, data: { ...stored.data, fields: { ...(stored.data as { fields: object }).fields, text: 'nothing happened' } } });
    const report = await verifyIncident(db, 'inc-aaaaaa');
    expect(report.verifiedEntries).toBe(2);
    expect(report.problems).toContainEqual({ opId: stored.id, entry: 'ent-000003', text: 'errors stopped', reason: expect.stringMatching(/^hash mismatch/) });
  });

  it('catches a materialized row edited behind the op log', async () => {
    const db = await incidentWithEntries();
    const row = (await db.entries.get('inc-aaaaaa/ent-000001'))!;
    await db.entries.put({ ...row, view: { ...row.view!, text: 'rewritten' } });
    const doc = { ...row.doc, fields: { ...row.doc.fields, text: [{ ...row.doc.fields.text![0]!, value: 'rewritten' }] } };
    await db.entries.put({ ...row, doc });
    const report = await verifyIncident(db, 'inc-aaaaaa');
    expect(report.problems).toEqual([{ opId: '—', entry: 'ent-000001', text: 'pool at 100%', reason: 'the stored timeline row differs from what its ops say' }]);
  });

  it('reports a broken link in the device chain even when it is another incident’s op', async () => {
    const db = await incidentWithEntries();
    const other = (await db.ops.where('incident').equals('inc-bbbbbb').first())!;
    await db.ops.put({ ...other, actor: 'Mallory' });
    const report = await verifyIncident(db, 'inc-aaaaaa');
    expect(report.problems).toEqual([expect.objectContaining({ opId: other.id, entry: null, reason: expect.stringMatching(/another incident/) })]);
  });
});
