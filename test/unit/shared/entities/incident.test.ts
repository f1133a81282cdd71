import { describe, expect, it } from 'vitest';
import { foldOps, heldRoleCount, incidentView, roleHolders, parseOp, type IncidentDoc, type Op } from '../../../../shared/entities/index.ts';
import { Device } from '../../support/device.ts';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const INC = 'inc-aaaaaa';
const declare = { actor: 'Ana', kind: 'incident.declare' as const, data: { title: 'DB down', severity: 'P1', type: 'data' as const, declaredAt: new Date(T).toISOString() } };
const assignTeam = (person: string | null) => ({ actor: 'Ana', kind: 'incident.assign-team-role' as const, data: { role: 'database-administrator', name: 'Database administrator', person } });

const viewOf = (ops: readonly Op[]) => incidentView(foldOps(ops).get(`incidents:${INC}`) as IncidentDoc);

describe('team roles on an incident', () => {
  it('fold beside the built-in roles, in any order, and release', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ops = [ana.make(declare, T), ana.make({ actor: 'Ana', kind: 'incident.assign', data: { role: 'incident-commander', person: 'Ana' } }, T + 1), ana.make(assignTeam('Dee'), T + 2)];
    for (const order of [ops, [...ops].reverse(), [...ops, ...ops]]) {
      const view = viewOf(order)!;
      expect(view.roles).toEqual({ 'incident-commander': 'Ana' });
      expect(view.teamRoles).toEqual({ 'database-administrator': { name: 'Database administrator', person: 'Dee' } });
    }
    expect(viewOf([...ops, ana.make(assignTeam(null), T + 3)])!.teamRoles).toEqual({});
  });

  it('an older peer keeps the new kind pending; a built-in assign from an older peer still folds', () => {
    const op = new Device('aaaaaaaaaaaaaaaa', INC).make(assignTeam('Dee'), T);
    expect(parseOp({ ...op, kind: 'incident.assign-team-role' }).status).toBe('ok');
    // A team role never travels in `incident.assign`: an older app would find it invalid there.
    expect(parseOp({ ...op, kind: 'incident.assign', data: { role: 'database-administrator', person: 'Dee' } }).status).toBe('invalid');
  });

  it('an incident doc materialized before team roles existed still has a view', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const doc = foldOps([ana.make(declare, T)]).get(`incidents:${INC}`) as IncidentDoc;
    const { teamRoles: _absent, ...older } = doc;
    expect(incidentView(older as IncidentDoc)?.teamRoles).toEqual({});
  });

  it('count as held roles and their holders as people on the incident', () => {
    const incident = { roles: { 'incident-commander': 'Ana' }, teamRoles: { dba: { name: 'DBA', person: 'Dee' }, legal: { name: 'Legal', person: 'Ana' } } };
    expect(roleHolders(incident)).toEqual(['Ana', 'Dee']);
    expect(heldRoleCount(incident)).toBe(3);
    expect(heldRoleCount({ roles: {} })).toBe(0);
  });
});

describe('per-audience update times on an incident', () => {
  const posted = (audience: string, minutes: number) => ({ actor: 'Ana', kind: 'incident.audience-update' as const, data: { audience, at: new Date(T + minutes * 60_000).toISOString() } });

  it('two laptops posting to two audiences both count, in any order; the later post to one audience wins', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ben = new Device('bbbbbbbbbbbbbbbb', INC);
    const ops = [ana.make(declare, T), ana.make(posted('stakeholders', 5), T + 5 * 60_000), ben.make(posted('customers', 6), T + 6 * 60_000), ben.make(posted('stakeholders', 20), T + 20 * 60_000)];
    for (const order of [ops, [...ops].reverse(), [...ops, ...ops]]) {
      expect(viewOf(order)!.audienceUpdates).toEqual({ stakeholders: new Date(T + 20 * 60_000).toISOString(), customers: new Date(T + 6 * 60_000).toISOString() });
    }
  });

  it('an audience id that is not a slug (e.g. __proto__) is invalid, so it cannot reach the prototype', () => {
    const op = new Device('aaaaaaaaaaaaaaaa', INC).make(posted('customers', 1), T);
    expect(parseOp(op).status).toBe('ok');
    expect(parseOp({ ...op, data: { ...op.data, audience: '__proto__' } }).status).toBe('invalid');
  });
});
