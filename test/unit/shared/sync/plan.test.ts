import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentFileName } from '../../../../shared/sync/layout.ts';
import { advanceCursors, freshRanges, isTaken, planPush, planRead, type Progress } from '../../../../shared/sync/plan.ts';
import type { Cursors } from '../../../../shared/sync/ports.ts';

const at = (cursors: Cursors, beyond: Progress['beyond'] = {}): Progress => ({ cursors, beyond });
import { DEV_A, DEV_B, DEV_C, listingOf, refOf } from '../../support/chains.ts';

describe('planPush', () => {
  it('nothing written yet: everything, in chunks', () => {
    expect(planPush(listingOf([]), DEV_A, 0)).toEqual({ write: [] });
    expect(planPush(listingOf([]), DEV_A, 2500)).toEqual({
      write: [
        { first: 1, last: 1000 },
        { first: 1001, last: 2000 },
        { first: 2001, last: 2500 },
      ],
    });
    expect(planPush(listingOf([]), DEV_A, 5, 2)).toMatchObject({ write: [{ first: 1, last: 2 }, { first: 3, last: 4 }, { first: 5, last: 5 }] });
  });

  it('continues after what the target holds, ignoring other devices', () => {
    const listing = listingOf([refOf(DEV_B, 1, 90), refOf(DEV_A, 1, 40), refOf(DEV_A, 41, 42)]);
    expect(planPush(listing, DEV_A, 45)).toEqual({ write: [{ first: 43, last: 45 }] });
    expect(planPush(listing, DEV_A, 42)).toEqual({ write: [] });
  });

  it('fills a hole without touching existing files', () => {
    const listing = listingOf([refOf(DEV_A, 50, 60), refOf(DEV_A, 1, 40)]);
    expect(planPush(listing, DEV_A, 70)).toEqual({ write: [{ first: 41, last: 49 }, { first: 61, last: 70 }] });
  });

  it('names are not trusted to be forks: a name past what we wrote, or overlapping ones, plan only the unclaimed seqs (the round reads them)', () => {
    expect(planPush(listingOf([refOf(DEV_A, 1, 40), refOf(DEV_A, 41, 50)]), DEV_A, 45)).toEqual({ write: [] });
    expect(planPush(listingOf([refOf(DEV_A, 1, 40), refOf(DEV_A, 30, 50)]), DEV_A, 60)).toEqual({ write: [{ first: 51, last: 60 }] });
  });

  it('one file listed twice is not an overlap', () => {
    const listing = listingOf([refOf(DEV_A, 1, 1), refOf(DEV_A, 1, 1)]);
    expect(planPush(listing, DEV_A, 3)).toEqual({ write: [{ first: 2, last: 3 }] });
  });

  it('property: plans exactly the seqs not on the target, in chunks, never an existing name', () => {
    const arb = fc.record({
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 30 }),
      keep: fc.array(fc.boolean(), { minLength: 31, maxLength: 31 }),
      extra: fc.integer({ min: 0, max: 50 }),
      size: fc.integer({ min: 1, max: 40 }),
    });
    fc.assert(
      fc.property(arb, ({ cuts, keep, extra, size }) => {
        // Split 1..max into segments and keep some of them on the target.
        const bounds = [...cuts].sort((a, b) => a - b);
        const max = (bounds[bounds.length - 1] ?? 0) + extra;
        const segments = bounds.map((last, i) => refOf(DEV_A, i === 0 ? 1 : bounds[i - 1]! + 1, last)).filter((_, i) => keep[i]);
        const plan = planPush(listingOf(segments), DEV_A, max, size);
        const onTarget = new Set(segments.flatMap((s) => Array.from({ length: s.last - s.first + 1 }, (_, k) => s.first + k)));
        const planned = plan.write.flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, k) => r.first + k));
        expect(planned).toEqual(Array.from({ length: max }, (_, k) => k + 1).filter((s) => !onTarget.has(s)));
        expect(plan.write.every((r) => r.last - r.first + 1 <= size)).toBe(true);
        const names = new Set(segments.map((s) => segmentFileName(s.first, s.last, false)));
        expect(plan.write.some((r) => names.has(segmentFileName(r.first, r.last, false)))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('planRead', () => {
  const listing = listingOf([refOf(DEV_B, 11, 20), refOf(DEV_A, 1, 5), refOf(DEV_B, 1, 10), refOf(DEV_C, 1, 3), refOf(DEV_A, 6, 9)]);

  it('segments past each cursor, own device included, sorted by device then first', () => {
    expect(planRead(listing, at({ [DEV_A]: 5, [DEV_B]: 0 })).map((r) => r.path)).toEqual([
      refOf(DEV_A, 6, 9).path,
      refOf(DEV_B, 1, 10).path,
      refOf(DEV_B, 11, 20).path,
      refOf(DEV_C, 1, 3).path,
    ]);
    expect(planRead(listing, at({ [DEV_A]: 9, [DEV_B]: 20, [DEV_C]: 3 }))).toEqual([]);
  });

  it('a segment straddling the cursor is read again', () => {
    expect(planRead(listing, at({ [DEV_A]: 9, [DEV_B]: 15, [DEV_C]: 3 })).map((r) => r.path)).toEqual([refOf(DEV_B, 11, 20).path]);
  });

  it('reads in batches: by segment count, by op count (at least one), skipping what was read', () => {
    const all = planRead(listing, at({}));
    expect(planRead(listing, at({}), { maxSegments: 2 })).toEqual(all.slice(0, 2));
    expect(planRead(listing, at({}), { maxOps: 12 })).toEqual(all.slice(0, 2));
    expect(planRead(listing, at({}), { maxOps: 1 })).toEqual(all.slice(0, 1));
    const skip = new Set(all.slice(0, 3).map((r) => r.path));
    expect(planRead(listing, at({}), { skip, maxSegments: 10 })).toEqual(all.slice(3));
  });

  it('a segment listed twice is read once', () => {
    const doubled = listingOf([refOf(DEV_B, 1, 10), refOf(DEV_B, 1, 10)]);
    expect(planRead(doubled, at({}))).toHaveLength(1);
  });
});

describe('planRead past a held cursor', () => {
  it('a file whose seqs were all taken beyond the cursor is not read again; the one holding the cursor is', () => {
    const listing = listingOf([refOf(DEV_B, 1, 10), refOf(DEV_B, 11, 20), refOf(DEV_B, 21, 30)]);
    const progress = at({ [DEV_B]: 2 }, { [DEV_B]: [{ first: 4, last: 30 }] });
    expect(planRead(listing, progress).map((r) => r.path)).toEqual([refOf(DEV_B, 1, 10).path]);
  });
});

describe('isTaken', () => {
  it('cursor, then the runs beyond it', () => {
    const progress = at({ [DEV_B]: 5 }, { [DEV_B]: [{ first: 7, last: 9 }, { first: 10, last: 12 }] });
    expect(isTaken(progress, DEV_B, 1, 5)).toBe(true);
    expect(isTaken(progress, DEV_B, 5, 6)).toBe(false);
    expect(isTaken(progress, DEV_B, 7, 12)).toBe(true);
    expect(isTaken(progress, DEV_B, 8, 13)).toBe(false);
    expect(isTaken(progress, DEV_C, 1, 1)).toBe(false);
  });
});

describe('freshRanges', () => {
  it('never reuses a name: a taken name is split, a taken single seq goes with a neighbour', () => {
    const names = new Set([segmentFileName(1, 10, false), segmentFileName(1, 1, false)]);
    expect(freshRanges([{ first: 1, last: 10 }], names, 1000, 10)).toEqual([{ first: 1, last: 2 }, { first: 2, last: 10 }]);
    expect(freshRanges([{ first: 3, last: 4 }], new Set(), 1, 10)).toEqual([{ first: 3, last: 3 }, { first: 4, last: 4 }]);
  });
});

describe('advanceCursors', () => {
  const ref = (first: number, last: number) => ({ device: DEV_B, first, last });
  const cursorsOf = (progress: Progress) => progress.cursors;

  it('moves over contiguous taken runs, in any order', () => {
    expect(cursorsOf(advanceCursors(at({}), [ref(11, 20), ref(1, 10)]))).toEqual({ [DEV_B]: 20 });
    expect(cursorsOf(advanceCursors(at({ [DEV_B]: 10 }), [ref(11, 20)]))).toEqual({ [DEV_B]: 20 });
  });

  it('a missing seq holds the cursor below it; the runs past it are remembered, and join once it comes', () => {
    const held = advanceCursors(at({}), [ref(1, 10), ref(21, 30)]);
    expect(held).toEqual({ cursors: { [DEV_B]: 10 }, beyond: { [DEV_B]: [{ first: 21, last: 30 }] } });
    expect(advanceCursors(held, [ref(11, 20)])).toEqual({ cursors: { [DEV_B]: 30 }, beyond: {} });
    expect(advanceCursors(at({ [DEV_B]: 4 }), [ref(6, 9)])).toEqual({ cursors: { [DEV_B]: 4 }, beyond: { [DEV_B]: [{ first: 6, last: 9 }] } });
  });

  it('overlaps are fine; a cursor never moves back; other devices are untouched', () => {
    expect(cursorsOf(advanceCursors(at({}), [ref(1, 10), ref(5, 15)]))).toEqual({ [DEV_B]: 15 });
    expect(cursorsOf(advanceCursors(at({ [DEV_B]: 50, [DEV_C]: 7 }), [ref(1, 10)]))).toEqual({ [DEV_B]: 50, [DEV_C]: 7 });
    expect(cursorsOf(advanceCursors(at({ [DEV_C]: 7 }), [{ device: DEV_A, first: 1, last: 3 }]))).toEqual({ [DEV_C]: 7, [DEV_A]: 3 });
  });
});
