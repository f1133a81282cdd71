import type { Artefact, EvidenceView } from '../../../shared/entities/index.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { commitAll } from '../../db/commit.ts';
import { newRecordId } from '../../db/device.ts';
import { logLine } from '../incidents/lifecycle.ts';

export interface NewEvidence {
  description: string;
  collectedBy: string;
  collectedAt: string;
  storedAt: string;
}

export interface NewHandover {
  from: string;
  to: string;
  at: string;
  reason: string;
  /** Where it is kept from now on; null when it stays where it was. */
  storedAt: string | null;
}

/** A short form of a hash for timeline lines; the full one is on the item and in the custody log. */
const short = (sha256: string) => `${sha256.slice(0, 12)}…`;

/** The item, and its line in the incident's timeline, in one commit. */
export async function recordEvidence(db: WarRoomDb, incident: string, input: NewEvidence, artefact: Artefact, actor: string, now = Date.now()): Promise<string> {
  const evidence = newRecordId('evi');
  await commitAll(db, [
    { actor, incident, kind: 'evidence.record', data: { evidence, ...input, artefact } },
    logLine(incident, actor, `Evidence collected by ${input.collectedBy}: ${input.description} (${artefact.name}, SHA-256 ${short(artefact.sha256)}), stored at ${input.storedAt}`.slice(0, 5000), 'evidence', now, ['evidence']),
  ]);
  return evidence;
}

export async function handOver(db: WarRoomDb, item: EvidenceView, input: NewHandover, actor: string, now = Date.now()): Promise<void> {
  const where = input.storedAt ? `, now at ${input.storedAt}` : '';
  await commitAll(db, [
    { actor, incident: item.incident, kind: 'evidence.handover', data: { evidence: item.id, handover: newRecordId('hnd'), ...input } },
    logLine(item.incident, actor, `Evidence handed over: ${item.description} from ${input.from} to ${input.to} (${input.reason})${where}`.slice(0, 5000), 'evidence', now, ['evidence', 'custody']),
  ]);
}

/** A re-check of the file, and its verdict in the timeline; the op carries the hash, every reader compares it. */
export async function recordCheck(db: WarRoomDb, item: EvidenceView, artefact: Artefact, actor: string, now = Date.now()): Promise<boolean> {
  const matches = artefact.sha256 === item.artefact.sha256;
  const verdict = matches
    ? `matches the recorded SHA-256 (${short(artefact.sha256)})`
    : `DOES NOT MATCH: recorded ${short(item.artefact.sha256)}, now ${short(artefact.sha256)} (${artefact.name}, ${artefact.size} bytes)`;
  await commitAll(db, [
    { actor, incident: item.incident, kind: 'evidence.verify', data: { evidence: item.id, check: newRecordId('chk'), artefact } },
    logLine(item.incident, actor, `Evidence re-checked: ${item.description}: ${verdict}`.slice(0, 5000), 'evidence', now, ['evidence', matches ? 'verified' : 'mismatch']),
  ]);
  return matches;
}
