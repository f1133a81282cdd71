import { z } from 'zod';
import { hlcToIso } from '../ops/hlc.ts';
import { IsoTime, RecordId } from '../ops/ids.ts';
import { compareStamps, insertSorted, type Stamp } from '../state/register.ts';
import { defineEntity, kind } from '../state/registry.ts';

/**
 * Evidence with a chain of custody. The artefact itself never enters War Room: only its name,
 * size and SHA-256, computed where the file is. Every record is append-only: a hand-over or a
 * re-check is a new op, and nothing is ever overwritten, so the custody log is the op log.
 */

/** A SHA-256 as 64 lowercase hex characters: the only form stored, so every laptop compares the same text. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lowercase hex characters');

/** A file's name as the person chose it: a name, never a path (the path stays on the laptop that hashed it). */
export const ArtefactName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\\p{Cc}]/u.test(name), 'a file name, without a folder or control characters');

/** What War Room knows of an artefact: its name, size in bytes, and SHA-256. */
export const Artefact = z.object({ name: ArtefactName, size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), sha256: Sha256Hex }).strict();
export type Artefact = z.infer<typeof Artefact>;

const Person = z.string().trim().min(1).max(100);
const Text = (max: number) => z.string().trim().min(1).max(max);

/** `evidence.record`: what the item is, who collected it and when, where it is kept, and its hash. */
export const EvidenceRecord = z
  .object({
    evidence: RecordId,
    description: Text(500),
    collectedBy: Person,
    collectedAt: IsoTime,
    storedAt: Text(500),
    artefact: Artefact,
  })
  .strict();
export type EvidenceRecord = z.infer<typeof EvidenceRecord>;

/** `evidence.handover`: one move of the item from one person to another; `storedAt` null when it stays where it was. */
export const EvidenceHandover = z
  .object({
    evidence: RecordId,
    handover: RecordId,
    from: Person,
    to: Person,
    at: IsoTime,
    reason: Text(1000),
    storedAt: Text(500).nullable(),
  })
  .strict()
  .refine((h) => h.from.toLowerCase() !== h.to.toLowerCase(), { message: 'a hand-over goes from one person to another', path: ['to'] });
export type EvidenceHandover = z.infer<typeof EvidenceHandover>;

/** `evidence.verify`: the file was hashed again; whether it matches is decided by every reader, never carried. */
export const EvidenceCheck = z.object({ evidence: RecordId, check: RecordId, artefact: Artefact }).strict();
export type EvidenceCheck = z.infer<typeof EvidenceCheck>;

type Stamped<T> = Stamp & { value: T };

export interface EvidenceDoc {
  table: 'evidence';
  key: string;
  incident: string;
  evidence: string;
  /** Every record op for this id, by (hlc, hash); the earliest is the item's (a fork's twin is kept, not shown). */
  records: readonly Stamped<Omit<EvidenceRecord, 'evidence'>>[];
  handovers: readonly Stamped<Omit<EvidenceHandover, 'evidence'>>[];
  checks: readonly Stamped<Omit<EvidenceCheck, 'evidence'>>[];
}

export interface HandoverView extends Omit<EvidenceHandover, 'evidence'> {
  /** Who recorded it, and when (ISO). */
  recordedBy: string;
  recordedAt: string;
  /** False when `from` is not who held the item before: a gap in the chain, shown as such. */
  continuous: boolean;
}

export interface CheckView {
  by: string;
  at: string;
  artefact: Artefact;
  /** The same SHA-256 as recorded: the file is unchanged. */
  matches: boolean;
}

export interface EvidenceView extends Omit<EvidenceRecord, 'evidence'> {
  id: string;
  incident: string;
  recordedBy: string;
  recordedAt: string;
  /** Where it is now: the last hand-over's place that named one, else where it was first stored. */
  currentlyAt: string;
  /** Who holds it now: the last hand-over's `to`, else who collected it. */
  holder: string;
  /** By hand-over time, then record order. */
  handovers: HandoverView[];
  /** In the order they were recorded. */
  checks: CheckView[];
}

/** Materialized evidence item; `view` is null while only hand-overs or checks of it have arrived. */
export interface EvidenceRow {
  key: string;
  incident: string;
  doc: EvidenceDoc;
  view: EvidenceView | null;
}

export function evidenceKey(incident: string, evidence: string): string {
  return `${incident}/${evidence}`;
}

const samePerson = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function evidenceView(doc: EvidenceDoc): EvidenceView | null {
  const record = doc.records[0];
  if (!record) return null;
  const { value } = record;
  const ordered = [...doc.handovers].sort((a, b) => (a.value.at < b.value.at ? -1 : a.value.at > b.value.at ? 1 : compareStamps(a, b)));
  let holder = value.collectedBy;
  let currentlyAt = value.storedAt;
  const handovers = ordered.map((h): HandoverView => {
    const continuous = samePerson(h.value.from, holder);
    holder = h.value.to;
    if (h.value.storedAt !== null) currentlyAt = h.value.storedAt;
    return { ...h.value, recordedBy: h.actor, recordedAt: hlcToIso(h.hlc), continuous };
  });
  const checks = doc.checks.map((c) => ({ by: c.actor, at: hlcToIso(c.hlc), artefact: c.value.artefact, matches: c.value.artefact.sha256 === value.artefact.sha256 }));
  return { ...value, id: doc.evidence, incident: doc.incident, recordedBy: record.actor, recordedAt: hlcToIso(record.hlc), currentlyAt, holder, handovers, checks };
}

const evidenceKind = kind<EvidenceDoc>();
const byEvidence = (op: { incident: string | null; data: { evidence: string } }) => evidenceKey(op.incident!, op.data.evidence);
const rest = <T extends { evidence: string }>({ evidence: _, ...value }: T): Omit<T, 'evidence'> => value;

export const evidence = defineEntity({
  table: 'evidence',
  scope: 'incident',
  store: { indexes: 'key, incident', since: 7 },
  kinds: {
    /** A new evidence item, with the SHA-256 of its artefact. */
    'evidence.record': evidenceKind(EvidenceRecord, {
      key: byEvidence,
      reduce: (doc, op, stamp) => ({ ...doc, records: insertSorted(doc.records, { ...stamp, value: rest(op.data) }) }),
    }),
    /** A hand-over; kept even before its record arrives (the fold must not depend on order). */
    'evidence.handover': evidenceKind(EvidenceHandover, {
      key: byEvidence,
      reduce: (doc, op, stamp) => ({ ...doc, handovers: insertSorted(doc.handovers, { ...stamp, value: rest(op.data) }) }),
    }),
    /** A re-check of the file against the recorded SHA-256. */
    'evidence.verify': evidenceKind(EvidenceCheck, {
      key: byEvidence,
      reduce: (doc, op, stamp) => ({ ...doc, checks: insertSorted(doc.checks, { ...stamp, value: rest(op.data) }) }),
    }),
  },
  empty: (key, op): EvidenceDoc => ({ table: 'evidence', key, incident: op.incident!, evidence: op.data.evidence, records: [], handovers: [], checks: [] }),
  row(doc): EvidenceRow {
    return { key: doc.key, incident: doc.incident, doc, view: evidenceView(doc) };
  },
});
