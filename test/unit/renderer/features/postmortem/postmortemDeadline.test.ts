import { describe, expect, it } from 'vitest';
import { getIncident, listEntries } from '../../../../../renderer/db/queries.ts';
import { declareIncident } from '../../../../../renderer/features/incidents/declare.ts';
import { changeStatus } from '../../../../../renderer/features/incidents/lifecycle.ts';
import { setPostmortemComplete } from '../../../../../renderer/features/postmortem/postmortemDeadline.ts';
import { postmortemDue } from '../../../../../shared/board/clocks.ts';
import { P0_P3_SCHEME } from '../../../../../shared/domain/severity.ts';
import { freshDb } from '../../../support/freshDb.ts';

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const H = 3_600_000;

describe('post-mortem deadline', () => {
  it('marking the post-mortem complete stops its clock and is logged; reopening restarts it', async () => {
    const db = freshDb('pm-deadline');
    const result = await declareIncident(
      db,
      'Ana',
      { title: 'Checkout down', severity: 'P0', type: 'availability', exercise: false, detectedAt: '', impactUser: '', impactBusiness: '', impactTechnical: '', usersAffected: '' },
      T0,
    );
    if (!('id' in result)) throw new Error(result.error);
    await changeStatus(db, (await getIncident(db, result.id))!, 'resolved', 'Ana', T0 + H);
    let incident = (await getIncident(db, result.id))!;
    expect(postmortemDue({ incident, scheme: P0_P3_SCHEME, now: T0 + 30 * H })).toMatchObject({ state: 'overdue', dueAt: T0 + 25 * H });

    await setPostmortemComplete(db, incident, true, 'Ben', T0 + 30 * H);
    incident = (await getIncident(db, result.id))!;
    expect(incident.postmortemCompletedAt).toBe(new Date(T0 + 30 * H).toISOString());
    expect(postmortemDue({ incident, scheme: P0_P3_SCHEME, now: T0 + 40 * H })?.state).toBe('done');

    await setPostmortemComplete(db, incident, false, 'Cy', T0 + 41 * H);
    incident = (await getIncident(db, result.id))!;
    expect(postmortemDue({ incident, scheme: P0_P3_SCHEME, now: T0 + 42 * H })?.state).toBe('overdue');
    const log = (await listEntries(db, result.id)).filter((e) => e.tags.includes('postmortem')).map((e) => `${e.author}: ${e.text}`);
    expect(log).toEqual(['Ben: Post-mortem marked complete', 'Cy: Post-mortem reopened (no longer complete)']);
  });
});
