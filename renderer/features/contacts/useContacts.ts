import { DEFAULT_ROSTER, type Roster } from '../../../shared/contacts/roster.ts';
import type { TeamRoles } from '../../../shared/contacts/teamRoles.ts';
import type { ContactView } from '../../../shared/entities/index.ts';
import { getRoster, getTeamRoles, listContacts } from '../../db/contactQueries.ts';
import { useLiveRows } from '../../db/hooks.ts';

/** The directory without removed contacts; undefined while loading. */
export function useContacts(): ContactView[] | undefined {
  return useLiveRows(async (db) => (await listContacts(db)).filter((c) => !c.removed), []);
}

export function useTeamRoles(): TeamRoles {
  return useLiveRows(getTeamRoles, []) ?? [];
}

export function useRoster(): Roster {
  return useLiveRows(getRoster, []) ?? DEFAULT_ROSTER;
}
