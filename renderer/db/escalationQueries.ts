import { DEFAULT_ESCALATION_MATRIX, type EscalationMatrix } from '../../shared/escalation/matrix.ts';
import { ESCALATION_TAG } from '../../shared/escalation/due.ts';
import type { WarRoomDb } from './database.ts';
import { taggedEntries } from './queries.ts';

/** The team's escalation matrix (synced setting), or the plans' default until the team saves one. */
export async function getEscalationMatrix(db: WarRoomDb): Promise<EscalationMatrix> {
  const row = await db.settings.get('escalation-matrix');
  const doc = row?.doc.key === 'escalation-matrix' ? row.doc : null;
  return doc?.value[doc.value.length - 1]?.value ?? DEFAULT_ESCALATION_MATRIX;
}

/** The escalation tags already on each incident's timeline (struck entries do not count: the record was withdrawn). */
export async function loggedEscalations(db: WarRoomDb, incidents: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const incident of incidents) {
    const logged = (await taggedEntries(db, incident, ESCALATION_TAG)).filter((entry) => entry.struck === null);
    out.set(incident, new Set(logged.flatMap((entry) => entry.tags)));
  }
  return out;
}
