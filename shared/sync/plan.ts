import { segmentFileName, type SegmentRef, type TargetListing } from './layout.ts';
import type { Cursors } from './ports.ts';

/**
 * The pure decisions of a sync round: what to write, what to read, how far a cursor may move.
 * No I/O here, so the simulator can drive them through thousands of schedules.
 */

export interface SeqRange {
  first: number;
  last: number;
}

/**
 * Per device, the seqs taken from a target beyond its cursor, as sorted disjoint ranges: what
 * holds a cursor back (a damaged line, a missing file) costs one file per round, not the tail.
 */
export type Beyond = Record<string, SeqRange[]>;

/** Where reading a target stands: every seq ≤ the cursor taken, and the runs taken past it. */
export interface Progress {
  cursors: Cursors;
  beyond: Beyond;
}

/** Is every seq first..last of `device` taken already? */
export function isTaken(progress: Progress, device: string, first: number, last: number): boolean {
  const cursor = progress.cursors[device] ?? 0;
  if (last <= cursor) return true;
  let from = Math.max(first, cursor + 1);
  for (const range of progress.beyond[device] ?? []) {
    if (range.first > from) return false;
    if (range.last >= from) from = range.last + 1;
    if (from > last) return true;
  }
  return false;
}

function chunk(from: number, to: number, size: number, into: SeqRange[]): void {
  for (let first = from; first <= to; first += size) into.push({ first, last: Math.min(to, first + size - 1) });
}

/** Union of ranges, sorted and merged (adjacent ones joined). */
export function mergeRanges(ranges: readonly SeqRange[]): SeqRange[] {
  const sorted = [...ranges].sort((a, b) => a.first - b.first || a.last - b.last);
  const merged: SeqRange[] = [];
  for (const { first, last } of sorted) {
    const top = merged.at(-1);
    if (top && first <= top.last + 1) top.last = Math.max(top.last, last);
    else merged.push({ first, last });
  }
  return merged;
}

/** The seqs of from..to that no range covers. */
export function uncovered(from: number, to: number, ranges: readonly SeqRange[]): SeqRange[] {
  const holes: SeqRange[] = [];
  let next = from;
  for (const range of mergeRanges(ranges)) {
    if (range.last < next) continue;
    if (range.first > to) break;
    if (range.first > next) holes.push({ first: next, last: range.first - 1 });
    next = Math.max(next, range.last + 1);
  }
  if (next <= to) holes.push({ first: next, last: to });
  return holes;
}

/**
 * Ranges to write for `missing`, each at most `size` long and never under a name already in
 * `names` (segment file names): a name, once used, is never written again, so a range whose
 * name is taken (a damaged file of ours) is split until the names are free. A single seq
 * whose name is taken is written with its neighbour (re-sending a good op changes nothing).
 */
export function freshRanges(missing: readonly SeqRange[], names: ReadonlySet<string>, size: number, ownMaxSeq: number): SeqRange[] {
  const out: SeqRange[] = [];
  const used = new Set(names);
  const free = (first: number, last: number) => !used.has(segmentFileName(first, last, false)) && !used.has(segmentFileName(first, last, true));
  const place = (first: number, last: number): void => {
    if (free(first, last)) {
      used.add(segmentFileName(first, last, false));
      out.push({ first, last });
      return;
    }
    if (first < last) {
      place(first, first);
      place(first + 1, last);
      return;
    }
    for (const [a, b] of [[first, first + 1], [first - 1, first], [first, first + 2], [first - 2, first]] as const) {
      if (a >= 1 && b <= ownMaxSeq && free(a, b)) {
        used.add(segmentFileName(a, b, false));
        out.push({ first: a, last: b });
        return;
      }
    }
  };
  for (const range of missing) {
    const chunks: SeqRange[] = [];
    chunk(range.first, range.last, Math.max(1, Math.floor(size)), chunks);
    for (const c of chunks) place(c.first, c.last);
  }
  return out;
}

/**
 * What this device still has to write, judged by the names on the target: the seqs 1..ownMaxSeq
 * that no file of ours claims. A file that claims seqs but does not hold them is found when it
 * is read (the round re-publishes those seqs); a name reaching past what we wrote is judged by
 * its content too (ops there under our id are another install's: a fork).
 */
export function planPush(listing: TargetListing, device: string, ownMaxSeq: number, maxOpsPerSegment = 1000): { write: SeqRange[] } {
  const claimed = listing.segments.filter((s) => s.device === device).map(({ first, last }) => ({ first, last }));
  const names = new Set(listing.segments.filter((s) => s.device === device).map((s) => s.path.slice(s.path.lastIndexOf('/') + 1)));
  return { write: freshRanges(uncovered(1, ownMaxSeq, claimed), names, maxOpsPerSegment, ownMaxSeq) };
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
 * Segments that may hold ops not yet taken here (some seq of their name's range is not taken),
 * sorted by device then first. This device's own segments are treated like any other (so no
 * `me` parameter): reading them back is how the round checks the target holds our ops as we
 * wrote them, and how a fork is noticed.
 */
export function planRead(listing: TargetListing, progress: Progress, budget: ReadBudget = {}): SegmentRef[] {
  const seen = new Set<string>(budget.skip);
  const wanted: SegmentRef[] = [];
  for (const segment of listing.segments) {
    if (seen.has(segment.path) || isTaken(progress, segment.device, segment.first, segment.last)) continue;
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
 * Add the runs just taken, then move each device's cursor to the highest s such that every
 * seq ≤ s is taken. A missing seq holds the cursor below it (its file is read again next
 * round — e.g. once a shared drive finishes copying it); the runs past it are remembered in
 * `beyond`, so their files are not.
 */
export function advanceCursors(progress: Progress, taken: readonly (SeqRange & { device: string })[]): Progress {
  const cursors: Cursors = { ...progress.cursors };
  const beyond: Beyond = { ...progress.beyond };
  const byDevice = new Map<string, SeqRange[]>();
  for (const { device, first, last } of taken) byDevice.set(device, [...(byDevice.get(device) ?? []), { first, last }]);
  for (const [device, ranges] of byDevice) {
    let cursor = cursors[device] ?? 0;
    const rest: SeqRange[] = [];
    for (const range of mergeRanges([...(beyond[device] ?? []), ...ranges])) {
      if (range.last <= cursor) continue;
      if (range.first <= cursor + 1 && rest.length === 0) cursor = range.last;
      else rest.push(range);
    }
    cursors[device] = cursor;
    if (rest.length > 0) beyond[device] = rest;
    else delete beyond[device];
  }
  return { cursors, beyond };
}
