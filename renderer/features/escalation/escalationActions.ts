import { ESCALATION_TAG, type DueEscalation } from '../../../shared/escalation/due.ts';
import { commit } from '../../db/commit.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { newRecordId } from '../../db/device.ts';
import { loggedEscalations } from '../../db/escalationQueries.ts';
import { timelineLine } from '../../../shared/timeline/timelineLine.ts';

/**
 * "Log escalation": the timeline line "Escalated: <who>, <how>" by the actor, tagged with the
 * step so it is written once (a second press, or a second window, finds the tag and stops).
 */
export async function logEscalation(db: WarRoomDb, incident: string, due: DueEscalation, actor: string, now = Date.now()): Promise<void> {
  const logged = (await loggedEscalations(db, [incident])).get(incident);
  if (logged?.has(due.tag)) throw new Error(`The escalation at T+${due.step.afterMinutes} min is already logged`);
  await commit(db, timelineLine({ incident, actor, entry: newRecordId('ent'), text: due.line, kind: 'action', at: now, tags: [ESCALATION_TAG, due.tag] }));
}
