import { useMemo } from 'react';
import { DEFAULT_ESCALATION_MATRIX, type EscalationMatrix } from '../../../shared/escalation/matrix.ts';
import type { EscalationContext } from '../../../shared/escalation/resolve.ts';
import { getEscalationMatrix, loggedEscalations } from '../../db/escalationQueries.ts';
import { useLiveRows } from '../../db/hooks.ts';
import { useContacts, useRoster, useTeamRoles } from '../contacts/useContacts.ts';

export interface EscalationSources {
  matrix: EscalationMatrix;
  people: Omit<EscalationContext, 'incident'>;
}

/** The synced matrix (the default while it loads) and the directory, roles and roster that name its people. */
export function useEscalationSources(): EscalationSources {
  const matrix = useLiveRows(getEscalationMatrix, []) ?? DEFAULT_ESCALATION_MATRIX;
  const contacts = useContacts();
  const teamRoles = useTeamRoles();
  const roster = useRoster();
  // One object while nothing changed: the reminders' effect depends on it.
  return useMemo(() => ({ matrix, people: { contacts: contacts ?? [], teamRoles, roster } }), [matrix, contacts, teamRoles, roster]);
}

/** The escalation tags already logged on these incidents' timelines; undefined while loading. */
export function useLoggedEscalations(incidents: readonly string[]): Map<string, Set<string>> | undefined {
  return useLiveRows((db) => loggedEscalations(db, incidents), [incidents.join(',')]);
}
