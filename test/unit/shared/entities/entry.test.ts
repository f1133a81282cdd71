import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryEditRefusal, entryView, foldOps, type EntryDoc, type Op } from '../../../../shared/entities/index.ts';
import { TIMELINE_CSV_COLUMNS, timelineToCsv } from '../../../../shared/timeline/exportTimeline.ts';
import { Device } from '../../support/device.ts';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const INC = 'inc-aaaaaa';
const ENTRY = 'ent-000001';
const FIELDS = { text: 'Checkout is failing', kind: 'note' as const, eventAt: new Date(T).toISOString(), pinned: false, tags: [] };

const add = { actor: 'Ana', kind: 'entry.add' as const, data: { entry: ENTRY, fields: FIELDS } };
const edit = (fields: Record<string, unknown>, actor = 'Ana') => ({ actor, kind: 'entry.edit' as const, data: { entry: ENTRY, fields } });
const strike = { actor: 'Ana', kind: 'entry.strike' as const, data: { entry: ENTRY, reason: 'wrong incident' } };

function docOf(ops: readonly Op[]): EntryDoc {
  const doc = foldOps(ops).get(`entries:${INC}/${ENTRY}`);
  if (doc?.table !== 'entries') throw new Error('no entry doc');
  return doc;
}
const viewOf = (ops: readonly Op[]) => entryView(docOf(ops))!;

describe('entry view: pinning is not editing', () => {
  it('a pinned entry has no edits, and its CSV row says edits=0', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ops = [ana.make(add, T), ana.make(edit({ pinned: true }), T + 1000)];
    const view = viewOf(ops);
    expect(view.pinned).toBe(true);
    expect(view.edits).toBe(0);
    const [header, row] = timelineToCsv({ id: INC, title: 'Checkout', severity: 'P1', declaredAt: view.eventAt }, [view]).split('\r\n');
    expect(header).toBe(TIMELINE_CSV_COLUMNS.join(','));
    expect(row!.split(',')[TIMELINE_CSV_COLUMNS.indexOf('edits')]).toBe('0');
  });

  it('pin, unpin and pin again is still no edit; a text or time change is', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ops = [ana.make(add, T), ana.make(edit({ pinned: true }), T + 1), ana.make(edit({ pinned: false }), T + 2), ana.make(edit({ pinned: true }), T + 3)];
    expect(viewOf(ops).edits).toBe(0);
    ops.push(ana.make(edit({ text: 'Checkout is failing for EU cards' }), T + 4), ana.make(edit({ eventAt: new Date(T - 60_000).toISOString() }), T + 5));
    expect(viewOf(ops).edits).toBe(2);
  });
});

describe('entry view: a struck entry is frozen', () => {
  it('an edit or a pin stamped after the strike never becomes current, in any order (a peer that ignores the rule)', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const mallory = new Device('bbbbbbbbbbbbbbbb', INC);
    const ops = [ana.make(add, T), ana.make(strike, T + 1000), mallory.make(edit({ text: 'Nothing happened', pinned: true }, 'Mallory'), T + 2000)];
    fc.assert(
      fc.property(fc.shuffledSubarray(ops, { minLength: ops.length, maxLength: ops.length }), (order) => {
        const view = viewOf(order);
        expect(view.text).toBe('Checkout is failing');
        expect(view.pinned).toBe(false);
        expect(view.edits).toBe(0);
        expect(view.struck?.reason).toBe('wrong incident');
      }),
    );
    // The refused write is kept in the doc (the log forgets nothing), just never current.
    expect(docOf(ops).fields.text).toHaveLength(2);
  });

  it('an edit made before the strike (concurrently, on a laptop that had not seen it) still counts', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ben = new Device('bbbbbbbbbbbbbbbb', INC);
    const ops = [ana.make(add, T), ben.make(edit({ text: 'Checkout is failing (EU)' }, 'Ben'), T + 500), ana.make(strike, T + 1000)];
    expect(viewOf(ops.reverse())).toMatchObject({ text: 'Checkout is failing (EU)', edits: 1 });
  });

  it('an add stamped after a strike still shows its text (the strike stands)', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const mallory = new Device('bbbbbbbbbbbbbbbb', INC);
    const ops = [mallory.make(strike, T), ana.make(add, T + 1000)];
    expect(viewOf(ops)).toMatchObject({ text: 'Checkout is failing', struck: { reason: 'wrong incident' } });
  });

  it('refuses to make an edit of a struck entry, and allows one of a live entry', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const added = ana.make(add, T);
    expect(entryEditRefusal(docOf([added]))).toBeNull();
    expect(entryEditRefusal(docOf([added, ana.make(strike, T + 1)]))).toBe('a struck entry cannot be edited or pinned');
  });
});

describe('a posted update records its audience', () => {
  const CUSTOMERS = { id: 'customers', name: 'Customers / status page', channel: 'status.example.com', customerFacing: true };
  const audience = (value: typeof CUSTOMERS) => ({ actor: 'Ana', kind: 'entry.audience' as const, data: { entry: ENTRY, audience: value } });

  it('folds into the view with the add, in any order; other entries have none', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ops = [ana.make(add, T), ana.make(audience(CUSTOMERS), T + 1)];
    for (const order of [ops, [...ops].reverse()]) expect(viewOf(order).audience).toEqual(CUSTOMERS);
    expect(viewOf([ana.make(add, T)]).audience).toBeNull();
  });

  it('is frozen once the entry is struck: a later audience never becomes current', () => {
    const ana = new Device('aaaaaaaaaaaaaaaa', INC);
    const ben = new Device('bbbbbbbbbbbbbbbb', INC);
    const ops = [ana.make(add, T), ana.make(audience(CUSTOMERS), T + 1), ana.make(strike, T + 2), ben.make(audience({ ...CUSTOMERS, customerFacing: false, name: 'Internal' }), T + 3)];
    expect(viewOf(ops).audience).toEqual(CUSTOMERS);
    expect(entryEditRefusal(docOf(ops))).not.toBeNull();
  });
});
