import type { TeamRole } from '../../../shared/contacts/teamRoles.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { commitAll } from '../../db/commit.ts';
import { logLine } from './lifecycle.ts';

/** Assign or hand off a team-defined role, logged like a built-in one: "Database administrator: Dee". */
export async function assignTeamRole(db: WarRoomDb, incident: IncidentView, role: Pick<TeamRole, 'id' | 'name'>, person: string | null, actor: string, now = Date.now()): Promise<void> {
  const previous = incident.teamRoles?.[role.id]?.person ?? null;
  const next = person?.trim() || null;
  if (previous === next) return;
  const text = previous && next ? `${role.name} handed from ${previous} to ${next}` : next ? `${role.name}: ${next}` : `${role.name} unassigned (was ${previous})`;
  await commitAll(db, [
    { actor, incident: incident.id, kind: 'incident.assign-team-role', data: { role: role.id, name: role.name, person: next } },
    logLine(incident.id, actor, text, 'event', now, ['roles']),
  ]);
}
