import { describe, expect, it } from 'vitest';
import { getIncident, listIncidents } from '../../../../../renderer/db/queries.ts';
import { declareIncident, type DeclareForm } from '../../../../../renderer/features/incidents/declare.ts';
import { freshDb } from '../../../support/freshDb.ts';
import { readDeviceState } from '../../../../../renderer/db/device.ts';
import { deviceTag } from '../../../../../shared/domain/incidentRef.ts';

const NOW = Date.parse('2026-03-02T10:00:00.000Z');
const FORM: DeclareForm = {
  title: 'Checkout is down',
  severity: 'P1',
  type: 'availability',
  exercise: false,
  detectedAt: '-15m',
  impactUser: '  Customers cannot pay ',
  impactBusiness: '',
  impactTechnical: '',
  usersAffected: '1200',
};

describe('declareIncident', () => {
  it('records one incident.declare op and the incident it folds to', async () => {
    const db = freshDb('declare');
    const result = await declareIncident(db, 'Ana', FORM, NOW);
    if (!('id' in result)) throw new Error(result.error);
    expect(result.id).toMatch(/^inc-[0-9a-f]{16}$/);

    const ops = await db.ops.toArray();
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ kind: 'incident.declare', actor: 'Ana', incident: result.id });

    expect(await getIncident(db, result.id)).toMatchObject({
      id: result.id,
      title: 'Checkout is down',
      severity: 'P1',
      status: 'investigating',
      declaredAt: '2026-03-02T10:00:00.000Z',
      detectedAt: '2026-03-02T09:45:00.000Z',
      impactUser: 'Customers cannot pay',
      usersAffected: 1200,
    });
  });

  it('mints this laptop’s readable ids in order, and takes the summary and services', async () => {
    const db = freshDb('declare-ref');
    const first = await declareIncident(db, 'Ana', { ...FORM, summary: ' Card payments fail ', services: 'payments-api, checkout, payments-api' }, NOW);
    const second = await declareIncident(db, 'Ana', FORM, NOW + 1000);
    const nextYear = await declareIncident(db, 'Ana', FORM, Date.parse('2027-01-01T00:00:00.000Z'));
    if (!('id' in first) || !('id' in second) || !('id' in nextYear)) throw new Error('not declared');
    const tag = deviceTag((await readDeviceState(db))!.device);
    expect([first.ref, second.ref, nextYear.ref]).toEqual([`INC-2026-${tag}-0001`, `INC-2026-${tag}-0002`, `INC-2027-${tag}-0001`]);
    expect(await getIncident(db, first.id)).toMatchObject({ ref: first.ref, summary: 'Card payments fail', services: ['payments-api', 'checkout'] });
  });

  it('refuses a bad form with a readable error and writes nothing', async () => {
    const db = freshDb('declare');
    expect(await declareIncident(db, 'Ana', { ...FORM, usersAffected: 'lots' }, NOW)).toEqual({ error: 'Users affected: "lots" is not a whole number' });
    expect(await declareIncident(db, 'Ana', { ...FORM, detectedAt: 'yesterday-ish' }, NOW)).toMatchObject({ error: expect.stringMatching(/^Detected at: /) });
    expect(await declareIncident(db, 'Ana', { ...FORM, title: '' }, NOW)).toMatchObject({ error: expect.any(String) });
    expect(await db.ops.count()).toBe(0);
    expect(await listIncidents(db)).toEqual([]);
  });
});
