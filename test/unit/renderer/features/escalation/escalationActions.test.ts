import { describe, expect, it } from 'vitest';
import { listContacts, getRoster, getTeamRoles } from '../../../../../renderer/db/contactQueries.ts';
import { commit } from '../../../../../renderer/db/commit.ts';
import { getEscalationMatrix, loggedEscalations } from '../../../../../renderer/db/escalationQueries.ts';
import { getIncident, getSeverityScheme, listEntries } from '../../../../../renderer/db/queries.ts';
import { importContactsCsv } from '../../../../../renderer/features/contacts/contactActions.ts';
import { logEscalation } from '../../../../../renderer/features/escalation/escalationActions.ts';
import { declareIncident } from '../../../../../renderer/features/incidents/declare.ts';
import { DEFAULT_ESCALATION_MATRIX } from '../../../../../shared/escalation/matrix.ts';
import { dueEscalations } from '../../../../../shared/escalation/due.ts';
import { freshDb } from '../../../support/freshDb.ts';

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const at = (minutes: number) => T0 + minutes * 60_000;
const CSV = 'type,name,roles,phone,email\nperson,Dana Lee,CTO,+44 20 7946 0000,dana@example.com\n';

describe('logging an escalation', () => {
  it('names the person from the directory with the way asked for, writes the line once with its tags, by the actor', async () => {
    const db = freshDb('escalation-log');
    expect(await importContactsCsv(db, CSV, 'Ivy')).toMatchObject({ ok: true });
    const declared = await declareIncident(
      db,
      'Ana',
      { title: 'Checkout down', severity: 'P1', type: 'availability', exercise: false, detectedAt: '', impactUser: '', impactBusiness: '', impactTechnical: '', usersAffected: '' },
      T0,
    );
    if (!('id' in declared)) throw new Error(declared.error);
    const incident = (await getIncident(db, declared.id))!;
    const people = { contacts: await listContacts(db), teamRoles: await getTeamRoles(db), roster: await getRoster(db) };
    const scheme = await getSeverityScheme(db);
    const due = (logged: Set<string>) => dueEscalations({ incident, scheme, matrix: DEFAULT_ESCALATION_MATRIX, people, now: at(61), logged });
    expect(await getEscalationMatrix(db)).toEqual(DEFAULT_ESCALATION_MATRIX);

    const [cto, lead] = due(new Set());
    expect(cto!.line).toBe('Escalated: Dana Lee (CTO), phone +44 20 7946 0000');
    expect(lead!.line).toBe('Escalated: Technical lead (no contact in the directory)');
    await logEscalation(db, incident.id, cto!, 'Ivy', at(62));
    await expect(logEscalation(db, incident.id, cto!, 'Ivy', at(63))).rejects.toThrow('The escalation at T+60 min is already logged');
    const lines = (await listEntries(db, incident.id)).filter((e) => e.tags.includes('escalation'));
    expect(lines.map((e) => ({ text: e.text, author: e.author, tags: e.tags, kind: e.kind }))).toEqual([
      { text: 'Escalated: Dana Lee (CTO), phone +44 20 7946 0000', author: 'Ivy', tags: ['escalation', 'escalation-t60'], kind: 'action' },
    ]);
    const logged = (await loggedEscalations(db, [incident.id])).get(incident.id)!;
    expect(due(logged).map((d) => d.tag)).toEqual(['escalation-t30']);

    // A struck line no longer counts: the step is owed a record again.
    await commit(db, { actor: 'Ivy', incident: incident.id, kind: 'entry.strike', data: { entry: lines[0]!.id, reason: 'wrong person' } });
    expect((await loggedEscalations(db, [incident.id])).get(incident.id)).toEqual(new Set());
  });

  it('the team matrix is a synced setting read back as saved', async () => {
    const db = freshDb('escalation-matrix-setting');
    const matrix = { scheme: 'p1-p4', rows: [{ severities: [], type: 'security' as const, service: null, steps: [{ afterMinutes: 5, notify: [{ onCall: 'primary' as const, via: 'phone' as const }] }] }] };
    await commit(db, { actor: 'Ivy', incident: null, kind: 'settings.escalation-matrix', data: { matrix } });
    expect(await getEscalationMatrix(db)).toEqual(matrix);
  });
});
