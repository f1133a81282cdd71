/**
 * The entity registry, and War Room's op log bound to it. Adding an entity is one module beside
 * this one and one line in ENTITIES (docs/architecture.md#how-to-add-an-entity); the op-log core
 * (shared/ops, shared/state, shared/sync) stays generic and never names an entity.
 */
import type { z } from 'zod';
import { createOpWith, type DeviceState } from '../ops/createOp.ts';
import type { DeviceTrust, Signer } from '../ops/signature.ts';
import { parseOpWith, type OpEnvelope, type ParsedOp } from '../ops/envelope.ts';
import { foldOpsWith } from '../state/fold.ts';
import { createRegistry, type OpAddress, type TypedOp } from '../state/registry.ts';
import type { SegmentRef } from '../sync/layout.ts';
import type { LocalStore, TargetPort } from '../sync/ports.ts';
import { runSyncRoundWith, type SyncRoundOptions } from '../sync/round.ts';
import { decodeOpLine as decodeOpLineWith, decodeSegment as decodeSegmentWith, parseOpLine as parseOpLineWith } from '../sync/segment.ts';
import { actions } from './action.ts';
import { checklists } from './checklist.ts';
import { contacts } from './contact.ts';
import { entries } from './entry.ts';
import { evidence } from './evidence.ts';
import { exercises } from './exercise.ts';
import { incidents } from './incident.ts';
import { postmortems } from './postmortem.ts';
import { settings } from './settings.ts';

export * from './action.ts';
export * from './checklist.ts';
export * from './contact.ts';
export * from './entry.ts';
export * from './evidence.ts';
export * from './exercise.ts';
export * from './incident.ts';
export * from './postmortem.ts';
export * from './settings.ts';

/** Every entity War Room stores and syncs. */
const ENTITIES = [incidents, entries, settings, checklists, postmortems, actions, exercises, evidence, contacts] as const;

export const registry = createRegistry(ENTITIES);

type Entity = (typeof ENTITIES)[number];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Kinds = UnionToIntersection<Entity['kinds']>;

/** Every op kind this app knows (`<entity>.<verb>`); any other kind is from a newer app and kept pending. */
export type OpKind = keyof Kinds & string;
export type OpData<K extends OpKind> = z.output<Kinds[K]['data']>;
/** An op whose kind this app knows, with `data` narrowed by that kind's schema. */
export type Op<K extends OpKind = OpKind> = K extends OpKind ? TypedOp<K, OpData<K>> : never;
/** A change someone asks for, before it is stamped and chained. */
export interface OpIntent<K extends OpKind = OpKind> {
  actor: string;
  incident: string | null;
  kind: K;
  data: OpData<K>;
}

export type TableName = Entity['table'];
export type Doc = ReturnType<Entity['empty']>;
export type DocRef = Pick<Doc, 'table' | 'key'>;
export type MaterializedRow = ReturnType<Entity['row']>;
export type RowOf<T extends TableName> = ReturnType<Extract<Entity, { table: T }>['row']>;

/** Each kind's `data` schema, by kind. */
export const opKinds = Object.fromEntries(ENTITIES.flatMap((entity) => Object.entries(entity.kinds).map(([name, spec]) => [name, spec.data]))) as {
  [K in OpKind]: Kinds[K]['data'];
};

export function isKnownKind(kind: string): kind is OpKind {
  return registry.isKnownKind(kind);
}

/** Incident ops name their incident; team-wide settings carry null. */
export function kindNeedsIncident(kind: OpKind): boolean {
  return registry.needsIncident(kind);
}

/** Validate an untrusted op (from a file, a sync target, an import). Never throws. */
export function parseOp(input: unknown): ParsedOp<Op> {
  return parseOpWith(registry, input) as ParsedOp<Op>;
}

/** The next op of this device's chain; throws a ZodError naming the field for a bad payload. */
export function createOp<K extends OpKind>(state: DeviceState, intent: OpIntent<K>, now: number, sign?: Signer): { op: Op<K>; state: DeviceState } {
  return createOpWith(registry, state, intent, now, sign) as { op: Op<K>; state: DeviceState };
}

/** Each op touches exactly one doc: the incremental apply, the full rebuild and a commit share this. */
export function docRefOf(op: OpAddress): DocRef {
  return registry.refOf(op) as DocRef;
}

/** Why this app must not make the change now (e.g. editing a struck entry), given the doc it touches; null when it may. */
export function refusalOf(doc: Doc | undefined, intent: OpAddress): string | null {
  return registry.refusal(doc, intent);
}

/** Pure, commutative, idempotent: apply one op to the doc it touches. */
export function reduceDoc(doc: Doc | undefined, op: Op): Doc {
  return registry.reduce(doc, op) as Doc;
}

/** State is a pure fold over ops: any order, any duplicates, the same docs. */
export function foldOps(ops: Iterable<Op>, into: Map<string, Doc> = new Map()): Map<string, Doc> {
  return foldOpsWith(registry, ops, into) as Map<string, Doc>;
}

/** The materialized row of a folded doc: the doc, its view, and what its table indexes. */
export function rowOf(doc: Doc): MaterializedRow {
  return registry.rowOf(doc) as MaterializedRow;
}

/** One op line of a segment or a backup file, judged on its own. */
export function decodeOpLine(text: string, check?: (op: OpEnvelope) => string | null) {
  return decodeOpLineWith(parseOp, text, check);
}

/** All of decodeOpLine but the hash, for a reader that checks hashes and chains itself (`warroom verify`). */
export function parseOpLine(text: string, check?: (op: OpEnvelope) => string | null) {
  return parseOpLineWith(parseOp, text, check);
}

/** A segment, line by line: bad lines are reported and skipped. */
export function decodeSegment(text: string, ref: SegmentRef, trust: DeviceTrust | null = null) {
  return decodeSegmentWith(parseOp, text, ref, trust);
}

/** One sync round with one target, reading ops as this app's registry knows them. */
export function runSyncRound(store: LocalStore<Op>, port: TargetPort, targetId: string, options?: SyncRoundOptions) {
  return runSyncRoundWith(parseOp, store, port, targetId, options);
}
