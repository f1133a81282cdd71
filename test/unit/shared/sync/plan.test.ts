import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentFileName } from '../../../../shared/sync/layout.ts';
import { advanceCursors, planPush, planRead } from '../../../../shared/sync/plan.ts';
import { DEV_A, DEV_B, DEV_C, listingOf, refOf } from '../../support/chains.ts';

describe('planPush', () => {
  it('nothing written yet: everything, in chunks', () => {
    expect(planPush(listingOf([]), DEV_A, 0)).toEqual({ ok: true, covered: 0, write: [] });
    expect(planPush(listingOf([]), DEV_A, 2500)).toEqual({
      ok: true,
      covered: 0,
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
    expect(planPush(listing, DEV_A, 45)).toEqual({ ok: true, covered: 42, write: [{ first: 43, last: 45 }] });
    expect(planPush(listing, DEV_A, 42)).toEqual({ ok: true, covered: 42, write: [] });
  });

  it('fills a hole without touching existing files', () => {
    const listing = listingOf([refOf(DEV_A, 50, 60), refOf(DEV_A, 1, 40)]);
    expect(planPush(listing, DEV_A, 70)).toEqual({ ok: true, covered: 40, write: [{ first: 41, last: 49 }, { first: 61, last: 70 }] });
  });

  it('segments of this device beyond what it wrote: another install has the same id (fork)', () => {
    const plan = planPush(listingOf([refOf(DEV_A, 1, 40), refOf(DEV_A, 41, 50)]), DEV_A, 45);
    expect(plan).toMatchObject({ ok: false, fault: { code: 'fork', file: refOf(DEV_A, 41, 50).path } });
    expect(plan.ok ? '' : plan.fault.message).toContain(DEV_A);
  });

  it('overlapping segments of this device: fork', () => {
    const plan = planPush(listingOf([refOf(DEV_A, 1, 40), refOf(DEV_A, 30, 50)]), DEV_A, 60);
    expect(plan).toMatchObject({ ok: false, fault: { code: 'fork' } });
  });

  it('one file listed twice is not an overlap', () => {
    const listing = listingOf([refOf(DEV_A, 1, 1), refOf(DEV_A, 1, 1)]);
    expect(planPush(listing, DEV_A, 3)).toEqual({ ok: true, covered: 1, write: [{ first: 2, last: 3 }] });
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
        if (!plan.ok) throw new Error(plan.fault.message);
        const onTarget = new Set(segments.flatMap((s) => Array.from({ length: s.last - s.first + 1 }, (_, k) => s.first + k)));
        const planned = plan.write.flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, k) => r.first + k));
        expect(planned).toEqual(Array.from({ length: max }, (_, k) => k + 1).filter((s) => !onTarget.has(s)));
        expect(plan.write.every((r) => r.last - r.first + 1 <= size)).toBe(true);
        const names = new Set(segments.map((s) => segmentFileName(s.first, s.last, false)));
        expect(plan.write.some((r) => names.has(segmentFileName(r.first, r.last, false)))).toBe(false);
        let covered = 0;
        while (onTarget.has(covered + 1)) covered += 1;
        expect(plan.covered).toBe(covered);
      }),
      { numRuns: 300 },
    );
  });
});

describe('planRead', () => {
  const listing = listingOf([refOf(DEV_B, 11, 20), refOf(DEV_A, 1, 5), refOf(DEV_B, 1, 10), refOf(DEV_C, 1, 3), refOf(DEV_A, 6, 9)]);

  it('segments past each cursor, own device included, sorted by device then first', () => {
    expect(planRead(listing, { [DEV_A]: 5, [DEV_B]: 0 }).map((r) => r.path)).toEqual([
      refOf(DEV_A, 6, 9).path,
      refOf(DEV_B, 1, 10).path,
      refOf(DEV_B, 11, 20).path,
      refOf(DEV_C, 1, 3).path,
    ]);
    expect(planRead(listing, { [DEV_A]: 9, [DEV_B]: 20, [DEV_C]: 3 })).toEqual([]);
  });

  it('a segment straddling the cursor is read again', () => {
    expect(planRead(listing, { [DEV_A]: 9, [DEV_B]: 15, [DEV_C]: 3 }).map((r) => r.path)).toEqual([refOf(DEV_B, 11, 20).path]);
  });

  it('reads in batches: by segment count, by op count (at least one), skipping what was read', () => {
    const all = planRead(listing, {});
    expect(planRead(listing, {}, { maxSegments: 2 })).toEqual(all.slice(0, 2));
    expect(planRead(listing, {}, { maxOps: 12 })).toEqual(all.slice(0, 2));
    expect(planRead(listing, {}, { maxOps: 1 })).toEqual(all.slice(0, 1));
    const skip = new Set(all.slice(0, 3).map((r) => r.path));
    expect(planRead(listing, {}, { skip, maxSegments: 10 })).toEqual(all.slice(3));
  });

  it('a segment listed twice is read once', () => {
    const doubled = listingOf([refOf(DEV_B, 1, 10), refOf(DEV_B, 1, 10)]);
    expect(planRead(doubled, {})).toHaveLength(1);
  });
});

describe('advanceCursors', () => {
  const ref = (first: number, last: number) => refOf(DEV_B, first, last);

  it('moves over contiguous complete segments, in any order', () => {
    expect(advanceCursors({}, [ref(11, 20), ref(1, 10)])).toEqual({ [DEV_B]: 20 });
    expect(advanceCursors({ [DEV_B]: 10 }, [ref(11, 20)])).toEqual({ [DEV_B]: 20 });
  });

  it('a missing or incomplete segment holds the cursor below it', () => {
    expect(advanceCursors({}, [ref(1, 10), ref(21, 30)])).toEqual({ [DEV_B]: 10 });
    expect(advanceCursors({}, [ref(11, 20)])).toEqual({ [DEV_B]: 0 });
    expect(advanceCursors({ [DEV_B]: 4 }, [ref(6, 9)])).toEqual({ [DEV_B]: 4 });
  });

  it('overlaps are fine; a cursor never moves back; other devices are untouched', () => {
    expect(advanceCursors({}, [ref(1, 10), ref(5, 15)])).toEqual({ [DEV_B]: 15 });
    expect(advanceCursors({ [DEV_B]: 50, [DEV_C]: 7 }, [ref(1, 10)])).toEqual({ [DEV_B]: 50, [DEV_C]: 7 });
    expect(advanceCursors({ [DEV_C]: 7 }, [refOf(DEV_A, 1, 3)])).toEqual({ [DEV_C]: 7, [DEV_A]: 3 });
  });
});
