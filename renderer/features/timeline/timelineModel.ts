import { useSyncExternalStore } from 'react';
import type { EntryView } from '../../../shared/entities/index.ts';
import { type CommittedChange } from '../../db/changes.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import type { WarRoomDb } from '../../db/database.ts';
import { readTimelineChunk, readTimelineTail } from '../../db/queries.ts';

const orderOf = (entry: EntryView) => `${entry.eventAt}|${entry.hlc}`;

function insertionIndex(entries: readonly EntryView[], order: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (orderOf(entries[mid]!) < order) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The latest entries, read first: many screenfuls, read in a few milliseconds whatever the incident's length. */
export const TIMELINE_TAIL = 500;
/** The older entries are then read this many at a time, yielding between reads so typing stays responsive. */
export const TIMELINE_CHUNK = 10_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * One incident's timeline in memory, in event order, patched with the rows of each committed
 * transaction, so a new line shows in well under a frame even with 100k entries.
 *
 * Opening a long incident reads the latest TIMELINE_TAIL entries and the total count first, so
 * the page is usable at once; the older entries follow in chunks (`complete` turns true when all
 * are read). A committed change always wins over a chunk: a chunk's copy of an entry already
 * known is skipped, as the change that put it there is at least as new.
 */
export class TimelineModel {
  private entries: readonly EntryView[] = [];
  /** Entries counted at open that no chunk has read yet: what the total adds to `entries`. */
  private unread = 0;
  complete = false;
  /** Authors and tags seen, for the filter menus; kept incrementally (O(1) per change). */
  private facetSnapshot: TimelineFacets = { authors: [], tags: [] };
  private readonly authors = new Set<string>();
  private readonly tags = new Set<string>();
  private readonly orders = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private buffered: CommittedChange[] | null = [];
  loaded = false;
  error: string | null = null;
  private readonly unsubscribe: () => void;

  /** `onDispose` runs once nobody has listened for a while (the cache forgets the model). */
  constructor(
    db: WarRoomDb,
    readonly incident: string,
    private readonly onDispose: () => void = () => undefined,
    private readonly reads: { tail: number; chunk: number } = { tail: TIMELINE_TAIL, chunk: TIMELINE_CHUNK },
  ) {
    // Subscribe before loading so nothing committed during the load is missed.
    this.unsubscribe = db.changes.onCommitted((change) => {
      if (this.buffered) this.buffered.push(change);
      else this.apply(change);
    });
    void this.load(db).catch((failure: unknown) => {
      this.error = failure instanceof Error ? failure.message : String(failure);
      this.notify();
    });
  }

  /** How many entries the incident has, counting those not read yet. */
  get total(): number {
    return this.entries.length + this.unread;
  }

  private async load(db: WarRoomDb): Promise<void> {
    const { tail, total } = await readTimelineTail(db, this.incident, this.reads.tail);
    this.entries = tail;
    this.unread = total - tail.length;
    for (const entry of tail) this.note(entry);
    const pending = this.buffered ?? [];
    this.buffered = null;
    this.loaded = true;
    for (const change of pending) this.apply(change);
    this.complete = this.unread === 0;
    this.notify();
    if (this.complete) return;

    // Read in chunks, so no one read holds the database long, and merged once: every merge
    // re-renders a list of up to the whole history.
    const before = orderOf(tail[0]!);
    const older: EntryView[] = [];
    let after: string | null = null;
    while (!this.disposed) {
      await nextTask();
      const chunk = await readTimelineChunk(db, this.incident, after, before, this.reads.chunk);
      for (const entry of chunk) older.push(entry);
      if (chunk.length < this.reads.chunk) break;
      after = orderOf(chunk[chunk.length - 1]!);
    }
    this.unread = 0;
    this.complete = true;
    this.merge(older);
    this.notify();
  }

  /** Older entries read from the database (in event order), skipping any a committed change already put in place. */
  private merge(chunk: readonly EntryView[]): void {
    const fresh = chunk.filter((entry) => !this.orders.has(entry.id));
    for (const entry of fresh) this.note(entry);
    const merged: EntryView[] = [];
    let i = 0;
    for (const entry of fresh) {
      const order = orderOf(entry);
      while (i < this.entries.length && orderOf(this.entries[i]!) < order) merged.push(this.entries[i++]!);
      merged.push(entry);
    }
    while (i < this.entries.length) merged.push(this.entries[i++]!);
    this.entries = merged;
  }

  private note(entry: EntryView): void {
    this.orders.set(entry.id, orderOf(entry));
    this.noteFacets(entry);
  }

  private disposeTimer: ReturnType<typeof setTimeout> | undefined;

  /** Kept while anyone listens, and a little longer, so a remount does not reload 100k rows. */
  subscribe = (listener: () => void): (() => void) => {
    clearTimeout(this.disposeTimer);
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.disposeTimer = setTimeout(() => this.dispose(), 30_000);
    };
  };

  private disposed = false;

  private dispose(): void {
    this.disposed = true;
    this.unsubscribe();
    this.onDispose();
  }

  /** Rebuilt on every change, so React re-renders when only `complete` or `total` moved. */
  private snapshot: TimelineSnapshot = { entries: [], complete: false, total: 0 };

  getSnapshot = (): TimelineSnapshot => this.snapshot;

  getFacets = (): TimelineFacets => this.facetSnapshot;

  private noteFacets(entry: EntryView): void {
    const before = this.authors.size + this.tags.size;
    this.authors.add(entry.author);
    for (const tag of entry.tags) this.tags.add(tag);
    if (this.authors.size + this.tags.size !== before) {
      this.facetSnapshot = { authors: [...this.authors].sort(), tags: [...this.tags].sort() };
    }
  }

  private apply(change: CommittedChange): void {
    const rows = change.entries.filter((row) => row.incident === this.incident);
    if (rows.length === 0) return;
    const next = [...this.entries];
    for (const row of rows) {
      const id = row.doc.entry;
      const previous = this.orders.get(id);
      if (previous !== undefined) {
        const at = insertionIndex(next, previous);
        if (next[at]?.id === id) next.splice(at, 1);
        this.orders.delete(id);
      }
      if (row.view) {
        const order = orderOf(row.view);
        next.splice(insertionIndex(next, order), 0, row.view);
        this.orders.set(id, order);
        this.noteFacets(row.view);
      }
    }
    this.entries = next;
    this.notify();
  }

  private notify(): void {
    this.snapshot = { entries: this.entries, complete: this.complete, total: this.total };
    for (const listener of this.listeners) listener();
  }
}

/** Open timelines per database, so a remount (or a second view of the same incident) shares one. */
const modelsByDb = new WeakMap<WarRoomDb, Map<string, TimelineModel>>();

function modelFor(db: WarRoomDb, incident: string): TimelineModel {
  let models = modelsByDb.get(db);
  if (!models) {
    models = new Map();
    modelsByDb.set(db, models);
  }
  let model = models.get(incident);
  if (!model) {
    const open = models;
    model = new TimelineModel(db, incident, () => open.delete(incident));
    models.set(incident, model);
  }
  return model;
}

export interface TimelineFacets {
  authors: readonly string[];
  tags: readonly string[];
}

interface TimelineSnapshot {
  entries: readonly EntryView[];
  complete: boolean;
  total: number;
}

export interface TimelineState {
  entries: readonly EntryView[];
  facets: TimelineFacets;
  /** False until the latest entries are read. */
  loaded: boolean;
  /** False while older entries are still being read: `entries` holds the latest of `total`. */
  complete: boolean;
  total: number;
  error: string | null;
}

/** The incident's entries, live: the latest first, the whole history once `complete`. */
export function useTimeline(incident: string): TimelineState {
  const model = modelFor(useDatabase(), incident);
  const { entries, complete, total } = useSyncExternalStore(model.subscribe, model.getSnapshot);
  const facets = useSyncExternalStore(model.subscribe, model.getFacets);
  return { entries, facets, loaded: model.loaded, complete, total, error: model.error };
}
