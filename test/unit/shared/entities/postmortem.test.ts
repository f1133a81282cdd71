import fc from 'fast-check';
import { z } from 'zod';
import { parseOpWith } from '../../../../shared/ops/envelope.ts';
import { describe, expect, it } from 'vitest';
import { POSTMORTEM_SECTIONS } from '../../../../shared/domain/postmortem.ts';
import { hashOp } from '../../../../shared/ops/chain.ts';
import { hlcToIso } from '../../../../shared/ops/hlc.ts';
import { createOp, parseOp, type Op, kindNeedsIncident, opKinds, actionView, docRefOf, postmortemView, type ActionDoc, type Doc, type PostmortemDoc, foldOps } from '../../../../shared/entities/index.ts';
import { compareStamps, stampOf } from '../../../../shared/state/register.ts';
import { canonicalJson } from '../../../../shared/util/canonicalJson.ts';
import { deliveryArb, historyArb, postmortemIntentArb } from '../../support/opScripts.ts';
import { Device } from '../../support/device.ts';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const INC = 'inc-aaaaaa';
const ACT = 'act-000001';
const iso = (ms: number) => new Date(ms).toISOString();


type Section = (typeof POSTMORTEM_SECTIONS)[number];
const edit = (section: Section, text: string, base: Op | null, actor = 'Ana', resolves?: Op[]) => ({
  actor,
  kind: 'postmortem.set' as const,
  data: { section, text, base: base?.hash ?? null, ...(resolves ? { resolves: resolves.map((op) => op.hash) } : {}) },
});
const FIELDS = { description: 'Alert on replica lag', owner: 'Ana', priority: 'P1' as const, dueDate: '2026-12-01', status: 'open' as const, fromEntry: 'ent-000001' };
const create = (fields: Partial<typeof FIELDS> = {}, actor = 'Ana', action = ACT) => ({ actor, kind: 'action.create' as const, data: { action, fields: { ...FIELDS, ...fields } } });
const set = (fields: Record<string, unknown>, actor = 'Ana', action = ACT) => ({ actor, kind: 'action.set' as const, data: { action, fields } });

function pmDoc(ops: readonly Op[], incident = INC): PostmortemDoc {
  const doc = foldOps(ops).get(`postmortems:${incident}`);
  if (doc?.table !== 'postmortems') throw new Error('no post-mortem doc');
  return doc;
}
const pmView = (ops: readonly Op[]) => postmortemView(pmDoc(ops));
function actDoc(ops: readonly Op[], action = ACT): ActionDoc {
  const doc = foldOps(ops).get(`actions:${INC}/${action}`);
  if (doc?.table !== 'actions') throw new Error('no action doc');
  return doc;
}
const actView = (ops: readonly Op[]) => actionView(actDoc(ops));
/** Every order of a few ops, plus duplicates, to show the result never depends on arrival. */
const orders = (ops: readonly Op[]): Op[][] => [[...ops], [...ops].reverse(), [...ops, ...ops.slice(0, 1)], [...ops.slice(1), ...ops]];

describe('post-mortem and action ops: schemas', () => {
  it('all name an incident and touch one doc', () => {
    for (const kind of ['postmortem.set', 'postmortem.template', 'postmortem.timeline', 'action.create', 'action.set'] as const) expect(kindNeedsIncident(kind)).toBe(true);
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const op = ana.make(edit('summary', 'x', null), T);
    expect(parseOp(op)).toMatchObject({ status: 'ok' });
    expect(parseOp({ ...op, incident: null })).toMatchObject({ status: 'invalid', reason: 'incident: postmortem.set must name an incident' });
    expect(docRefOf({ incident: INC, kind: 'postmortem.template', data: { template: 'default-10-3' } })).toEqual({ table: 'postmortems', key: INC });
    expect(docRefOf({ incident: INC, ...edit('impact', '', null) })).toEqual({ table: 'postmortems', key: INC });
    expect(docRefOf({ incident: INC, ...set({ status: 'done' }) })).toEqual({ table: 'actions', key: `${INC}/${ACT}` });
  });

  it('a section edit: a known section, text up to 100k (empty allowed, kept as written), a hash or null as base', () => {
    const schema = opKinds['postmortem.set'];
    const hash = 'a'.repeat(64);
    expect(schema.parse({ section: 'root-cause', text: '', base: null })).toEqual({ section: 'root-cause', text: '', base: null });
    expect(schema.parse({ section: 'summary', text: '  indented\n', base: hash }).text).toBe('  indented\n');
    expect(schema.safeParse({ section: 'summary', text: 'x'.repeat(100_000), base: hash }).success).toBe(true);
    expect(schema.safeParse({ section: 'summary', text: 'x'.repeat(100_001), base: hash }).success).toBe(false);
    expect(schema.safeParse({ section: 'appendix', text: 'x', base: null }).success).toBe(false);
    expect(schema.safeParse({ section: 'summary', text: 'x', base: 'A'.repeat(64) }).success).toBe(false);
    expect(schema.safeParse({ section: 'summary', text: 'x' }).success).toBe(false);
    expect(schema.safeParse({ section: 'summary', text: 'x', base: hash, resolves: [hash] }).success).toBe(true);
    expect(schema.safeParse({ section: 'summary', text: 'x', base: hash, resolves: [] }).success).toBe(false);
    expect(schema.safeParse({ section: 'summary', text: 'x', base: hash, resolves: ['nope'] }).success).toBe(false);
    expect(POSTMORTEM_SECTIONS).toHaveLength(13);
  });

  it('a template id and a timeline mode', () => {
    const template = opKinds['postmortem.template'];
    for (const ok of ['default-10-3', 'ab', 'security2']) expect(template.safeParse({ template: ok }).success).toBe(true);
    for (const bad of ['Default', 'a', '-abc', 'has space', 'x'.repeat(65)]) expect(template.safeParse({ template: bad }).success).toBe(false);
    expect(opKinds['postmortem.timeline'].safeParse({ mode: 'all' }).success).toBe(true);
    expect(opKinds['postmortem.timeline'].safeParse({ mode: 'some' }).success).toBe(false);
  });

  it('an action item: a trimmed, non-empty description, a real due date, known priority and status', () => {
    const schema = opKinds['action.create'];
    const ok = (fields: Record<string, unknown>) => schema.safeParse({ action: ACT, fields: { ...FIELDS, ...fields } }).success;
    expect(schema.parse({ action: ACT, fields: { ...FIELDS, description: '  Add an alert  ', owner: ' sre ' } }).fields).toMatchObject({ description: 'Add an alert', owner: 'sre' });
    expect(ok({ owner: null, dueDate: null, fromEntry: null })).toBe(true);
    expect(ok({ description: '' })).toBe(false);
    expect(ok({ description: '   ' })).toBe(false);
    expect(ok({ description: 'x'.repeat(2001) })).toBe(false);
    expect(ok({ owner: 'x'.repeat(101) })).toBe(false);
    for (const date of ['2026-02-30', '2026-13-01', '2026-1-5', '01/12/2026', '2026-12-01T00:00:00Z']) expect(ok({ dueDate: date })).toBe(false);
    expect(ok({ dueDate: '2028-02-29' })).toBe(true);
    expect(ok({ priority: 'P4' })).toBe(false);
    expect(ok({ status: 'closed' })).toBe(false);
    expect(ok({ fromEntry: 'Not An Id' })).toBe(false);
    const { status: _status, ...missing } = FIELDS;
    expect(schema.safeParse({ action: ACT, fields: missing }).success).toBe(false);
    expect(() => new Device('aaaaaaaaaaaaaaaa', INC).make(create({ description: ' ' }), T)).toThrow(/description is required/);
  });

  it('an action set needs at least one field, each as valid as on create', () => {
    const schema = opKinds['action.set'];
    expect(schema.safeParse({ action: ACT, fields: {} }).success).toBe(false);
    expect(() => new Device('aaaaaaaaaaaaaaaa', INC).make(set({}), T)).toThrow(/nothing to set/);
    expect(schema.parse({ action: ACT, fields: { status: 'wont-do' } })).toEqual({ action: ACT, fields: { status: 'wont-do' } });
    expect(schema.safeParse({ action: ACT, fields: { dueDate: '2026-04-31' } }).success).toBe(false);
    expect(schema.safeParse({ action: ACT, fields: { description: '' } }).success).toBe(false);
  });

  it('a field from a newer app keeps the op pending', () => {
    const op = new Device('aaaaaaaaaaaaaaaa', INC).make(create(), T);
    const newer = { ...op, data: { ...op.data, fields: { ...(op.data as { fields: object }).fields, effort: 'S' } } };
    expect(parseOp({ ...newer, hash: hashOp(newer) })).toMatchObject({ status: 'pending' });
  });
});

describe('post-mortem: sections, conflicts and restores', () => {
  it('an empty post-mortem has no template, shows pinned entries, and lists only written sections', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const first = ana.make(edit('summary', 'API down 40 min', null), T);
    expect(pmView([first])).toEqual({
      incident: INC,
      template: null,
      timelineMode: 'pinned',
      sections: { summary: { text: 'API down 40 min', by: 'Ana', at: iso(T), hash: first.hash, conflicts: [] } },
    });
  });

  it('an edit made from the current version supersedes it without a conflict, and keeps it in history', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ben = new Device('bbbbbbbbbbbbbbbb', INC);
    const v1 = ana.make(edit('impact', 'Some users', null), T);
    const v2 = ben.make(edit('impact', 'All EU users', v1, 'Ben'), T + 60_000);
    for (const order of orders([v1, v2])) {
      expect(pmView(order).sections.impact).toEqual({ text: 'All EU users', by: 'Ben', at: iso(T + 60_000), hash: v2.hash, conflicts: [] });
      expect(pmDoc(order).sections.impact?.map((v) => v.value.text)).toEqual(['Some users', 'All EU users']);
    }
  });

  it('two laptops editing one section from the same base: the greater (hlc, hash) wins, the other is a conflict; a restore clears it', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ben = new Device('bbbbbbbbbbbbbbbb', INC);
    const v1 = ana.make(edit('root-cause', 'A bad deploy', null), T);
    // Same wall time: the hlc differs only by device id, so Ben's wins.
    const anaEdit = ana.make(edit('root-cause', 'A bad config push', v1, 'Ana'), T + 60_000);
    const benEdit = ben.make(edit('root-cause', 'A bad deploy of the cache', v1, 'Ben'), T + 60_000);
    expect(benEdit.hlc > anaEdit.hlc).toBe(true);
    for (const order of orders([v1, anaEdit, benEdit])) {
      expect(pmView(order).sections['root-cause']).toEqual({
        text: 'A bad deploy of the cache',
        by: 'Ben',
        at: iso(T + 60_000),
        hash: benEdit.hash,
        conflicts: [{ text: 'A bad config push', by: 'Ana', at: iso(T + 60_000), hash: anaEdit.hash }],
      });
    }
    // Ana restores her text over the winner: a new edit based on it. No conflict is left.
    const restored = ana.make(edit('root-cause', 'A bad config push', benEdit, 'Ana'), T + 120_000);
    for (const order of orders([v1, anaEdit, benEdit, restored])) {
      expect(pmView(order).sections['root-cause']).toMatchObject({ text: 'A bad config push', hash: restored.hash, conflicts: [] });
      expect(pmDoc(order).sections['root-cause']).toHaveLength(4);
    }
  });

  it('an edit from the winner supersedes it without a conflict of its own; the older conflict stays until merged or dismissed', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ben = new Device('bbbbbbbbbbbbbbbb', INC);
    const a = ana.make(edit('lessons', 'Alert sooner', null), T);
    const b = ben.make(edit('lessons', 'Page sooner', null, 'Ben'), T);
    expect(pmView([a, b]).sections.lessons?.conflicts.map((c) => c.hash)).toEqual([a.hash]);
    // Ben, who may never have received Ana's edit, types on: hers must not vanish.
    const next = ben.make(edit('lessons', 'Page sooner, with a runbook', b, 'Ben'), T + 60_000);
    for (const order of orders([a, b, next])) expect(pmView(order).sections.lessons).toMatchObject({ hash: next.hash, conflicts: [{ hash: a.hash }] });
    // Ben merges her words in by hand and says so: settled.
    const merged = ben.make(edit('lessons', 'Alert and page sooner, with a runbook', next, 'Ben', [a]), T + 120_000);
    for (const order of orders([a, b, next, merged])) expect(pmView(order).sections.lessons).toMatchObject({ hash: merged.hash, conflicts: [] });
  });

  it('different sections edited concurrently are both kept', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ben = new Device('bbbbbbbbbbbbbbbb', INC);
    const a = ana.make(edit('detection', 'Found by a customer', null), T);
    const b = ben.make(edit('response', 'Rolled back', null, 'Ben'), T);
    for (const order of orders([a, b])) {
      const { sections } = pmView(order);
      expect(Object.keys(sections).sort()).toEqual(['detection', 'response']);
      expect(sections.detection).toMatchObject({ text: 'Found by a customer', conflicts: [] });
      expect(sections.response).toMatchObject({ text: 'Rolled back', conflicts: [] });
    }
  });

  it('an edit from a version that had already lost does not hide the one that beat it', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ben = new Device('bbbbbbbbbbbbbbbb', INC);
    const cy = new Device('cccccccccccccccc', INC);
    const v1 = ana.make(edit('resolution', 'Rolled back', null), T);
    const a = ana.make(edit('resolution', 'Rolled back at 10:40', v1), T + 60_000);
    const b = ben.make(edit('resolution', 'Rolled back and purged the cache', v1, 'Ben'), T + 60_000);
    // Cy has Ana's version only, and keeps writing from it.
    const c = cy.make(edit('resolution', 'Rolled back at 10:40 by Ana', a, 'Cy'), T + 120_000);
    for (const order of orders([v1, a, b, c])) {
      expect(pmView(order).sections.resolution).toMatchObject({ hash: c.hash, conflicts: [{ hash: b.hash, text: 'Rolled back and purged the cache' }] });
    }
  });

  it('two people each typing on from their own version: both heads stay visible, whichever wins', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ben = new Device('bbbbbbbbbbbbbbbb', INC);
    const base = ben.make(edit('summary', 'Draft', null, 'Ben'), T);
    const a1 = ana.make(edit('summary', 'Ana 1', base), T + 10_000);
    const b1 = ben.make(edit('summary', 'Ben 1', base, 'Ben'), T + 20_000);
    const a2 = ana.make(edit('summary', 'Ana 2', a1), T + 30_000);
    const b2 = ben.make(edit('summary', 'Ben 2', b1, 'Ben'), T + 40_000);
    for (const order of orders([base, a1, b1, a2, b2])) expect(pmView(order).sections.summary).toMatchObject({ hash: b2.hash, conflicts: [{ hash: a2.hash, text: 'Ana 2' }] });
    // Ben sees Ana's version as a conflict and restores it: nothing is left to resolve.
    const merged = ben.make(edit('summary', 'Ana 2', b2, 'Ben'), T + 50_000);
    for (const order of orders([base, a1, b1, a2, b2, merged])) expect(pmView(order).sections.summary).toMatchObject({ hash: merged.hash, text: 'Ana 2', conflicts: [] });
  });

  it('a forked device (one hlc, two texts): the greater hash wins, the other is a conflict', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const fork = ana.state;
    const one = createOp(fork, { incident: INC, ...edit('metrics', 'one', null) }, T).op;
    const two = createOp(fork, { incident: INC, ...edit('metrics', 'two', null) }, T).op;
    const [loser, winner] = one.hash < two.hash ? [one, two] : [two, one];
    for (const order of orders([one, two])) expect(pmView(order).sections.metrics).toMatchObject({ hash: winner.hash, conflicts: [{ hash: loser.hash }] });
  });

  it('a base this laptop never received is tolerated', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const op = ana.make({ actor: 'Ana', kind: 'postmortem.set', data: { section: 'details', text: 'x', base: 'c'.repeat(64) } }, T);
    expect(pmView([op]).sections.details).toMatchObject({ text: 'x', conflicts: [] });
  });

  it('template and timeline mode are last-writer-wins', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ben = new Device('bbbbbbbbbbbbbbbb', INC);
    const ops = [
      ana.make({ actor: 'Ana', kind: 'postmortem.template', data: { template: 'default-10-3' } }, T),
      ben.make({ actor: 'Ben', kind: 'postmortem.template', data: { template: 'short-form' } }, T),
      ana.make({ actor: 'Ana', kind: 'postmortem.timeline', data: { mode: 'all' } }, T + 1),
    ];
    for (const order of orders(ops)) expect(pmView(order)).toEqual({ incident: INC, template: 'short-form', timelineMode: 'all', sections: {} });
  });
});

describe('action items: priorities old and new', () => {
  it('an older laptop\'s P0–P3 and a named priority are one priority: the one written last wins, in any order', () => {
    const old = new Device('aaaaaaaaaaaaaaaa', INC);
    const fresh = new Device('bbbbbbbbbbbbbbbb', INC);
    const made = old.make(create({ priority: 'P1' }), T);
    const named = fresh.make(set({ priorityName: 'Low' }, 'Ben'), T + 1_000);
    const back = old.make(set({ priority: 'P0' }), T + 2_000);
    expect(actView([made])).toMatchObject({ priority: 'P1' });
    for (const order of orders([made, named])) expect(actView(order)).toMatchObject({ priority: 'Low' });
    for (const order of orders([made, named, back])) expect(actView(order)).toMatchObject({ priority: 'P0' });
  });

  it('a create names its priority one way or the other: a name on the scale, or (from an older laptop) P0–P3', () => {
    const schema = opKinds['action.create'];
    const { priority: _p, ...unprioritized } = FIELDS;
    expect(schema.safeParse({ action: ACT, fields: { ...unprioritized, priorityName: 'High' } }).success).toBe(true);
    expect(schema.safeParse({ action: ACT, fields: FIELDS }).success).toBe(true);
    expect(schema.safeParse({ action: ACT, fields: unprioritized }).success).toBe(false);
    for (const bad of ['', '   ', 'High, Low', 'x'.repeat(41), 'two\nlines']) expect(schema.safeParse({ action: ACT, fields: { ...unprioritized, priorityName: bad } }).success).toBe(false);
    expect(actView([new Device('aaaaaaaaaaaaaaaa', INC).make({ actor: 'Ana', kind: 'action.create', data: { action: ACT, fields: { ...unprioritized, priorityName: ' Sev 1 ' } } }, T)])).toMatchObject({ priority: 'Sev 1' });
  });
});

describe('action items: what an older War Room makes of a named priority', () => {
  // The action.create schema of the versions that wrote P0–P3 (ActionFields with `priority` required).
  const OLDER = z.object({
    action: z.string(),
    fields: z.object({ description: z.string(), owner: z.string().nullable(), priority: z.enum(['P0', 'P1', 'P2', 'P3']), dueDate: z.string().nullable(), status: z.enum(['open', 'in-progress', 'done', 'wont-do']), fromEntry: z.string().nullable() }).strict(),
  }).strict();
  const older = { isKnownKind: (kind: string) => kind === 'action.create', needsIncident: () => true, dataSchema: () => OLDER };

  it('holds it pending (kept, applied after an upgrade) instead of refusing it', () => {
    const { priority: _p, ...unprioritized } = FIELDS;
    const op = new Device('aaaaaaaaaaaaaaaa', INC).make({ actor: 'Ana', kind: 'action.create', data: { action: ACT, fields: { ...unprioritized, priorityName: 'High' } } }, T);
    expect(parseOpWith(older, op)).toMatchObject({ status: 'pending' });
    // What it wrote itself still reads the same on both.
    const legacy = new Device('aaaaaaaaaaaaaaaa', INC).make(create(), T);
    expect(parseOpWith(older, legacy)).toMatchObject({ status: 'ok' });
    expect(parseOp(legacy)).toMatchObject({ status: 'ok' });
  });
});

describe('action items: doc and view', () => {
  it('a created item, then edited field by field', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ben = new Device('bbbbbbbbbbbbbbbb', INC);
    const made = ana.make(create(), T);
    expect(actView([made])).toEqual({ id: ACT, incident: INC, ...FIELDS, createdBy: 'Ana', createdAt: iso(T), updatedAt: iso(T) });
    // Concurrent edits of different fields both land; the same field goes to the greater hlc.
    const a = ana.make(set({ status: 'in-progress', owner: null }), T + 60_000);
    const b = ben.make(set({ dueDate: null, owner: 'sre' }, 'Ben'), T + 60_000);
    for (const order of orders([made, a, b])) {
      expect(actView(order)).toMatchObject({ status: 'in-progress', dueDate: null, owner: 'sre', createdBy: 'Ana', updatedAt: iso(T + 60_000) });
      expect(actDoc(order).fields.owner?.map((v) => v.value)).toEqual(['Ana', null, 'sre']);
    }
  });

  it('a set that arrives before its create is kept, and counts once the create arrives', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const made = ana.make(create(), T);
    const done = ana.make(set({ status: 'done' }), T + 1_000);
    expect(actView([done])).toBeNull();
    expect(canonicalJson(actDoc([done, made]))).toBe(canonicalJson(actDoc([made, done])));
    expect(actView([done, made])).toMatchObject({ status: 'done', createdAt: iso(T), updatedAt: iso(T + 1_000) });
  });
});

/** Docs and views of every post-mortem and action item, byte for byte. */
function snapshot(docs: Map<string, Doc>): string {
  const sorted = [...docs.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const views = sorted.map(([, doc]) => (doc.table === 'postmortems' ? postmortemView(doc) : doc.table === 'actions' ? actionView(doc) : null));
  return canonicalJson({ docs: Object.fromEntries(sorted), views });
}

/** What the spec says of each section, checked straight against the ops. */
function checkSections(ops: readonly Op[], docs: Map<string, Doc>): void {
  const sets = ops.filter((op): op is Op<'postmortem.set'> => op.kind === 'postmortem.set');
  const bySection = new Map<string, Op<'postmortem.set'>[]>();
  for (const op of sets) bySection.set(`${op.incident}|${op.data.section}`, [...(bySection.get(`${op.incident}|${op.data.section}`) ?? []), op]);
  for (const [key, writes] of bySection) {
    const [incident, section] = key.split('|') as [string, Section];
    const doc = docs.get(`postmortems:${incident}`);
    if (doc?.table !== 'postmortems') throw new Error('missing post-mortem');
    const view = postmortemView(doc).sections[section]!;
    const winner = writes.reduce((best, op) => (compareStamps(stampOf(op), stampOf(best)) > 0 ? op : best));
    expect(view.hash).toBe(winner.hash);
    expect(view.text).toBe(winner.data.text);
    // Conflicts, from the ops themselves: every edit but the winner that nobody edited from or
    // named in `resolves`, and whose text no later edit wrote again. Oldest first.
    const settled = new Set(writes.flatMap((op) => [op.data.base, ...(op.data.resolves ?? [])]));
    const later = (op: Op, than: Op) => compareStamps(stampOf(op), stampOf(than)) > 0;
    const want = writes
      .filter((op) => op.hash !== winner.hash && !settled.has(op.hash) && !writes.some((other) => later(other, op) && other.data.text === op.data.text))
      .sort((x, y) => compareStamps(stampOf(x), stampOf(y)))
      .map((op) => ({ text: op.data.text, by: op.actor, at: hlcToIso(op.hlc), hash: op.hash }));
    expect(view.conflicts).toEqual(want);
  }
}

describe('post-mortems and action items converge', () => {
  it('2–3 replicas: random section edits and action items, in random order with duplicates → identical docs and views', () => {
    fc.assert(
      fc.property(
        historyArb(10, 120, postmortemIntentArb).chain((ops) =>
          fc.tuple(fc.constant(ops), fc.array(deliveryArb(ops), { minLength: 2, maxLength: 3 }), fc.nat({ max: ops.length })),
        ),
        ([ops, deliveries, cut]) => {
          const expected = snapshot(foldOps(ops));
          for (const delivery of deliveries) expect(snapshot(foldOps(delivery))).toBe(expected);
          // Associative too: a replica that folded part, then the rest, holds the same.
          const last = deliveries[deliveries.length - 1]!;
          expect(snapshot(foldOps(last.slice(cut), foldOps(last.slice(0, cut))))).toBe(expected);
          checkSections(ops, foldOps(deliveries[0]!));
        },
      ),
      { numRuns: 250 },
    );
  });

  it('scripted histories do produce conflicts, restores and stale bases', () => {
    const [ops] = fc.sample(historyArb(200, 200, postmortemIntentArb), { numRuns: 1, seed: 11 });
    const views = [...foldOps(ops!).values()].flatMap((doc) => (doc.table === 'postmortems' ? [postmortemView(doc)] : []));
    const conflicts = views.flatMap((view) => Object.values(view.sections)).reduce((n, section) => n + section.conflicts.length, 0);
    expect(conflicts).toBeGreaterThan(0);
    expect(ops!.some((op) => op.kind === 'postmortem.set' && op.data.base !== null)).toBe(true);
    expect(ops!.some((op) => op.kind === 'postmortem.set' && op.data.resolves !== undefined)).toBe(true);
  });
});
