import { describe, expect, it } from 'vitest';
import type { WarRoomDb } from '../../../../../renderer/db/database.ts';
import { getIncident, listEntries } from '../../../../../renderer/db/queries.ts';
import { declareIncident } from '../../../../../renderer/features/incidents/declare.ts';
import { declareDisaster, markRestored, standDownDisaster } from '../../../../../renderer/features/incidents/disaster.ts';
import { rtoClock } from '../../../../../shared/board/disasterClock.ts';
import type { IncidentView } from '../../../../../shared/entities/index.ts';
import { freshDb } from '../../../support/freshDb.ts';

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const at = (minutes: number) => T0 + minutes * 60_000;
const iso = (minutes: number) => new Date(at(minutes)).toISOString();

async function declared(db: WarRoomDb): Promise<IncidentView> {
  const result = await declareIncident(
    db,
    'Ana',
    { title: 'Primary region lost', severity: 'P0', type: 'infrastructure', exercise: false, detectedAt: '', impactUser: '', impactBusiness: '', impactTechnical: '', usersAffected: '' },
    T0,
  );
  if (!('id' in result)) throw new Error(result.error);
  return (await getIncident(db, result.id))!;
}

const current = async (db: WarRoomDb, incident: IncidentView) => (await getIncident(db, incident.id))!;
const lines = async (db: WarRoomDb, incident: IncidentView) => (await listEntries(db, incident.id)).filter((e) => e.tags.includes('disaster')).map((e) => ({ text: e.text, kind: e.kind, author: e.author }));
const approved = { at: iso(20), approvedBy: 'Dana Ruiz (CTO)', rtoMinutes: 60, rpoMinutes: 5 };

describe('disaster recovery', () => {
  it('a declaration records its approver and objectives, starts the RTO clock and is logged with who', async () => {
    const db = freshDb('disaster-declare');
    const incident = await declared(db);
    await declareDisaster(db, incident, approved, 'Ivy', at(21));
    const now = await current(db, incident);
    expect(now).toMatchObject({ disasterDeclaredAt: iso(20), disasterApprovedBy: 'Dana Ruiz (CTO)', disasterRtoMinutes: 60, disasterRpoMinutes: 5 });
    expect(rtoClock({ incident: now, now: at(50) })).toMatchObject({ state: 'running', deadlineAt: at(80) });
    expect(await lines(db, incident)).toEqual([
      { text: 'Disaster declared at 2026-03-02 10:20 UTC, approved by Dana Ruiz (CTO). RTO 60 min (services due back by 2026-03-02 11:20 UTC), RPO 5 min', kind: 'decision', author: 'Ivy' },
    ]);
  });

  it('refuses a declaration without an approver, and a second one while the first runs: nothing is written', async () => {
    const db = freshDb('disaster-refused');
    const incident = await declared(db);
    await expect(declareDisaster(db, incident, { ...approved, approvedBy: '  ' }, 'Ivy')).rejects.toThrow(/^Disaster declaration: .*approvedBy/);
    await expect(declareDisaster(db, incident, { ...approved, rtoMinutes: 0 }, 'Ivy')).rejects.toThrow(/rtoMinutes/);
    expect((await current(db, incident)).disasterDeclaredAt).toBeNull();
    await declareDisaster(db, incident, approved, 'Ivy');
    await expect(declareDisaster(db, await current(db, incident), approved, 'Ivy')).rejects.toThrow('already declared');
    await expect(standDownDisaster(db, await current(db, incident), { at: iso(30), reason: '' }, 'Ivy')).rejects.toThrow(/^Stand-down: /);
    expect(await lines(db, incident)).toHaveLength(1);
  });

  it('services restored after the RTO are logged as such; a stand-down with its reason; then a new declaration is possible', async () => {
    const db = freshDb('disaster-end');
    const incident = await declared(db);
    await declareDisaster(db, incident, approved, 'Ivy', at(20));
    await markRestored(db, await current(db, incident), iso(85), 'Ben', at(85));
    expect(rtoClock({ incident: await current(db, incident), now: at(90) })).toMatchObject({ state: 'restored', met: false });
    await expect(standDownDisaster(db, await current(db, incident), { at: iso(90), reason: 'done' }, 'Ben')).rejects.toThrow('No disaster is in progress');

    await declareDisaster(db, await current(db, incident), { ...approved, at: iso(100) }, 'Ivy', at(100));
    expect((await current(db, incident)).disasterRestoredAt).toBeNull();
    await standDownDisaster(db, await current(db, incident), { at: iso(110), reason: 'False alarm: the region came back' }, 'Ben', at(110));
    expect(rtoClock({ incident: await current(db, incident), now: at(200) })).toMatchObject({ state: 'stood-down' });
    expect((await lines(db, incident)).map((l) => `${l.author}: ${l.text}`)).toEqual([
      expect.stringMatching(/^Ivy: Disaster declared at 2026-03-02 10:20 UTC/),
      'Ben: Services restored at 2026-03-02 11:25 UTC, after the RTO of 60 min',
      expect.stringMatching(/^Ivy: Disaster declared at 2026-03-02 11:40 UTC/),
      'Ben: Disaster stood down at 2026-03-02 11:50 UTC: False alarm: the region came back',
    ]);
  });
});
