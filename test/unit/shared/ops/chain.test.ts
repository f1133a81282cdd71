import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyChains } from '../../../../shared/ops/chain.ts';
import { createOp, parseOp } from '../../../../shared/entities/index.ts';
import { freshDeviceState } from '../../../../shared/ops/createOp.ts';
import { type OpEnvelope } from '../../../../shared/ops/envelope.ts';
import { historyArb } from '../../support/opScripts.ts';

const T = Date.UTC(2026, 10, 23, 8, 0, 0);

/** Change one leaf of an op to a different value of the same JSON type. */
function tamper(op: OpEnvelope, path: readonly string[]): OpEnvelope {
  const copy = structuredClone(op) as unknown as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const leaf = path[path.length - 1]!;
  const value = target[leaf];
  target[leaf] =
    typeof value === 'string' ? `${value}x` : typeof value === 'number' ? value + 1 : typeof value === 'boolean' ? !value : value === null ? 'x' : [value];
  return copy as unknown as OpEnvelope;
}

function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...prefix, key]));
  }
  return [prefix];
}

describe('per-device hash chain', () => {
  it('verifies an untouched history', () => {
    fc.assert(
      fc.property(historyArb(1, 80), (ops) => {
        expect(verifyChains(ops)).toEqual({ verified: ops.length, problems: [] });
      }),
      { numRuns: 100 },
    );
  });

  it('detects a change to any field of any stored op and names that op', () => {
    fc.assert(
      fc.property(historyArb(2, 60), fc.nat(), fc.nat(), (ops, opPick, fieldPick) => {
        const index = opPick % ops.length;
        const victim = ops[index]!;
        const paths = leafPaths(victim).filter((p) => p[0] !== 'hash');
        const path = paths[fieldPick % paths.length]!;
        const altered = ops.map((op, i) => (i === index ? tamper(op, path) : op));
        const report = verifyChains(altered);
        const named = report.problems.filter((p) => p.opId === victim.id || p.opId === (altered[index] as OpEnvelope).id);
        expect(named.length, `altering ${path.join('.')} of ${victim.id} went unnoticed`).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('reports a recomputed-hash forgery at the next op (prev no longer matches)', () => {
    const first = createOp(freshDeviceState('0123456789abcdef'), { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.declare', data: { title: 'DB down', severity: 'P0', type: 'data', declaredAt: new Date(T).toISOString() } }, T);
    const second = createOp(first.state, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.set', data: { fields: { status: 'identified' } } }, T + 1);
    const forged = createOp(freshDeviceState('0123456789abcdef'), { ...first.op, data: { ...first.op.data, title: 'Nothing happened' } } as never, T);
    const report = verifyChains([forged.op, second.op]);
    expect(report.problems).toEqual([
      expect.objectContaining({ opId: '0123456789abcdef-2', reason: expect.stringMatching(/prev does not match/) }),
    ]);
  });

  it('reports a fork (two installs sharing one device id) and keeps counting the rest', () => {
    const device = 'feedfacefeedface';
    const intent = { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.set' as const, data: { fields: { status: 'identified' as const } } };
    const a = createOp(freshDeviceState(device), intent, T);
    const b = createOp(freshDeviceState(device), { ...intent, data: { fields: { status: 'monitoring' as const } } }, T + 5);
    const report = verifyChains([a.op, b.op, a.op]);
    expect(report.problems).toEqual([expect.objectContaining({ seq: 1, reason: expect.stringMatching(/fork/) })]);
  });

  it('reports a gap in seq', () => {
    const device = 'feedfacefeedface';
    const intent = { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.set' as const, data: { fields: { status: 'identified' as const } } };
    const one = createOp(freshDeviceState(device), intent, T);
    const two = createOp(one.state, intent, T);
    const three = createOp(two.state, intent, T);
    expect(verifyChains([one.op, three.op]).problems).toEqual([expect.objectContaining({ seq: 3, reason: 'gap: expected seq 2, found 3' })]);
  });
});

describe('parseOp at the boundary', () => {
  const { op } = createOp(freshDeviceState('0123456789abcdef'), { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'entry.add', data: { entry: 'ent-000001', fields: { text: 'paged DBA', kind: 'action', eventAt: new Date(T).toISOString(), pinned: false, tags: [] } } }, T);

  it('accepts a valid op', () => {
    expect(parseOp(JSON.parse(JSON.stringify(op)))).toEqual({ status: 'ok', op });
  });

  it('keeps ops of an unknown kind or with unknown fields pending, not dropped', () => {
    expect(parseOp({ ...op, kind: 'poll.create' })).toMatchObject({ status: 'pending', reason: 'unknown kind poll.create' });
    expect(parseOp({ ...op, data: { ...op.data, mood: 'calm' } })).toMatchObject({ status: 'pending' });
  });

  it('names the field that is wrong', () => {
    expect(parseOp({ ...op, seq: 0 })).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/^seq:/) });
    expect(parseOp({ ...op, data: { ...op.data, fields: { ...op.data.fields, kind: 'gossip' } } })).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/data\.fields\.kind/) });
    expect(parseOp({ ...op, id: 'someone-else-1' })).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/^id:/) });
  });

  it('never throws on random input', () => {
    fc.assert(fc.property(fc.anything(), (value) => { expect(['invalid', 'pending', 'ok']).toContain(parseOp(value).status); }), { numRuns: 500 });
    fc.assert(fc.property(fc.jsonValue(), (value) => { expect(() => parseOp(value)).not.toThrow(); }), { numRuns: 300 });
  });
});
