import { describe, expect, it } from 'vitest';
import type { OpEnvelope } from '../../../../shared/ops/envelope.ts';
import { createOp, decodeOpLine, decodeSegment, parseOpLine } from '../../../../shared/entities/index.ts';
import { freshDeviceState } from '../../../../shared/ops/createOp.ts';
import { parseSegmentName } from '../../../../shared/sync/layout.ts';
import { encodeSegment } from '../../../../shared/sync/segment.ts';
import { canonicalJson } from '../../../../shared/util/canonicalJson.ts';
import { chainOf, DEV_A, DEV_B, line, rechain, refOf, rehashed } from '../../support/chains.ts';
import { FOREIGN, foreignChain, NEWER, sealed, UNTRIMMED } from '../../support/foreignWriter.ts';

const ops = chainOf(DEV_A, 5);
const ref = refOf(DEV_A, 1, 5);
const lines = (list: readonly unknown[]) => list.map(line);

describe('encodeSegment', () => {
  it('writes one canonical op per line, newline-terminated, in seq order', () => {
    const text = encodeSegment([ops[3]!, ops[0]!, ops[4]!, ops[2]!, ops[1]!]);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n').slice(0, -1)).toEqual(ops.map((op) => canonicalJson(op)));
  });

  it('round-trips through decodeSegment', () => {
    expect(decodeSegment(encodeSegment(ops), ref)).toEqual({ ops, pending: [], problems: [], runs: [{ first: 1, last: 5 }], complete: true, unverified: 5 });
  });
});

describe('decodeSegment', () => {
  it('a truncated last line is reported and skipped; the rest count; not complete', () => {
    const text = encodeSegment(ops);
    const decoded = decodeSegment(text.slice(0, text.length - 30), ref);
    expect(decoded.ops).toEqual(ops.slice(0, 4));
    expect(decoded.problems).toEqual([{ file: ref.path, line: 5, reason: 'truncated: the last line has no newline' }]);
    expect(decoded.complete).toBe(false);
  });

  it('a garbage line is reported with file, line and reason; the lines after it still count', () => {
    const text = lines(ops).map((l, i) => (i === 2 ? '{"v":1,"id":\n' : l)).join('');
    const decoded = decodeSegment(text, ref);
    expect(decoded.ops.map((op) => op.seq)).toEqual([1, 2, 4, 5]);
    expect(decoded.problems).toEqual([{ file: ref.path, line: 3, reason: 'not JSON' }]);
    expect(decoded.complete).toBe(false);
  });

  it('an envelope that fails its schema names the field', () => {
    const text = lines(ops.map((op, i) => (i === 1 ? { ...op, seq: 'two' } : op))).join('');
    const decoded = decodeSegment(text, ref);
    expect(decoded.problems).toHaveLength(1);
    expect(decoded.problems[0]).toMatchObject({ line: 2, reason: expect.stringContaining('seq') });
  });

  it('a tampered line (content changed, hash kept) is a hash mismatch', () => {
    const tampered = { ...ops[1]!, data: { ...ops[1]!.data, fields: { ...(ops[1]!.data as { fields: object }).fields, text: 'nothing happened' } } };
    const decoded = decodeSegment(lines([ops[0], tampered, ...ops.slice(2)]).join(''), ref);
    expect(decoded.problems).toEqual([{ file: ref.path, line: 2, reason: expect.stringMatching(/^hash mismatch/) }]);
    expect(decoded.ops.map((op) => op.seq)).toEqual([1, 3, 4, 5]);
    expect(decoded.complete).toBe(false);
  });

  it("ops of another device in this device's folder are rejected", () => {
    const decoded = decodeSegment(encodeSegment(chainOf(DEV_B, 5)), ref);
    expect(decoded.ops).toEqual([]);
    expect(decoded.problems.map((p) => [p.line, p.reason])).toEqual(
      [1, 2, 3, 4, 5].map((n) => [n, `an op of device ${DEV_B} in the folder of ${DEV_A}`]),
    );
    expect(decoded.complete).toBe(false);
  });

  it("a file is judged by its content: seqs outside its name's range are kept, each reported", () => {
    const wider = decodeSegment(encodeSegment(chainOf(DEV_A, 8)), ref);
    expect(wider.ops).toEqual(chainOf(DEV_A, 8));
    expect(wider.runs).toEqual([{ first: 1, last: 8 }]);
    expect(wider.problems.map((p) => [p.line, p.reason])).toEqual([6, 7, 8].map((seq) => [seq, `seq ${seq} is outside the range 1–5 this file's name gives (its valid ops are kept)`]));
    expect(wider.complete).toBe(false);
    // Named 6–10, holding 1–5: every op counts where it belongs.
    const misnamed = decodeSegment(encodeSegment(ops), refOf(DEV_A, 6, 10));
    expect(misnamed.runs).toEqual([{ first: 1, last: 5 }]);
    expect(misnamed.problems[0]).toMatchObject({ line: 1, reason: expect.stringContaining('outside the range 6–10') });
  });

  it('runs: a bad line splits what the file holds into the stretches that chain line to line', () => {
    const text = lines(ops).map((l, i) => (i === 2 ? 'garbage\n' : l)).join('');
    expect(decodeSegment(text, ref).runs).toEqual([{ first: 1, last: 2 }, { first: 4, last: 5 }]);
  });

  it('a line whose prev does not match the line before breaks the chain', () => {
    const forged = rehashed(ops[2]!, { prev: 'f'.repeat(64) });
    const decoded = decodeSegment(lines([ops[0], ops[1], forged, ops[3], ops[4]]).join(''), ref);
    expect(decoded.problems).toEqual([{ file: ref.path, line: 3, reason: 'broken chain: prev does not match the hash of seq 2' }]);
    expect(decoded.ops.map((op) => op.seq)).toEqual([1, 2, 4, 5]);
    expect(decoded.complete).toBe(false);
  });

  it('an op from another chain of the same device (a fork) breaks the chain', () => {
    const other = chainOf(DEV_A, 3).map((op) => rehashed(op, { actor: 'Eve' }));
    const decoded = decodeSegment(lines([ops[0], rechain(other)[1], ops[2], ops[3], ops[4]]).join(''), ref);
    expect(decoded.problems.map((p) => [p.line, p.reason])).toEqual([[2, 'broken chain: prev does not match the hash of seq 1']]);
    expect(decoded.complete).toBe(false);
  });

  it('a repeated or backwards seq is out of order; a gap with no bad line is reported where it shows', () => {
    const repeated = decodeSegment(lines([ops[0], ops[1], ops[1], ops[2], ops[3], ops[4]]).join(''), ref);
    expect(repeated.problems.map((p) => [p.line, p.reason])).toEqual([[3, 'seq 2 out of order: expected 3']]);
    // Every seq is there, but the file is not as a writer writes it: no relay copies it as it is.
    expect(repeated.runs).toEqual([{ first: 1, last: 5 }]);
    expect(repeated.complete).toBe(false);
    const gap = decodeSegment(lines([ops[0], ops[1], ops[3], ops[4]]).join(''), ref);
    expect(gap.problems.map((p) => [p.line, p.reason])).toEqual([[3, 'gap: seq 3 missing before this line']]);
    expect(gap.complete).toBe(false);
  });

  it('a file that ends early, or is empty, is incomplete and says what is missing', () => {
    const short = decodeSegment(encodeSegment(ops.slice(0, 3)), ref);
    expect(short.problems).toEqual([{ file: ref.path, line: 4, reason: 'ends early: seq 4–5 missing' }]);
    expect(short.complete).toBe(false);
    const empty = decodeSegment('', ref);
    expect(empty).toEqual({ ops: [], pending: [], problems: [{ file: ref.path, line: 1, reason: 'ends early: seq 1–5 missing' }], runs: [], complete: false, unverified: 0 });
  });

  it('a segment that starts past seq 1 is complete on its own', () => {
    const all = chainOf(DEV_A, 10);
    const decoded = decodeSegment(encodeSegment(all.slice(5)), refOf(DEV_A, 6, 10));
    expect(decoded.problems).toEqual([]);
    expect(decoded.complete).toBe(true);
  });

  it('ops from a newer app (unknown kind, unknown field) are kept pending and count toward complete', () => {
    const newer = rechain([
      ops[0]!,
      rehashed(ops[1]!, { kind: 'checklist.check', data: { item: 'x' } }),
      rehashed(ops[2]!, { data: { ...ops[2]!.data, mood: 'calm' } }),
    ] as OpEnvelope[]);
    const decoded = decodeSegment(encodeSegment(newer), refOf(DEV_A, 1, 3));
    expect(decoded.problems).toEqual([]);
    expect(decoded.ops.map((op) => op.seq)).toEqual([1]);
    expect(decoded.pending.map((p) => [p.op.seq, p.reason])).toEqual([
      [2, 'unknown kind checklist.check'],
      [3, expect.stringContaining('mood')],
    ]);
    expect(decoded.pending[0]!.op).toEqual(newer[1]);
    expect(decoded.complete).toBe(true);
  });

  it('never throws on hostile input', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const text of ['\n\n\n', 'null\n', '[]\n', '"x"\n', `${deep}\n`, '\u0000\n', '{"__proto__":{"x":1}}\n']) {
      const decoded = decodeSegment(text, ref);
      expect(decoded.complete).toBe(false);
      expect(decoded.problems.length).toBeGreaterThan(0);
    }
  });

  it('decodes a large file whole (its speed is measured in npm run bench)', () => {
    const big = chainOf(DEV_A, 20_000);
    const decoded = decodeSegment(encodeSegment(big), refOf(DEV_A, 1, 20_000));
    expect(decoded.complete).toBe(true);
    expect(decoded.ops).toHaveLength(20_000);
    expect(decoded.runs).toEqual([{ first: 1, last: 20_000 }]);
  }, 60_000);
});

describe('what a writer hashes is what a reader checks', () => {
  it('an actor typed with surrounding spaces is stored trimmed, so the op reads back intact', () => {
    const made = createOp(freshDeviceState('0a0a0a0a0a0a0a0a'), { actor: '  Ana  ', incident: 'inc-trim01', kind: 'incident.declare', data: { title: '  Pool  ', severity: 'P1', type: 'availability', declaredAt: '2026-11-23T09:00:00.000Z' } }, Date.UTC(2026, 10, 23, 9));
    expect(made.op.actor).toBe('Ana');
    const decoded = decodeSegment(encodeSegment([made.op]), parseSegmentName('0a0a0a0a0a0a0a0a', '000000000001-000000000001.jsonl')!);
    expect(decoded.problems).toEqual([]);
    expect(decoded.complete).toBe(true);
  });
});

describe('a segment of another writer: hashed as stored, normalized only after', () => {
  const chain = foreignChain([...UNTRIMMED, ...NEWER]);
  const foreignRef = refOf(FOREIGN, 1, 4);
  const text = lines(chain).join('');

  it('an honest op with "Ana " as actor and a tag "db " is accepted, kept exactly as written', () => {
    const decoded = decodeSegment(text, foreignRef);
    expect(decoded.problems).toEqual([]);
    expect(decoded.complete).toBe(true);
    expect(decoded.ops).toEqual(chain.slice(0, 2));
    expect(decoded.ops.map((op) => op.actor)).toEqual(['Ana ', 'Ana ']);
    for (const read of [decodeOpLine(line(chain[1])), parseOpLine(line(chain[1]))]) {
      expect(read).toEqual({ status: 'ok', op: chain[1] });
    }
  });

  it('ops from a newer War Room (v 2, an unknown envelope member) are pending, chain-checked, and count toward complete', () => {
    const decoded = decodeSegment(text, foreignRef);
    expect(decoded.pending).toEqual([
      { op: chain[2], reason: 'envelope from a newer War Room (v 2): kept until an upgrade' },
      { op: chain[3], reason: 'envelope from a newer War Room (member signature): kept until an upgrade' },
    ]);
    expect(parseOpLine(line(chain[3])).status).toBe('pending');
    const unchained = [...chain.slice(0, 3), sealed({ ...chain[3], prev: chain[1]!.hash })];
    expect(decodeSegment(lines(unchained).join(''), foreignRef)).toMatchObject({ problems: [{ line: 4, reason: 'broken chain: prev does not match the hash of seq 3' }], complete: false });
  });

  it('still refuses every tampered variant: the trimmed actor, an edited tag, a space added after hashing, a newer op edited or stripped of its member', () => {
    const [declare, add, v2, signed] = chain as [OpEnvelope, OpEnvelope, OpEnvelope, OpEnvelope];
    const fields = (add.data as { fields: Record<string, unknown> }).fields;
    const { signature: _dropped, ...unsigned } = signed as OpEnvelope & { signature: string };
    const tampered = [
      { ...declare, actor: 'Ana' },
      { ...add, data: { ...add.data, fields: { ...fields, tags: ['db', 'failover'] } } },
      // Hashed over "Ana", then edited: a reader that trims before hashing would take it.
      { ...sealed({ ...declare, actor: 'Ana' }), actor: 'Ana ' },
      { ...v2, data: { fields: { status: 'resolved' } } },
      unsigned,
    ];
    for (const op of tampered) {
      expect(decodeOpLine(line(op)), op.id).toMatchObject({ status: 'bad', reason: expect.stringMatching(/^hash mismatch/), id: op.id });
    }
  });
});
