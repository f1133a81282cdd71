import { useSyncExternalStore } from 'react';
import type { EntryView } from '../../../shared/entities/index.ts';
import { type CommittedChange } from '../../db/changes.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import type { WarRoomDb } from '../../db/database.ts';
import { listEntries } from '../../db/queries.ts';

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

/**
 * One incident's timeline in memory, in event order. Loaded once, then patched with the rows of
 * each committed transaction, so a new line shows in well under a frame even with 100k entries.
 */
export class TimelineModel {
  private entries: readonly EntryView[] = [];
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
  ) {
    // Subscribe before loading so nothing committed during the load is missed.
    this.unsubscribe = db.changes.onCommitted((change) => {
      if (this.buffered) this.buffered.push(change);
      else this.apply(change);
    });
    listEntries(db, incident).then(
      (entries) => {
        this.entries = entries;
        for (const entry of entries) {
          this.orders.set(entry.id, orderOf(entry));
          this.noteFacets(entry);
        }
        const pending = this.buffered ?? [];
        this.buffered = null;
        this.loaded = true;
        for (const change of pending) this.apply(change);
        this.notify();
      },
      (failure: unknown) => {
        this.error = failure instanceof Error ? failure.message : String(failure);
        this.notify();
      },
    );
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

  private dispose(): void {
    this.unsubscribe();
    this.onDispose();
  }

  getSnapshot = (): readonly EntryView[] => this.entries;

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

/** The incident's entries, live; `loaded` is false until the first read from IndexedDB is done. */
export function useTimeline(incident: string): { entries: readonly EntryView[]; facets: TimelineFacets; loaded: boolean; error: string | null } {
  const model = modelFor(useDatabase(), incident);
  const entries = useSyncExternalStore(model.subscribe, model.getSnapshot);
  const facets = useSyncExternalStore(model.subscribe, model.getFacets);
  return { entries, facets, loaded: model.loaded, error: model.error };
}
