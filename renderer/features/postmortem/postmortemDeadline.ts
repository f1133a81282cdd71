import type { IncidentView } from '../../../shared/entities/index.ts';
import { commitAll } from '../../db/commit.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { logLine } from '../incidents/lifecycle.ts';

/**
 * Mark the post-mortem complete (stops its deadline clock) or reopen it; logged in the
 * incident's timeline with who and when, in the same commit.
 */
export async function setPostmortemComplete(db: WarRoomDb, incident: IncidentView, complete: boolean, actor: string, now = Date.now()): Promise<void> {
  if ((incident.postmortemCompletedAt !== null) === complete) return;
  const at = complete ? new Date(now).toISOString() : null;
  await commitAll(db, [
    { actor, incident: incident.id, kind: 'incident.set', data: { fields: { postmortemCompletedAt: at } } },
    logLine(incident.id, actor, complete ? 'Post-mortem marked complete' : 'Post-mortem reopened (no longer complete)', 'event', now, ['postmortem']),
  ]);
}
