import { DEFAULT_ROSTER, type Roster } from '../../shared/contacts/roster.ts';
import type { TeamRoles } from '../../shared/contacts/teamRoles.ts';
import type { ContactView } from '../../shared/entities/index.ts';
import type { WarRoomDb } from './database.ts';

/** The contacts directory, removed ones included (the import plan matches them by id), by name. */
export async function listContacts(db: WarRoomDb): Promise<ContactView[]> {
  const rows = await db.contacts.toArray();
  return rows.flatMap((row) => (row.view ? [row.view] : [])).sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** The team's own roles (synced setting); none until the team adds some. */
export async function getTeamRoles(db: WarRoomDb): Promise<TeamRoles> {
  const row = await db.settings.get('team-roles');
  const doc = row?.doc.key === 'team-roles' ? row.doc : null;
  return doc?.value[doc.value.length - 1]?.value ?? [];
}

/** The on-call roster (synced setting); the plans' Monday 09:00 UTC handoff and no weeks until filled in. */
export async function getRoster(db: WarRoomDb): Promise<Roster> {
  const row = await db.settings.get('oncall-roster');
  const doc = row?.doc.key === 'oncall-roster' ? row.doc : null;
  return doc?.value[doc.value.length - 1]?.value ?? DEFAULT_ROSTER;
}
