import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOp, type Op, entryView, incidentView, type Doc, foldOps } from '../../../../shared/entities/index.ts';
import { freshDeviceState } from '../../../../shared/ops/createOp.ts';
import { canonicalJson } from '../../../../shared/util/canonicalJson.ts';
import { deliveryArb, historyArb } from '../../support/opScripts.ts';

/** A replica's state in a form that compares byte for byte. */
function snapshot(docs: Map<string, Doc>): string {
  return canonicalJson(Object.fromEntries([...docs.entries()].sort(([a], [b]) => (a < b ? -1 : 1))));
}

describe('fold: ops → state', () => {
  it('3 replicas given the same ≥300 ops in random order, with duplicates, reach identical state', () => {
    fc.assert(
      fc.property(
        historyArb(300, 360).chain((ops) => fc.tuple(fc.constant(ops), deliveryArb(ops), deliveryArb(ops), deliveryArb(ops))),
        ([ops, r1, r2, r3]) => {
          const expected = snapshot(foldOps(ops));
          expect(snapshot(foldOps(r1))).toBe(expected);
          expect(snapshot(foldOps(r2))).toBe(expected);
          expect(snapshot(foldOps(r3))).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
    // ~15 s alone on 2 cores: headroom for a machine busy with the rest of the suite.
  }, 120_000);

  it('is associative: folding in two batches equals folding all at once', () => {
    fc.assert(
      fc.property(historyArb(20, 120).chain((ops) => fc.tuple(fc.constant(ops), fc.nat({ max: ops.length }))), ([ops, cut]) => {
        const staged = foldOps(ops.slice(cut), foldOps(ops.slice(0, cut)));
        expect(snapshot(staged)).toBe(snapshot(foldOps(ops)));
      }),
      { numRuns: 200 },
    );
  });

  const T = Date.UTC(2026, 10, 23, 9, 0, 0);
  const iso = (ms: number) => new Date(ms).toISOString();

  function twoDevices() {
    const a = freshDeviceState('aaaaaaaaaaaaaaaa');
    const b = freshDeviceState('bbbbbbbbbbbbbbbb');
    return { a, b };
  }

  it('last writer wins by HLC, and the losing value stays in history', () => {
    const { a, b } = twoDevices();
    const declare = createOp(a, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.declare', data: { title: 'Checkout errors', severity: 'P1', type: 'application', declaredAt: iso(T) } }, T);
    const early = createOp(b, { actor: 'Ben', incident: 'inc-aaaaaa', kind: 'incident.set', data: { fields: { status: 'identified' } } }, T + 1_000);
    const late = createOp(declare.state, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.set', data: { fields: { status: 'monitoring' } } }, T + 2_000);
    for (const order of [[declare.op, early.op, late.op], [late.op, early.op, declare.op]] as Op[][]) {
      const doc = [...foldOps(order).values()][0]!;
      expect(doc.table).toBe('incidents');
      if (doc.table !== 'incidents') return;
      expect(incidentView(doc)).toMatchObject({ title: 'Checkout errors', status: 'monitoring', phase: 'detection', declaredBy: 'Ana' });
      expect(doc.fields.status?.map((v) => [v.value, v.actor])).toEqual([['identified', 'Ben'], ['monitoring', 'Ana']]);
    }
  });

  it('hides an incident until its declaration arrives, and an entry until it is added', () => {
    const { a, b } = twoDevices();
    const set = createOp(b, { actor: 'Ben', incident: 'inc-aaaaaa', kind: 'incident.set', data: { fields: { status: 'identified' } } }, T);
    const edit = createOp(b, { actor: 'Ben', incident: 'inc-aaaaaa', kind: 'entry.edit', data: { entry: 'ent-000001', fields: { text: 'edited' } } }, T);
    const docs = [...foldOps([set.op, edit.op]).values()];
    expect(docs.map((d) => (d.table === 'incidents' ? incidentView(d) : d.table === 'entries' ? entryView(d) : d))).toEqual([null, null]);
    const declare = createOp(a, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.declare', data: { title: 'x', severity: 'P2', type: 'data', declaredAt: iso(T) } }, T - 10);
    const doc = foldOps([set.op, declare.op]).get('incidents:inc-aaaaaa')!;
    expect(doc.table === 'incidents' && incidentView(doc)?.status).toBe('identified');
  });

  it('a struck entry stays, marked struck with who and why', () => {
    const { a } = twoDevices();
    const add = createOp(a, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'entry.add', data: { entry: 'ent-000001', fields: { text: 'rebooted db-2', kind: 'action', eventAt: iso(T), pinned: false, tags: ['db'] } } }, T);
    const strike = createOp(add.state, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'entry.strike', data: { entry: 'ent-000001', reason: 'wrong host' } }, T + 5);
    const doc = foldOps([strike.op, add.op]).get('entries:inc-aaaaaa/ent-000001')!;
    const view = doc.table === 'entries' ? entryView(doc) : null;
    expect(view).toMatchObject({ text: 'rebooted db-2', author: 'Ana', tags: ['db'], struck: { actor: 'Ana', reason: 'wrong host' } });
  });
});
