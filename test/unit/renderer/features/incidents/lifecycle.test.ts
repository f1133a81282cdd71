import { describe, expect, it } from 'vitest';
import type { WarRoomDb } from '../../../../../renderer/db/database.ts';
import { getIncident, listEntries } from '../../../../../renderer/db/queries.ts';
import { declareIncident } from '../../../../../renderer/features/incidents/declare.ts';
import { acknowledge, assignRole, changePhase, changeSeverity, changeStatus, postStatusUpdate, setKeyTime } from '../../../../../renderer/features/incidents/lifecycle.ts';
import type { IncidentView } from '../../../../../shared/entities/index.ts';
import { freshDb } from '../../../support/freshDb.ts';

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const at = (minutes: number) => T0 + minutes * 60_000;

async function declared(db: WarRoomDb): Promise<IncidentView> {
  const result = await declareIncident(
    db,
    'Ana',
    { title: 'Checkout is down', severity: 'P2', type: 'availability', exercise: false, detectedAt: '', impactUser: '', impactBusiness: '', impactTechnical: '', usersAffected: '' },
    T0,
  );
  if (!('id' in result)) throw new Error(result.error);
  return (await getIncident(db, result.id))!;
}

async function current(db: WarRoomDb, incident: IncidentView): Promise<IncidentView> {
  return (await getIncident(db, incident.id))!;
}

/** The timeline as text, kind and tags: what the record shows. */
async function lines(db: WarRoomDb, incident: IncidentView) {
  return (await listEntries(db, incident.id)).map((e) => ({ text: e.text, kind: e.kind, tags: e.tags, author: e.author }));
}

describe('incident lifecycle', () => {
  it('a status change sets the status, stamps the key times it passes, and writes its line in the same commit', async () => {
    const db = freshDb('lifecycle');
    const incident = await declared(db);
    await changeStatus(db, incident, 'resolved', 'Ben', at(30));

    expect(await current(db, incident)).toMatchObject({
      status: 'resolved',
      acknowledgedAt: new Date(at(30)).toISOString(),
      mitigatedAt: new Date(at(30)).toISOString(),
      resolvedAt: new Date(at(30)).toISOString(),
      closedAt: null,
    });
    expect(await lines(db, incident)).toEqual([
      { text: 'Status: Investigating → Resolved (mitigated, resolved, acknowledged time recorded)', kind: 'event', tags: ['status'], author: 'Ben' },
    ]);
    // One declare, then the change and its line: two ops, stamped together.
    const ops = (await db.ops.toArray()).sort((a, b) => a.seq - b.seq);
    expect(ops.map((op) => op.kind)).toEqual(['incident.declare', 'incident.set', 'entry.add']);
  });

  it('a later status change keeps the times already stamped and names none', async () => {
    const db = freshDb('lifecycle');
    const incident = await declared(db);
    await changeStatus(db, incident, 'monitoring', 'Ben', at(10));
    await changeStatus(db, await current(db, incident), 'closed', 'Ben', at(40));
    expect(await current(db, incident)).toMatchObject({ mitigatedAt: new Date(at(10)).toISOString(), closedAt: new Date(at(40)).toISOString() });
    expect((await lines(db, incident)).map((l) => l.text)).toEqual([
      'Status: Investigating → Monitoring (mitigated, acknowledged time recorded)',
      'Status: Monitoring → Closed (resolved, closed time recorded)',
    ]);
  });

  it('severity changes are decisions on the timeline', async () => {
    const db = freshDb('lifecycle');
    const incident = await declared(db);
    await changeSeverity(db, incident, 'P0', 'Ana', at(5));
    expect((await current(db, incident)).severity).toBe('P0');
    expect(await lines(db, incident)).toEqual([{ text: 'Severity: P2 → P0', kind: 'decision', tags: ['severity'], author: 'Ana' }]);
  });

  it('a phase change names the phases in the team’s words and what was left open', async () => {
    const db = freshDb('lifecycle');
    const incident = await declared(db);
    await changePhase(db, incident, 'triage', 'Ana', { now: at(3), leftOpen: ['Page the DBA', 'Open a bridge'], names: { detection: 'Spotted', triage: 'Sorting' } as never });
    expect((await current(db, incident)).phase).toBe('triage');
    expect(await lines(db, incident)).toEqual([{ text: 'Phase: Spotted → Sorting (left open: Page the DBA; Open a bridge)', kind: 'event', tags: ['phase'], author: 'Ana' }]);
  });

  it('a change to what is already there writes nothing', async () => {
    const db = freshDb('lifecycle');
    const incident = await declared(db);
    const before = await db.ops.count();
    await changeStatus(db, incident, 'investigating', 'Ana', at(1));
    await changeSeverity(db, incident, 'P2', 'Ana', at(1));
    await changePhase(db, incident, 'detection', 'Ana', { now: at(1) });
    await assignRole(db, incident, 'scribe', '  ', 'Ana', at(1));
    expect(await db.ops.count()).toBe(before);
    expect(await lines(db, incident)).toEqual([]);
  });

  it('acknowledging, handing off a role and correcting a key time are each logged', async () => {
    const db = freshDb('lifecycle');
    const incident = await declared(db);
    await acknowledge(db, incident, 'Ana', at(2));
    await assignRole(db, await current(db, incident), 'incident-commander', 'Ana', 'Ana', at(3));
    await assignRole(db, await current(db, incident), 'incident-commander', 'Ben', 'Ana', at(4));
    await setKeyTime(db, await current(db, incident), 'detectedAt', '2026-03-02T09:50:00.000Z', 'Ana', at(5));
    const view = await current(db, incident);
    expect(view.acknowledgedAt).toBe(new Date(at(2)).toISOString());
    expect(view.roles['incident-commander']).toBe('Ben');
    expect(view.detectedAt).toBe('2026-03-02T09:50:00.000Z');
    expect((await lines(db, incident)).map((l) => l.text)).toEqual([
      'Acknowledged by Ana',
      'IC: Ana',
      'IC handed from Ana to Ben',
      'Detected time set to 2026-03-02 09:50 UTC',
    ]);
    await expect(setKeyTime(db, view, 'declaredAt', null, 'Ana')).rejects.toThrow(/always has a declared time/);
  });

  it('an update posted to an audience is logged with its audience and channel, and restarts the clock of that audience, in one commit', async () => {
    const db = freshDb('lifecycle');
    const incident = await declared(db);
    const customers = { id: 'customers', name: 'Customers', channel: 'Status page', customerFacing: true };
    await postStatusUpdate(db, incident, ' We are investigating. ', 'Ana', { now: at(20), template: 'update', audience: customers });

    const [entry] = await listEntries(db, incident.id);
    expect(entry).toMatchObject({ text: 'We are investigating.', kind: 'communication', tags: ['status-update', 'audience:customers'], audience: customers });
    expect(await current(db, incident)).toMatchObject({ lastUpdateAt: new Date(at(20)).toISOString(), audienceUpdates: { customers: new Date(at(20)).toISOString() } });
    const ops = (await db.ops.toArray()).sort((a, b) => a.seq - b.seq).slice(1);
    expect(ops.map((op) => op.kind)).toEqual(['incident.set', 'entry.add', 'entry.audience', 'incident.audience-update']);
  });

  it('an update posted without an audience is logged as before, with no audience', async () => {
    const db = freshDb('lifecycle');
    const incident = await declared(db);
    await postStatusUpdate(db, incident, 'All clear', 'Ana', { now: at(20), template: 'resolution' });
    expect(await listEntries(db, incident.id)).toMatchObject([{ tags: ['status-update', 'resolution-notice'], audience: null }]);
    expect((await current(db, incident)).audienceUpdates).toEqual({});
  });
});
