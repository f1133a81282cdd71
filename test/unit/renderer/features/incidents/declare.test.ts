import { describe, expect, it } from 'vitest';
import { getIncident, listIncidents } from '../../../../../renderer/db/queries.ts';
import { declareIncident, type DeclareForm } from '../../../../../renderer/features/incidents/declare.ts';
import { freshDb } from '../../../support/freshDb.ts';

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

  it('refuses a bad form with a readable error and writes nothing', async () => {
    const db = freshDb('declare');
    expect(await declareIncident(db, 'Ana', { ...FORM, usersAffected: 'lots' }, NOW)).toEqual({ error: 'Users affected: "lots" is not a whole number' });
    expect(await declareIncident(db, 'Ana', { ...FORM, detectedAt: 'yesterday-ish' }, NOW)).toMatchObject({ error: expect.stringMatching(/^Detected at: /) });
    expect(await declareIncident(db, 'Ana', { ...FORM, title: '' }, NOW)).toMatchObject({ error: expect.any(String) });
    expect(await db.ops.count()).toBe(0);
    expect(await listIncidents(db)).toEqual([]);
  });
});
