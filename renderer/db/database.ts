import Dexie, { type Table } from 'dexie';
import type { EntryFields } from '../../shared/domain/entry.ts';
import { registry, type RowOf, type TableName } from '../../shared/entities/index.ts';
import type { AnyEntity } from '../../shared/state/registry.ts';
import type { DeviceState } from '../../shared/ops/createOp.ts';
import type { OpEnvelope } from '../../shared/ops/envelope.ts';
import type { Beyond } from '../../shared/sync/plan.ts';
import type { ClockHold, Cursors } from '../../shared/sync/ports.ts';
import type { SyncFault, TargetConfig } from '../../shared/sync/wire.ts';
import { ChangeFeed } from './changes.ts';
import { SigningKeys, type StoredSigningKey } from './signingKey.ts';
import type { DeviceTrust } from '../../shared/ops/signature.ts';

export type MetaRow =
  | { key: 'device'; value: DeviceState }
  | { key: 'profile'; value: { operator: string } }
  /** How this laptop appears to the others on a sync target (devices/<id>.json). */
  | { key: 'deviceProfile'; value: { name: string; createdAt: string } }
  /** This install's Ed25519 key (signingKey.ts). */
  | { key: 'signingKey'; value: StoredSigningKey }
  /** Other devices' keys as first seen on any target (docs/sync-format.md#signatures). */
  | { key: 'pinnedKeys'; value: Record<string, DeviceTrust> };

/** A sync target this laptop exchanges ops with: local only, never synced itself. */
export interface SyncTargetRow {
  id: string;
  label: string;
  config: TargetConfig;
  createdAt: number;
  /** Per device: every op with seq ≤ cursor has been applied here (moved only with the apply). */
  cursors: Cursors;
  /** Runs taken past each cursor (shared/sync/plan.ts); absent on rows older than it. */
  beyond?: Beyond;
  /** This device's ops 1..pushedSeq were on the target, read back hash for hash, after the last round. */
  pushedSeq: number;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastFault: SyncFault | null;
  /** Bad lines, forks and the like found in the last round (it still succeeded). */
  lastProblems: number;
}

export interface SyncLogRow {
  seq?: number;
  target: string;
  at: number;
  level: 'info' | 'warn' | 'error';
  message: string;
  file?: string;
}

export interface DraftRow {
  key: string;
  text: string;
  updatedAt: number;
  /** When typing began: a timeline entry's event time unless backfilled. */
  startedAt?: number;
  /** The id the entry will get, so a draft whose entry already committed is recognised as spent. */
  entryId?: string;
  /** Entries the scribe sent with Enter whose commit had not yet been confirmed when this was written. */
  pending?: PendingEntry[];
}

export interface PendingEntry {
  entry: string;
  fields: EntryFields;
}

/**
 * A valid op kept aside: from a newer app version, replayed after an upgrade (docs/architecture.md#sync);
 * or held for its far-ahead stamp (`clock`), applied when its time comes or a person accepts it.
 */
export interface PendingRow {
  id: string;
  op: OpEnvelope;
  reason: string;
  clock?: ClockHold;
}

/** The materialized tables, one per registered entity, typed by the row it declares. */
export type MaterializedTables = { [T in TableName]: Table<RowOf<T>, string> };

/**
 * Tables that are not entities: the op log itself, device state, drafts, ops kept for a newer
 * app, and sync bookkeeping (local only, never synced). Each with its indexes and the schema
 * version that introduced it, as entities declare theirs.
 */
const CORE_TABLES = {
  // Keyed by content hash, so a fork (two ops sharing one id) keeps both.
  ops: { indexes: 'hash, [device+seq], incident', since: 1 },
  meta: { indexes: 'key', since: 1 },
  drafts: { indexes: 'key', since: 1 },
  pending: { indexes: 'id', since: 1 },
  syncTargets: { indexes: 'id', since: 3 },
  syncLog: { indexes: '++seq, target', since: 3 },
} as const;

const STORES = [...Object.entries(CORE_TABLES), ...registry.entities.map((entity) => [entity.table, entity.store] as const)];

/** The schema version this app writes: the newest table's, or the newest change of a table's indexes. */
export const SCHEMA_VERSION = Math.max(...STORES.flatMap(([, store]) => [store.since, ...('changes' in store ? (store.changes ?? []).map((c) => c.at) : [])]));

/**
 * One `version()` per schema version, each declaring the tables it introduced and the tables
 * whose indexes it changed (their rows rebuilt from their docs, so the new index covers them).
 * An older database has no ops of a newer entity to fold: an older app kept any it received in
 * `pending`, and replayPending applies them once their kinds are known.
 */
function declareVersions(db: Dexie): void {
  for (let version = 1; version <= SCHEMA_VERSION; version += 1) {
    const added = STORES.filter(([, store]) => store.since === version).map(([table, store]) => [table, store.indexes] as const);
    const changed = (registry.entities as readonly AnyEntity[]).flatMap((entity) => (entity.store.changes ?? []).filter((c) => c.at === version).map((c) => ({ entity, indexes: c.indexes })));
    const declared = db.version(version).stores(Object.fromEntries([...added, ...changed.map(({ entity, indexes }) => [entity.table, indexes] as const)]));
    if (changed.length === 0) continue;
    declared.upgrade(async (tx) => {
      for (const { entity } of changed) {
        await tx.table(entity.table).toCollection().modify((row: { doc: unknown }, ref: { value: unknown }) => {
          ref.value = entity.row(row.doc);
        });
      }
    });
  }
}

/**
 * The `ops` table is the source of truth; every entity's table is derived from it in the same
 * transaction as each op insert and can always be rebuilt (docs/architecture.md#data-path).
 */
// Dexie adds a property per declared table: the interface gives the entity tables their types.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface WarRoomDb extends MaterializedTables {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class WarRoomDb extends Dexie {
  /** Each op exactly as written or read (the object its hash covers), never a normalized copy. */
  ops!: Table<OpEnvelope, string>;
  meta!: Table<MetaRow, MetaRow['key']>;
  drafts!: Table<DraftRow, string>;
  pending!: Table<PendingRow, string>;
  syncTargets!: Table<SyncTargetRow, string>;
  syncLog!: Table<SyncLogRow, number>;
  /** Told of this database's commits; owned by it, so another open database never hears them. */
  readonly changes = new ChangeFeed();
  /** This install's signing key, opened once per page. */
  readonly signing = new SigningKeys(this);

  constructor(name: string) {
    super(name);
    declareVersions(this);
  }

  /** One materialized table, as Dexie's own property (the same object tests and hooks see). */
  materialized<T extends TableName>(table: T): MaterializedTables[T] {
    return (this as MaterializedTables)[table];
  }

  /** The materialized tables, in registration order. */
  materializedTables(): Table<RowOf<TableName>, string>[] {
    return registry.tables.map((table) => this.materialized(table) as Table<RowOf<TableName>, string>);
  }
}
