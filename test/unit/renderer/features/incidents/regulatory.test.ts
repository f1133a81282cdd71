import { describe, expect, it } from 'vitest';
import type { WarRoomDb } from '../../../../../renderer/db/database.ts';
import { getIncident, listEntries } from '../../../../../renderer/db/queries.ts';
import { declareIncident } from '../../../../../renderer/features/incidents/declare.ts';
import { recordIndividualsNotice, recordRegulatorNotice, setPersonalData } from '../../../../../renderer/features/incidents/regulatory.ts';
import { regulatoryClock } from '../../../../../shared/board/clocks.ts';
import type { IncidentView } from '../../../../../shared/entities/index.ts';
import { freshDb } from '../../../support/freshDb.ts';

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const at = (minutes: number) => T0 + minutes * 60_000;
const iso = (minutes: number) => new Date(at(minutes)).toISOString();

async function declared(db: WarRoomDb, type: 'availability' | 'security' = 'availability'): Promise<IncidentView> {
  const result = await declareIncident(
    db,
    'Ana',
    { title: 'Export leaked', severity: 'P2', type, exercise: false, detectedAt: '', impactUser: '', impactBusiness: '', impactTechnical: '', usersAffected: '' },
    T0,
  );
  if (!('id' in result)) throw new Error(result.error);
  return (await getIncident(db, result.id))!;
}

const current = async (db: WarRoomDb, incident: IncidentView) => (await getIncident(db, incident.id))!;
const lines = async (db: WarRoomDb, incident: IncidentView) => (await listEntries(db, incident.id)).map((e) => ({ text: e.text, kind: e.kind, author: e.author, tags: e.tags }));

describe('personal data and notices', () => {
  it('an availability incident can be marked as involving personal data: the 72 h clock runs, and the decision is logged with who', async () => {
    const db = freshDb('regulatory');
    const incident = await declared(db);
    expect(regulatoryClock({ incident, now: at(1) })).toBeNull();
    await setPersonalData(db, incident, true, 'Ben', at(30));
    const marked = await current(db, incident);
    expect(marked.regulated).toBe(true);
    expect(regulatoryClock({ incident: marked, now: at(30) })).toMatchObject({ state: 'running', deadlineAt: at(72 * 60) });
    expect(await lines(db, incident)).toEqual([
      { text: 'Personal data involved: yes. The 72 h regulator notice is due by 2026-03-05 10:00 UTC (72 h from declaration)', kind: 'decision', author: 'Ben', tags: ['regulatory'] },
    ]);
  });

  it('marking it not involved after it was, is possible and logged; so is marking it again', async () => {
    const db = freshDb('regulatory');
    const incident = await declared(db, 'security');
    await setPersonalData(db, incident, true, 'Ben', at(10));
    await setPersonalData(db, await current(db, incident), false, 'Cy', at(20));
    expect((await current(db, incident)).regulated).toBe(false);
    expect(regulatoryClock({ incident: await current(db, incident), now: at(30) })).toBeNull();
    // Setting what is already set writes nothing.
    await setPersonalData(db, await current(db, incident), false, 'Cy', at(25));
    expect((await lines(db, incident)).map((l) => `${l.author}: ${l.text}`)).toEqual([
      'Ben: Personal data involved: yes. The 72 h regulator notice is due by 2026-03-05 10:00 UTC (72 h from declaration)',
      'Cy: Personal data involved: no (was yes). No regulator notice clock',
    ]);
  });

  it('recording the regulator notice with its time, authority and reference stops the clock and is logged', async () => {
    const db = freshDb('regulatory');
    const incident = await declared(db);
    await setPersonalData(db, incident, true, 'Ben', at(5));
    await recordRegulatorNotice(db, await current(db, incident), { at: iso(60 * 24), authority: 'ICO', reference: 'CASE-2026-118' }, 'Ben', at(60 * 24 + 3));
    const notified = await current(db, incident);
    expect(notified).toMatchObject({ regulatoryNotifiedAt: iso(60 * 24), regulatorAuthority: 'ICO', regulatorReference: 'CASE-2026-118' });
    expect(regulatoryClock({ incident: notified, now: at(80 * 60) })?.state).toBe('notified');
    expect((await lines(db, incident)).at(-1)).toEqual({ text: 'Regulator notified at 2026-03-03 10:00 UTC: ICO, reference CASE-2026-118', kind: 'communication', author: 'Ben', tags: ['regulatory'] });
  });

  it('refuses a notice without its authority, reference or a real time, writing nothing', async () => {
    const db = freshDb('regulatory');
    const incident = await declared(db);
    await expect(recordRegulatorNotice(db, incident, { at: iso(5), authority: '  ', reference: 'R-1' }, 'Ben', at(6))).rejects.toThrow(/^Regulator notice: authority: cannot be blank/);
    await expect(recordRegulatorNotice(db, incident, { at: iso(5), authority: 'ICO' }, 'Ben', at(6))).rejects.toThrow(/reference/);
    await expect(recordIndividualsNotice(db, incident, { at: 'yesterday', how: 'email', reference: 'M-1' }, 'Ben', at(6))).rejects.toThrow(/^Individuals notice: at:/);
    expect(await lines(db, incident)).toEqual([]);
    expect((await current(db, incident)).regulatoryNotifiedAt).toBeNull();
  });

  it('records the affected individuals notice the same way: time, how and whom, reference', async () => {
    const db = freshDb('regulatory');
    const incident = await declared(db);
    await recordIndividualsNotice(db, incident, { at: iso(120), how: ' email to the 1,204 affected customers ', reference: 'MSG-77' }, 'Dee', at(125));
    expect(await current(db, incident)).toMatchObject({ individualsNotifiedAt: iso(120), individualsNotifiedHow: 'email to the 1,204 affected customers', individualsReference: 'MSG-77' });
    expect(await lines(db, incident)).toEqual([
      { text: 'Affected individuals notified at 2026-03-02 12:00 UTC: email to the 1,204 affected customers, reference MSG-77', kind: 'communication', author: 'Dee', tags: ['regulatory'] },
    ]);
  });
});
