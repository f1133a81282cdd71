import type { EvidenceView } from '../../shared/entities/index.ts';
import { compareStamps } from '../../shared/state/register.ts';
import type { WarRoomDb } from './database.ts';

export interface IncidentEvidence {
  /** Recorded items, in the order they were recorded (hlc, hash). */
  items: EvidenceView[];
  /** Items known here only by a hand-over or a re-check: their record has not arrived (not synced yet, or never made). */
  waiting: number;
}

/** An incident's evidence items. */
export async function listEvidence(db: WarRoomDb, incident: string): Promise<IncidentEvidence> {
  const rows = await db.evidence.where('incident').equals(incident).toArray();
  const recorded = rows.filter((row) => row.view !== null).sort((a, b) => compareStamps(a.doc.records[0]!, b.doc.records[0]!));
  return { items: recorded.map((row) => row.view!), waiting: rows.length - recorded.length };
}
