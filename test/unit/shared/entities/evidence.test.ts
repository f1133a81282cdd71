import { describe, expect, it } from 'vitest';
import { decodeOpLine, evidenceView, foldOps, parseOp, type EvidenceDoc, type Op } from '../../../../shared/entities/index.ts';
import { hashOp } from '../../../../shared/ops/chain.ts';
import { canonicalJson } from '../../../../shared/util/canonicalJson.ts';
import { Device } from '../../support/device.ts';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const INC = 'inc-aaaaaa';
const EVI = 'evi-000001';
const at = (minutes: number) => new Date(T + minutes * 60_000).toISOString();
const HASH = 'b'.repeat(64);

const record = () => ({
  actor: 'Ana',
  kind: 'evidence.record' as const,
  data: { evidence: EVI, description: 'nginx access log', collectedBy: 'Ana', collectedAt: at(0), storedAt: 'Evidence share /ir/42', artefact: { name: 'access.log', size: 1200, sha256: HASH } },
});
const handover = (handoverId: string, from: string, to: string, minutes: number, storedAt: string | null = null) => ({
  actor: from,
  kind: 'evidence.handover' as const,
  data: { evidence: EVI, handover: handoverId, from, to, at: at(minutes), reason: `to ${to}`, storedAt },
});
const check = (sha256: string, actor = 'Ben') => ({ actor, kind: 'evidence.verify' as const, data: { evidence: EVI, check: `chk-${sha256.slice(0, 6)}`, artefact: { name: 'access.log', size: 1200, sha256 } } });

function docOf(ops: readonly Op[]): EvidenceDoc {
  const doc = foldOps(ops).get(`evidence:${INC}/${EVI}`);
  if (doc?.table !== 'evidence') throw new Error('no evidence doc');
  return doc;
}

describe('evidence ops: schemas', () => {
  it('refuse a malformed SHA-256, a path for a name, and a hand-over to oneself, naming the field', () => {
    const made = new Device('aaaaaaaaaaaaaaaa', INC).make(record(), T) as Op<'evidence.record'>;
    expect(parseOp(made)).toMatchObject({ status: 'ok' });
    // A peer's crafted op: well chained and hashed, but its artefact hash is not a SHA-256.
    for (const sha256 of ['B'.repeat(64), 'b'.repeat(63), 'z'.repeat(64), '']) {
      const crafted = { ...made, data: { ...made.data, artefact: { ...made.data.artefact, sha256 } } };
      expect(parseOp({ ...crafted, hash: hashOp(crafted) })).toEqual({ status: 'invalid', reason: 'data.artefact.sha256: a SHA-256 is 64 lowercase hex characters' });
    }
    const withPath = { ...made, data: { ...made.data, artefact: { ...made.data.artefact, name: '/home/ana/access.log' } } };
    expect(parseOp({ ...withPath, hash: hashOp(withPath) })).toMatchObject({ status: 'invalid', reason: expect.stringContaining('data.artefact.name') });
    const self = new Device('aaaaaaaaaaaaaaaa', INC);
    expect(() => self.make(handover('hnd-000001', 'Ana', 'ana', 5), T)).toThrow(/a hand-over goes from one person to another/);
  });

  it('a crafted line with a malformed hash is reported as a bad line, not applied', () => {
    const made = new Device('aaaaaaaaaaaaaaaa', INC).make(record(), T) as Op<'evidence.record'>;
    const crafted = { ...made, data: { ...made.data, artefact: { ...made.data.artefact, sha256: 'not-a-hash' } } };
    expect(decodeOpLine(canonicalJson({ ...crafted, hash: hashOp(crafted) }))).toEqual({ status: 'bad', reason: 'data.artefact.sha256: a SHA-256 is 64 lowercase hex characters' });
  });
});

describe('evidence fold', () => {
  it('hand-overs recorded on two laptops merge into one chain in time order, whatever order they arrive in', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ben = new Device('bbbbbbbbbbbbbbbb', INC);
    const created = ana.make(record(), T);
    const toBen = ana.make(handover('hnd-000001', 'Ana', 'Ben', 10), T + 10 * 60_000);
    // Ben's laptop, offline, records the next move before it has seen Ana's.
    const toCara = ben.make(handover('hnd-000002', 'Ben', 'Cara', 30, 'Safe 2, room 4.12'), T + 30 * 60_000);
    const ops = [created, toBen, toCara];
    const views = [ops, [toCara, created, toBen], [toBen, toCara, toBen, created, toCara]].map((order) => evidenceView(docOf(order)));
    for (const view of views) expect(view).toEqual(views[0]);
    const view = views[0]!;
    expect(view.handovers.map((h) => [h.from, h.to, h.continuous])).toEqual([
      ['Ana', 'Ben', true],
      ['Ben', 'Cara', true],
    ]);
    expect(view).toMatchObject({ holder: 'Cara', currentlyAt: 'Safe 2, room 4.12', storedAt: 'Evidence share /ir/42', recordedBy: 'Ana', recordedAt: at(0) });
  });

  it('a hand-over from someone who did not hold the item is kept and marked as a gap', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const view = evidenceView(docOf([ana.make(record(), T), ana.make(handover('hnd-000001', 'Dan', 'Ben', 10), T + 1)]))!;
    expect(view.handovers[0]).toMatchObject({ from: 'Dan', to: 'Ben', continuous: false });
    expect(view.holder).toBe('Ben');
  });

  it('a hand-over for an item not (yet) recorded here is kept but lists nothing; the record arriving later completes it', () => {
    const ben = new Device('bbbbbbbbbbbbbbbb', INC);
    const early = ben.make(handover('hnd-000001', 'Ana', 'Ben', 10), T + 10 * 60_000);
    const doc = docOf([early]);
    expect(evidenceView(doc)).toBeNull();
    expect(doc.handovers).toHaveLength(1);
    const later = evidenceView(docOf([early, new Device('aaaaaaaaaaaaaaaa', INC).make(record(), T)]));
    expect(later?.handovers.map((h) => h.to)).toEqual(['Ben']);
  });

  it('a re-check matches only the recorded SHA-256: the reader decides, the op carries no verdict', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const view = evidenceView(docOf([ana.make(record(), T), ana.make(check(HASH), T + 1), ana.make(check('c'.repeat(64)), T + 2)]))!;
    expect(view.checks.map((c) => c.matches)).toEqual([true, false]);
    expect(view.checks[1]).toMatchObject({ by: 'Ben', artefact: { sha256: 'c'.repeat(64) } });
  });
});
