import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOp, parseOp, type Op, kindNeedsIncident, opKinds, checklistView, docRefOf, type ChecklistDoc, type ChecklistView, type Doc, foldOps } from '../../../../shared/entities/index.ts';
import { hashOp } from '../../../../shared/ops/chain.ts';
import { hlcToIso } from '../../../../shared/ops/hlc.ts';
import { Runbook, RunbookSnapshot } from '../../../../shared/runbooks/runbook.ts';
import { compareStamps, stampOf } from '../../../../shared/state/register.ts';
import { canonicalJson } from '../../../../shared/util/canonicalJson.ts';
import { checklistIntentArb, deliveryArb, historyArb, RUNBOOKS } from '../../support/opScripts.ts';
import { Device } from '../../support/device.ts';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const INC = 'inc-aaaaaa';
const RUN = 'run-000001';
const RUNBOOK: Runbook = {
  id: 'api-outage',
  title: 'API outage',
  types: [],
  severities: [],
  phases: [
    { phase: 'triage', items: [{ id: 'triage-1', text: 'Check the dashboards', role: 'technical-lead' }, { id: 'triage-2', text: 'Open a bridge', note: 'Zoom or phone' }] },
    { phase: 'containment', items: [{ id: 'contain-1', text: 'Roll back the last deploy' }, { id: 'contain-2', text: 'Shed load' }, { id: 'contain-3', text: 'Tell support' }] },
  ],
};


const start = (actor = 'Ana', run = RUN, runbook = RUNBOOK) => ({ actor, kind: 'checklist.start' as const, data: { run, runbook } });
const set = (item: string, state: 'done' | 'open' | 'skipped', actor = 'Ana', reason?: string) => ({
  actor,
  kind: 'checklist.set' as const,
  data: { run: RUN, item, state, ...(reason === undefined ? {} : { reason }) },
});
const assign = (item: string, assignee: string | null, actor = 'Ana') => ({ actor, kind: 'checklist.assign' as const, data: { run: RUN, item, assignee } });

function runDoc(ops: readonly Op[], run = RUN): ChecklistDoc {
  const doc = foldOps(ops).get(`checklists:${INC}/${run}`);
  if (doc?.table !== 'checklists') throw new Error('no checklist doc');
  return doc;
}
const viewOf = (ops: readonly Op[]) => checklistView(runDoc(ops));
const item = (view: ChecklistView | null, id: string) => view?.items.find((i) => i.id === id);

describe('checklist ops: schemas', () => {
  it('name an incident', () => {
    for (const kind of ['checklist.start', 'checklist.set', 'checklist.assign'] as const) expect(kindNeedsIncident(kind)).toBe(true);
    const op = new Device('aaaaaaaaaaaaaaaa', INC).make(start(), T);
    expect(parseOp(op)).toMatchObject({ status: 'ok' });
    expect(parseOp({ ...op, incident: null })).toMatchObject({ status: 'invalid', reason: 'incident: checklist.start must name an incident' });
  });

  it('a skip needs a non-empty reason of at most 500 characters; other states may carry one', () => {
    const schema = opKinds['checklist.set'];
    expect(schema.safeParse({ run: RUN, item: 'triage-1', state: 'skipped' }).success).toBe(false);
    expect(schema.safeParse({ run: RUN, item: 'triage-1', state: 'skipped', reason: '   ' }).success).toBe(false);
    expect(schema.safeParse({ run: RUN, item: 'triage-1', state: 'skipped', reason: 'x'.repeat(501) }).success).toBe(false);
    expect(schema.parse({ run: RUN, item: 'triage-1', state: 'skipped', reason: '  no replica  ' })).toEqual({ run: RUN, item: 'triage-1', state: 'skipped', reason: 'no replica' });
    expect(schema.parse({ run: RUN, item: 'triage-1', state: 'done' })).toEqual({ run: RUN, item: 'triage-1', state: 'done' });
    expect(schema.safeParse({ run: RUN, item: 'triage-1', state: 'open', reason: 'clicked by mistake' }).success).toBe(true);
    expect(schema.safeParse({ run: RUN, item: 'Triage 1', state: 'done' }).success).toBe(false);
    expect(schema.safeParse({ run: RUN, item: 'triage-1', state: 'checked' }).success).toBe(false);
    expect(() => new Device('aaaaaaaaaaaaaaaa', INC).make(set('triage-1', 'skipped'), T)).toThrow(/skipping an item needs a reason/);
  });

  it('an assignee is trimmed, 1–100 characters, or null', () => {
    const schema = opKinds['checklist.assign'];
    expect(schema.parse({ run: RUN, item: 'triage-1', assignee: '  scribe ' }).assignee).toBe('scribe');
    expect(schema.parse({ run: RUN, item: 'triage-1', assignee: null }).assignee).toBeNull();
    expect(schema.safeParse({ run: RUN, item: 'triage-1', assignee: '  ' }).success).toBe(false);
    expect(schema.safeParse({ run: RUN, item: 'triage-1', assignee: 'x'.repeat(101) }).success).toBe(false);
  });

  it('a start carries a valid runbook; a field from a newer app keeps the op pending', () => {
    const schema = opKinds['checklist.start'];
    expect(schema.safeParse({ run: RUN, runbook: { ...RUNBOOK, phases: [] } }).success).toBe(false);
    const op = new Device('aaaaaaaaaaaaaaaa', INC).make(start(), T);
    const newer = { ...op, data: { ...op.data, runbook: { ...RUNBOOK, version: 2 } } };
    expect(parseOp({ ...newer, hash: hashOp(newer) })).toMatchObject({ status: 'pending' });
  });

  it('every op of a run touches the one doc keyed incident/run', () => {
    for (const intent of [start(), set('triage-1', 'done'), assign('triage-1', 'Ben')]) {
      expect(docRefOf({ ...intent, incident: INC })).toEqual({ table: 'checklists', key: `${INC}/${RUN}` });
    }
  });
});

describe('checklist runs: doc and view', () => {
  it('a started run lists the runbook items in order, all open and unassigned', () => {
    const op = new Device('aaaaaaaaaaaaaaaa', INC).make(start('Ana'), T);
    expect(viewOf([op])).toEqual({
      id: RUN,
      incident: INC,
      runbook: RUNBOOK,
      startedBy: 'Ana',
      startedAt: new Date(T).toISOString(),
      items: [
        { id: 'triage-1', phase: 'triage', text: 'Check the dashboards', role: 'technical-lead', state: 'open', assignee: null },
        { id: 'triage-2', phase: 'triage', text: 'Open a bridge', note: 'Zoom or phone', state: 'open', assignee: null },
        { id: 'contain-1', phase: 'containment', text: 'Roll back the last deploy', state: 'open', assignee: null },
        { id: 'contain-2', phase: 'containment', text: 'Shed load', state: 'open', assignee: null },
        { id: 'contain-3', phase: 'containment', text: 'Tell support', state: 'open', assignee: null },
      ],
      progress: [
        { phase: 'triage', done: 0, skipped: 0, total: 2 },
        { phase: 'containment', done: 0, skipped: 0, total: 3 },
      ],
    });
  });

  it('check, uncheck, skip and assign; the view says who and when', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ops = [
      ana.make(start(), T),
      ana.make(set('triage-1', 'done', 'Ana'), T + 1_000),
      ana.make(set('triage-2', 'done', 'Ben'), T + 2_000),
      ana.make(set('triage-2', 'open', 'Cy'), T + 3_000),
      ana.make(set('contain-2', 'skipped', 'Di', 'no load balancer here'), T + 4_000),
      ana.make(assign('contain-1', 'technical-lead'), T + 5_000),
      ana.make(assign('contain-3', 'Ed'), T + 6_000),
      ana.make(assign('contain-3', null), T + 7_000),
    ];
    const view = viewOf(ops);
    expect(item(view, 'triage-1')).toMatchObject({ state: 'done', by: 'Ana', at: new Date(T + 1_000).toISOString(), assignee: null });
    expect(item(view, 'triage-2')).toMatchObject({ state: 'open', by: 'Cy', at: new Date(T + 3_000).toISOString() });
    expect(item(view, 'contain-2')).toMatchObject({ state: 'skipped', reason: 'no load balancer here', by: 'Di' });
    expect(item(view, 'contain-1')).toEqual({ id: 'contain-1', phase: 'containment', text: 'Roll back the last deploy', state: 'open', assignee: 'technical-lead' });
    expect(item(view, 'contain-3')?.assignee).toBeNull();
    expect(view?.progress).toEqual([
      { phase: 'triage', done: 1, skipped: 0, total: 2 },
      { phase: 'containment', done: 0, skipped: 1, total: 3 },
    ]);
    // Nothing is forgotten: the uncheck keeps the check in the item's history.
    expect(runDoc(ops).items['triage-2']?.state.map((v) => [v.value.state, v.actor])).toEqual([['done', 'Ben'], ['open', 'Cy']]);
  });

  it('an item the runbook lacks is kept in the doc and ignored by the view', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ops = [ana.make(start(), T), ana.make(set('ghost-1', 'done'), T + 1), ana.make(assign('ghost-1', 'Ben'), T + 2)];
    const doc = runDoc(ops);
    expect(Object.keys(doc.items)).toEqual(['ghost-1']);
    expect(viewOf(ops)?.items.map((i) => i.id)).toEqual(['triage-1', 'triage-2', 'contain-1', 'contain-2', 'contain-3']);
    expect(viewOf(ops)?.progress.map((p) => p.done)).toEqual([0, 0]);
  });

  it('ops arriving before the start are kept, and count once it arrives', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const begun = ana.make(start(), T);
    const checked = ana.make(set('contain-1', 'done'), T + 1_000);
    expect(viewOf([checked])).toBeNull();
    expect(canonicalJson(runDoc([checked, begun]))).toBe(canonicalJson(runDoc([begun, checked])));
    expect(item(viewOf([checked, begun]), 'contain-1')?.state).toBe('done');
  });

  it('two people checking different items both count', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ben = new Device('bbbbbbbbbbbbbbbb', INC);
    const begun = ana.make(start(), T);
    const a = ana.make(set('triage-1', 'done', 'Ana'), T + 1_000);
    const b = ben.make(set('triage-2', 'done', 'Ben'), T + 1_000);
    for (const order of [[begun, a, b], [b, a, begun]]) {
      expect(viewOf(order)?.progress[0]).toEqual({ phase: 'triage', done: 2, skipped: 0, total: 2 });
    }
  });

  it('the same item checked and unchecked concurrently: the greater hlc wins, in any order, and both stay', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ben = new Device('bbbbbbbbbbbbbbbb', INC);
    const begun = ana.make(start(), T);
    // Same wall time on both laptops: the hlc differs only by device id, so Ben's is greater.
    const check = ana.make(set('triage-1', 'done', 'Ana'), T + 5_000);
    const uncheck = ben.make(set('triage-1', 'open', 'Ben'), T + 5_000);
    expect(uncheck.hlc > check.hlc).toBe(true);
    for (const order of [[begun, check, uncheck], [uncheck, begun, check, uncheck]]) {
      expect(item(viewOf(order), 'triage-1')).toMatchObject({ state: 'open', by: 'Ben' });
      expect(runDoc(order).items['triage-1']?.state.map((v) => v.opId)).toEqual([check.id, uncheck.id]);
    }
  });

  it('a forked device (two ops with one hlc): the greater hash wins', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const begun = ana.make(start(), T);
    const fork = ana.state;
    const one = createOp(fork, { incident: INC, ...set('triage-1', 'done', 'Ana') }, T + 1_000).op;
    const two = createOp(fork, { incident: INC, ...set('triage-1', 'skipped', 'Ana', 'fork') }, T + 1_000).op;
    expect(one.hlc).toBe(two.hlc);
    const winner = one.hash > two.hash ? one : two;
    for (const order of [[begun, one, two], [two, one, begun]]) {
      expect(item(viewOf(order), 'triage-1')?.state).toBe(winner.data.state);
    }
  });

  it('a second start of the same run merges deterministically: the earliest (hlc, hash) runbook is the run', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ben = new Device('bbbbbbbbbbbbbbbb', INC);
    const other = RUNBOOKS[1]!;
    const late = ana.make(start('Ana', RUN, other), T + 60_000);
    const early = ben.make(start('Ben', RUN, RUNBOOK), T);
    for (const order of [[late, early], [early, late], [late, early, late]]) {
      const view = viewOf(order);
      expect(view).toMatchObject({ runbook: RUNBOOK, startedBy: 'Ben', startedAt: new Date(T).toISOString() });
      expect(runDoc(order).started.map((s) => s.opId)).toEqual([early.id, late.id]);
    }
  });
});

/** A replica: the ops it holds (by hash) and the docs it folded from them. */
function replica(delivery: readonly Op[]) {
  const held = new Map(delivery.map((op) => [op.hash, op]));
  const docs = foldOps(delivery);
  return { held, docs };
}

function snapshot(docs: Map<string, Doc>): string {
  const sorted = [...docs.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const views = sorted.map(([, doc]) => (doc.table === 'checklists' ? checklistView(doc) : null));
  return canonicalJson({ docs: Object.fromEntries(sorted), views });
}

function greatest<T extends Op>(ops: readonly T[]): T {
  return ops.reduce((best, op) => (compareStamps(stampOf(op), stampOf(best)) > 0 ? op : best));
}

/** Expected view of one run, straight from the ops: what the spec says, not how the fold does it. */
function expectedItems(ops: readonly Op[], incident: string, run: string) {
  const mine = ops.filter((op) => op.incident === incident && op.kind.startsWith('checklist.') && (op.data as { run: string }).run === run);
  const starts = mine.filter((op): op is Op<'checklist.start'> => op.kind === 'checklist.start');
  if (starts.length === 0) return null;
  const first = starts.reduce((best, op) => (compareStamps(stampOf(op), stampOf(best)) < 0 ? op : best));
  return first.data.runbook.phases.flatMap(({ items }) =>
    items.map(({ id }) => {
      const sets = mine.filter((op): op is Op<'checklist.set'> => op.kind === 'checklist.set' && op.data.item === id);
      const assigns = mine.filter((op): op is Op<'checklist.assign'> => op.kind === 'checklist.assign' && op.data.item === id);
      const won = sets.length > 0 ? greatest(sets) : null;
      return {
        id,
        state: won?.data.state ?? 'open',
        by: won?.actor,
        at: won ? hlcToIso(won.hlc) : undefined,
        reason: won?.data.reason,
        assignee: assigns.length > 0 ? greatest(assigns).data.assignee : null,
      };
    }),
  );
}

/** Checklist-only histories on three devices, mostly concurrent (they rarely sync clocks). */
const checklistHistoryArb = (min: number, max: number) => historyArb(min, max, checklistIntentArb);

function checkConvergence(ops: readonly Op[], deliveries: readonly Op[][]): void {
  const replicas = deliveries.map(replica);
  const expected = snapshot(foldOps(ops));
  for (const r of replicas) expect(snapshot(r.docs)).toBe(expected);

  const runs = new Set(ops.map((op) => `${op.incident}|${(op.data as { run: string }).run}`));
  for (const key of runs) {
    const [incident, run] = key.split('|') as [string, string];
    const doc = replicas[0]!.docs.get(`checklists:${incident}/${run}`);
    expect(doc?.table).toBe('checklists');
    if (doc?.table !== 'checklists') return;

    // Each item's register: every op that wrote it, the last one the (hlc, hash) greatest.
    const byItem = new Map<string, Op<'checklist.set'>[]>();
    for (const op of ops) {
      if (op.incident !== incident || op.kind !== 'checklist.set' || op.data.run !== run) continue;
      byItem.set(op.data.item, [...(byItem.get(op.data.item) ?? []), op]);
    }
    for (const [id, sets] of byItem) {
      const register = doc.items[id]!.state;
      expect(register.map((v) => v.hash)).toEqual([...sets].sort((a, b) => compareStamps(stampOf(a), stampOf(b))).map((op) => op.hash));
      expect(register.at(-1)!.hash).toBe(greatest(sets).hash);
      // A contested item's losing ops are still held by every replica.
      if (new Set(sets.map((op) => op.data.state)).size > 1) for (const r of replicas) for (const op of sets) expect(r.held.has(op.hash)).toBe(true);
    }

    const view = checklistView(doc);
    const want = expectedItems(ops, incident, run);
    if (want === null) {
      expect(view).toBeNull();
      continue;
    }
    const got = view!.items.map(({ id, state, by, at, reason, assignee }) => ({ id, state, by, at, reason, assignee }));
    expect(got).toEqual(want);
    for (const phase of view!.progress) {
      const items = view!.items.filter((i) => i.phase === phase.phase);
      expect(phase).toEqual({ phase: phase.phase, total: items.length, done: items.filter((i) => i.state === 'done').length, skipped: items.filter((i) => i.state === 'skipped').length });
    }
  }
}

describe('checklist runs converge', () => {
  it('2 replicas: concurrent check/uncheck/skip/assign in random order, with duplicates → identical docs and views; the greatest (hlc, hash) wins', () => {
    fc.assert(
      fc.property(
        checklistHistoryArb(10, 120).chain((ops) => fc.tuple(fc.constant(ops), deliveryArb(ops), deliveryArb(ops))),
        ([ops, r1, r2]) => checkConvergence(ops, [r1, r2]),
      ),
      { numRuns: 250 },
    );
  });

  it('3 replicas, batches folded into earlier state: identical docs and views', () => {
    fc.assert(
      fc.property(
        checklistHistoryArb(30, 200).chain((ops) => fc.tuple(fc.constant(ops), deliveryArb(ops), deliveryArb(ops), deliveryArb(ops), fc.nat({ max: ops.length }))),
        ([ops, r1, r2, r3, cut]) => {
          checkConvergence(ops, [r1, r2, r3]);
          // Associative too: a replica that folded part, then the rest, holds the same.
          expect(snapshot(foldOps(r3.slice(cut), foldOps(r3.slice(0, cut))))).toBe(snapshot(foldOps(ops)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('mixed with every other kind of op, checklist ops converge with them', () => {
    fc.assert(
      fc.property(
        historyArb(50, 150).chain((ops) => fc.tuple(fc.constant(ops), deliveryArb(ops), deliveryArb(ops))),
        ([ops, r1, r2]) => {
          expect(ops.some((op) => op.kind.startsWith('checklist.'))).toBe(true);
          const expected = snapshot(foldOps(ops));
          expect(snapshot(foldOps(r1))).toBe(expected);
          expect(snapshot(foldOps(r2))).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the runbook a checklist.start op stores', () => {
  it('is parsed by the frozen snapshot schema, so authoring rules added later never orphan stored runs', () => {
    const twice = { id: 'dup-items', title: 'Dup', types: [], severities: [], phases: [{ phase: 'triage', items: [{ id: 'a', text: 'One' }, { id: 'a', text: 'Two' }] }] };
    expect(RunbookSnapshot.safeParse(twice).success).toBe(true);
    expect(Runbook.safeParse(twice).success).toBe(false);
  });
});
