import Dexie, { type Table } from 'dexie';
import type { EntryFields } from '../../shared/domain/entry.ts';
import type { DeviceState } from '../../shared/ops/createOp.ts';
import type { OpEnvelope } from '../../shared/ops/envelope.ts';
import type { ExerciseView } from '../../shared/exercises/exerciseView.ts';
import type { Cursors } from '../../shared/sync/ports.ts';
import type { SyncFault, TargetConfig } from '../../shared/sync/wire.ts';
import type { ActionStatus } from '../../shared/domain/postmortem.ts';
import { ChangeFeed } from './changes.ts';
import type {
  ActionDoc,
  ActionView,
  ChecklistDoc,
  ChecklistView,
  EntryDoc,
  EntryView,
  ExerciseDoc,
  IncidentDoc,
  IncidentView,
  PostmortemDoc,
  PostmortemView,
  SettingDoc,
} from '../../shared/state/docs.ts';

/** Materialized incident: the merged doc plus its view, flattened for the board. */
export interface IncidentRow {
  key: string;
  /** 1 once the declaration has arrived; 0 while only later edits are known. */
  live: 0 | 1;
  doc: IncidentDoc;
  view: IncidentView | null;
}

export interface EntryRow {
  key: string;
  incident: string;
  /** `<eventAt>|<hlc>` — the timeline's order; '' while the entry is not yet added. */
  order: string;
  doc: EntryDoc;
  view: EntryView | null;
}

/** Materialized checklist run; `view` is null until its start has arrived. */
export interface ChecklistRow {
  key: string;
  incident: string;
  doc: ChecklistDoc;
  view: ChecklistView | null;
}

/** Materialized post-mortem, keyed by its incident; there is a view as soon as anything was written. */
export interface PostmortemRow {
  key: string;
  incident: string;
  doc: PostmortemDoc;
  view: PostmortemView;
}

/** Materialized action item; `view` is null until its create has arrived. */
export interface ActionRow {
  key: string;
  incident: string;
  /** The current status, for the open-items query; '' while the item is not yet created. */
  status: ActionStatus | '';
  doc: ActionDoc;
  view: ActionView | null;
}

/** Materialized exercise, keyed by its incident; `view` is null until its start has arrived. */
export interface ExerciseRow {
  key: string;
  incident: string;
  doc: ExerciseDoc;
  view: ExerciseView | null;
}

export interface SettingRow {
  key: SettingDoc['key'];
  doc: SettingDoc;
}

export type MetaRow =
  | { key: 'device'; value: DeviceState }
  | { key: 'profile'; value: { operator: string } }
  /** How this laptop appears to the others on a sync target (devices/<id>.json). */
  | { key: 'deviceProfile'; value: { name: string; createdAt: string } };

/** A sync target this laptop exchanges ops with: local only, never synced itself. */
export interface SyncTargetRow {
  id: string;
  label: string;
  config: TargetConfig;
  createdAt: number;
  /** Per device: every op with seq ≤ cursor has been applied here (moved only with the apply). */
  cursors: Cursors;
  /** This device's ops 1..pushedSeq were on the target after the last good round. */
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

/** An op from a newer app version: kept, replayed after an upgrade (DESIGN.md §3). */
export interface PendingRow {
  id: string;
  op: OpEnvelope;
  reason: string;
}

/**
 * The `ops` table is the source of truth; `incidents`, `entries`, `settings`, `checklists`, `postmortems`, `actions` and `exercises` are derived from it in the
 * same transaction as each op insert and can always be rebuilt (DESIGN.md §2).
 */
export class WarRoomDb extends Dexie {
  ops!: Table<OpEnvelope, string>;
  meta!: Table<MetaRow, MetaRow['key']>;
  incidents!: Table<IncidentRow, string>;
  entries!: Table<EntryRow, string>;
  settings!: Table<SettingRow, string>;
  checklists!: Table<ChecklistRow, string>;
  postmortems!: Table<PostmortemRow, string>;
  actions!: Table<ActionRow, string>;
  exercises!: Table<ExerciseRow, string>;
  drafts!: Table<DraftRow, string>;
  pending!: Table<PendingRow, string>;
  syncTargets!: Table<SyncTargetRow, string>;
  syncLog!: Table<SyncLogRow, number>;
  /** Told of this database's commits; owned by it, so another open database never hears them. */
  readonly changes = new ChangeFeed();

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      // Keyed by content hash, so a fork (two ops sharing one id) keeps both.
      ops: 'hash, [device+seq], incident',
      meta: 'key',
      incidents: 'key, live',
      entries: 'key, [incident+order]',
      drafts: 'key',
      pending: 'id',
    });
    this.version(2).stores({ settings: 'key' });
    this.version(3).stores({ syncTargets: 'id', syncLog: '++seq, target' });
    // Checklist runs. An older database has no checklist ops to fold: an older app kept any it
    // received in `pending`, and replayPending applies them now that their kinds are known.
    this.version(4).stores({ checklists: 'key, incident' });
    // Post-mortems and action items; as with checklists, an older app kept their ops pending.
    this.version(5).stores({ postmortems: 'key', actions: 'key, incident, status' });
    // Tabletop exercises; an older app kept their ops pending, as above.
    this.version(6).stores({ exercises: 'key' });
  }
}

