import { type SegmentRef, type TargetListing } from './layout.ts';
import type { Cursors } from './ports.ts';
import type { SyncFault } from './wire.ts';

/**
 * The pure decisions of a sync round: what to write, what to read, how far a cursor may move.
 * No I/O here, so the simulator can drive them through thousands of schedules.
 */

export interface SeqRange {
  first: number;
  last: number;
}

export type PushPlan =
  | {
      ok: true;
      /** This device's seqs 1..covered are all on the target already. */
      covered: number;
      /** Ranges to write next, in seq order, each at most maxOpsPerSegment long. */
      write: SeqRange[];
    }
  | { ok: false; fault: SyncFault };

function forkFault(device: string, message: string, file?: string): { ok: false; fault: SyncFault } {
  return {
    ok: false,
    fault: {
      code: 'fork',
      message: `Another install is writing under this laptop's device id ${device} (a copied profile?): ${message}. Nothing was sent.`,
      ...(file ? { file } : {}),
    },
  };
}

function chunk(from: number, to: number, size: number, into: SeqRange[]): void {
  for (let first = from; first <= to; first += size) into.push({ first, last: Math.min(to, first + size - 1) });
}

/**
 * What this device still has to write. Holes (e.g. a write that failed half-way) are filled
 * without touching existing files, so a planned name never exists yet. Our own segments
 * reaching past what we wrote, or overlapping each other, can only come from another install
 * with the same device id: writing on would interleave two chains under one name.
 */
export function planPush(listing: TargetListing, device: string, ownMaxSeq: number, maxOpsPerSegment = 1000): PushPlan {
  const size = Math.max(1, Math.floor(maxOpsPerSegment));
  // By path: a transport may list one file twice, which is not an overlap.
  const own = [...new Map(listing.segments.filter((s) => s.device === device).map((s) => [s.path, s])).values()].sort(
    (a, b) => a.first - b.first || a.last - b.last,
  );
  const write: SeqRange[] = [];
  let reached = 0;
  let covered: number | null = null;
  let previous: SegmentRef | undefined;
  for (const segment of own) {
    if (segment.last > ownMaxSeq) {
      return forkFault(device, `the target holds seq ${segment.first}–${segment.last}, this laptop has written only ${ownMaxSeq}`, segment.path);
    }
    if (previous && segment.first <= previous.last) {
      return forkFault(device, `${previous.path.split('/').pop()} and ${segment.path.split('/').pop()} overlap`, segment.path);
    }
    if (segment.first > reached + 1) {
      covered ??= reached;
      chunk(reached + 1, segment.first - 1, size, write);
    }
    reached = segment.last;
    previous = segment;
  }
  covered ??= reached;
  chunk(reached + 1, ownMaxSeq, size, write);
  return { ok: true, covered, write };
}

export interface ReadBudget {
  /** Paths already read this round: not asked for again, even if still incomplete. */
  skip?: ReadonlySet<string>;
  /** At most this many segments per exchange. */
  maxSegments?: number;
  /** At most about this many ops per exchange (seq span as a proxy for bytes); at least one segment. */
  maxOps?: number;
}

/**
 * Segments that may hold ops not yet applied here: past the cursor of their device, sorted by
 * device then first. This device's own segments are treated like any other (so no `me`
 * parameter): reading back an op under our id that we hold with another hash is how a fork
 * is noticed; the round moves our own cursor over what it wrote itself, so that costs nothing.
 */
export function planRead(listing: TargetListing, cursors: Cursors, budget: ReadBudget = {}): SegmentRef[] {
  const seen = new Set<string>(budget.skip);
  const wanted: SegmentRef[] = [];
  for (const segment of listing.segments) {
    if (seen.has(segment.path) || segment.last <= (cursors[segment.device] ?? 0)) continue;
    seen.add(segment.path);
    wanted.push(segment);
  }
  wanted.sort((a, b) => (a.device < b.device ? -1 : a.device > b.device ? 1 : a.first - b.first || a.last - b.last));
  const maxSegments = budget.maxSegments ?? Infinity;
  const maxOps = budget.maxOps ?? Infinity;
  const batch: SegmentRef[] = [];
  let ops = 0;
  for (const segment of wanted) {
    const span = segment.last - segment.first + 1;
    if (batch.length >= maxSegments || (batch.length > 0 && ops + span > maxOps)) break;
    batch.push(segment);
    ops += span;
  }
  return batch;
}

/**
 * Move each device's cursor to the highest s such that every seq ≤ s lies in a complete
 * segment (or was already below the cursor). A missing or incomplete segment holds the cursor
 * below it, so the file is read again next round — e.g. once a shared drive finishes copying it.
 */
export function advanceCursors(cursors: Cursors, completed: readonly (SeqRange & { device: string })[]): Cursors {
  const next: Cursors = { ...cursors };
  const byDevice = new Map<string, SeqRange[]>();
  for (const ref of completed) byDevice.set(ref.device, [...(byDevice.get(ref.device) ?? []), ref]);
  for (const [device, ranges] of byDevice) {
    let cursor = next[device] ?? 0;
    for (const range of [...ranges].sort((a, b) => a.first - b.first)) {
      if (range.first > cursor + 1) break;
      cursor = Math.max(cursor, range.last);
    }
    next[device] = cursor;
  }
  return next;
}
