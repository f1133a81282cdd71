import { describe, expect, it } from 'vitest';
import { createOp, decodeSegment, foldOps, incidentView, parseOp, type Op } from '../../../../shared/entities/index.ts';
import { hashOp } from '../../../../shared/ops/chain.ts';
import { freshDeviceState } from '../../../../shared/ops/createOp.ts';
import { encodeSegment } from '../../../../shared/sync/segment.ts';
import { refOf } from '../../support/chains.ts';
import { foreignChain, NEWER, sealed, UNTRIMMED } from '../../support/foreignWriter.ts';
import type { OpEnvelope } from '../../../../shared/ops/envelope.ts';

const HONEST = 'aaaaaaaaaaaaaaaa';
const FORGER = 'ffffffffffffffff';
const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const INC = 'inc-aaaaaa';

/** An op re-stamped with `hlc` and hashed again, as a hostile writer would make it. */
function restamped(op: Op, hlc: string): Op {
  const body = { ...op, hlc };
  return { ...body, hash: hashOp(body) } as Op;
}

describe('the op envelope: hlc', () => {
  const declare = createOp(freshDeviceState(HONEST), { actor: 'Ana', incident: INC, kind: 'incident.declare', data: { title: 'Checkout errors', severity: 'P1', type: 'application', declaredAt: new Date(T).toISOString() } }, T);
  const forged = createOp(freshDeviceState(FORGER), { actor: 'Mallory', incident: INC, kind: 'incident.set', data: { fields: { status: 'resolved' } } }, T);

  it.each([
    '9999-99-99T99:99:99.999Z-ffff-ffffffffffffffff',
    '2026-13-01T00:00:00.000Z-0000-ffffffffffffffff',
    '2026-02-30T12:00:00.000Z-0000-ffffffffffffffff',
    '2026-11-23T24:00:00.000Z-0000-ffffffffffffffff',
  ])('refuses a stamp of the right shape that is no real time: %s', (hlc) => {
    const op = restamped(forged.op, hlc);
    expect(parseOp(JSON.parse(JSON.stringify(op)))).toEqual({ status: 'invalid', reason: 'hlc: hlc is not a real UTC time' });
    const segment = decodeSegment(encodeSegment([op]), refOf(FORGER, 1, 1));
    expect(segment.ops).toEqual([]);
    expect(segment.problems).toEqual([{ file: refOf(FORGER, 1, 1).path, line: 1, reason: 'hlc: hlc is not a real UTC time' }]);
  });

  it('so an impossible stamp can never win a register over an honest later edit', () => {
    const honestEdit = createOp(declare.state, { actor: 'Ana', incident: INC, kind: 'incident.set', data: { fields: { status: 'monitoring' } } }, T + 60_000);
    const accepted = [declare.op, honestEdit.op, restamped(forged.op, '9999-99-99T99:99:99.999Z-ffff-ffffffffffffffff')]
      .map((op) => parseOp(JSON.parse(JSON.stringify(op))))
      .flatMap((parsed) => (parsed.status === 'ok' ? [parsed.op] : []));
    const doc = foldOps(accepted).get(`incidents:${INC}`);
    expect(doc?.table === 'incidents' && incidentView(doc)?.status).toBe('monitoring');
  });

  it('still takes every real stamp, leap day and the last millisecond of a year included', () => {
    for (const hlc of ['2028-02-29T23:59:59.999Z-0001-ffffffffffffffff', '2026-12-31T23:59:59.999Z-ffff-ffffffffffffffff']) {
      expect(parseOp(JSON.parse(JSON.stringify(restamped(forged.op, hlc)))).status).toBe('ok');
    }
  });
});

describe('the op envelope: from a newer War Room', () => {
  const [v2, extraMember] = foreignChain([...UNTRIMMED, ...NEWER]).slice(2) as [OpEnvelope, OpEnvelope];

  it('an envelope with v above 1, or a member this version does not know, is pending and kept as it is', () => {
    expect(parseOp(v2)).toEqual({ status: 'pending', op: v2, reason: 'envelope from a newer War Room (v 2): kept until an upgrade' });
    expect(parseOp(extraMember)).toEqual({ status: 'pending', op: extraMember, reason: 'envelope from a newer War Room (member signature): kept until an upgrade' });
    const both = sealed({ ...extraMember, v: 3, note: 1 });
    expect(parseOp(both)).toMatchObject({ status: 'pending', reason: 'envelope from a newer War Room (v 3; members signature, note): kept until an upgrade' });
    expect((parseOp(both) as { op: unknown }).op).toBe(both);
  });

  it('is still invalid when a member this version knows is wrong, or v is no version', () => {
    expect(parseOp(sealed({ ...v2, seq: 0 })).status).toBe('invalid');
    expect(parseOp(sealed({ ...v2, actor: '' })).status).toBe('invalid');
    expect(parseOp(sealed({ ...extraMember, id: 'x' })).status).toBe('invalid');
    for (const v of [0, -1, 1.5, '2', null]) expect(parseOp(sealed({ ...v2, v })).status, String(v)).toBe('invalid');
    const { hash: _hash, ...noHash } = v2;
    expect(parseOp({ ...noHash, v: 2 }).status).toBe('invalid');
  });
});

describe('the op envelope: what parseOp returns', () => {
  const [declare] = foreignChain(UNTRIMMED) as [OpEnvelope];

  it('an ok op comes back normalized (actor trimmed); a pending one is the input itself', () => {
    expect(parseOp(declare)).toMatchObject({ status: 'ok', op: { actor: 'Ana' } });
    expect(declare.actor).toBe('Ana ');
    const unknownKind = sealed({ ...declare, kind: 'timer.start' });
    expect((parseOp(unknownKind) as { op: unknown }).op).toBe(unknownKind);
  });
});
