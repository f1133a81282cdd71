import { describe, expect, it } from 'vitest';
import { ChainCheck, type CheckedSegment } from '../../../../electron/cli/chainCheck.ts';
import type { OpEnvelope } from '../../../../shared/ops/envelope.ts';
import { chainOf, refOf } from '../../support/chains.ts';

const DEVICE = '0123456789abcdef';

/** A segment as a reader that judges by content might hand it over: every op accepted, no line problem. */
function accepted(first: number, last: number, ops: readonly OpEnvelope[]): CheckedSegment {
  const ref = refOf(DEVICE, first, last);
  return { ref, file: ref.path, decoded: { ops: [...ops], pending: [], problems: [], runs: [{ first: ops[0]?.seq ?? first, last: ops.at(-1)?.seq ?? first }], complete: true, unverified: 0 }, lines: ops.length, lineOf: (op) => ops.indexOf(op) + 1 };
}

describe('ChainCheck: what one segment cannot show', () => {
  const ops = chainOf(DEVICE, 6);

  it('keeps a name honest even when the reader accepts a line outside it', () => {
    const check = new ChainCheck();
    expect(check.check(accepted(1, 2, ops.slice(0, 3)))).toEqual([{ line: 3, reason: "seq 3 is outside this file's range 1–2" }]);
  });

  it('reports a file holding fewer seqs than its name when the reader reported nothing', () => {
    const check = new ChainCheck();
    expect(check.check(accepted(1, 4, ops.slice(0, 2)))).toEqual([{ line: 3, reason: 'holds 2 of the 4 ops its name promises (seq 1–4)' }]);
  });

  it('counts every seq once, and a file that could not be read still covers its name', () => {
    const check = new ChainCheck();
    expect(check.check(accepted(1, 2, ops.slice(0, 2)))).toEqual([]);
    check.unreadable(refOf(DEVICE, 3, 4));
    expect(check.check(accepted(5, 6, ops.slice(4, 6)))).toEqual([]);
    expect({ devices: check.devices, verified: check.verified }).toEqual({ devices: 1, verified: 4 });
  });

  it('finds a fork against a seq read many files earlier, past the sweeps of what it holds', () => {
    const long = chainOf(DEVICE, 3000);
    const check = new ChainCheck();
    expect(check.check(accepted(1, 3000, long))).toEqual([]);
    // One-op files inside the long one: each overlaps it, and the last differs from it.
    for (let seq = 2; seq < 2999; seq += 1) check.check(accepted(seq, seq, [long[seq - 1]!]));
    const other = { ...long[2998]!, hash: 'f'.repeat(64) };
    expect(check.check(accepted(2999, 2999, [other]))).toEqual([
      { line: 1, reason: 'overlaps 000000000001-000000003000.jsonl: seq 2999 in both (a device never writes a seq twice)' },
      { line: 1, reason: 'fork: a different op with seq 2999 is in 000000000001-000000003000.jsonl (two installs share this device id?)' },
    ]);
  });
});
