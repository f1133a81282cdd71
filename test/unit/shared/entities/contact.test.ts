import { describe, expect, it } from 'vitest';
import { EMPTY_CONTACT } from '../../../../shared/contacts/contact.ts';
import { contactView, createOp, docRefOf, foldOps, kindNeedsIncident, parseOp, type ContactDoc, type Op, type OpIntent } from '../../../../shared/entities/index.ts';
import { freshDeviceState } from '../../../../shared/ops/createOp.ts';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const CON = 'con-000001';
/** A laptop making team-wide ops. */
function team(id: string) {
  let state = freshDeviceState(id);
  return {
    make(intent: OpIntent, at: number): Op {
      const made = createOp(state, intent, at);
      state = made.state;
      return made.op;
    },
  };
}
const create = (name = 'Ana Pereira') => ({ actor: 'Ana', incident: null, kind: 'contact.create' as const, data: { contact: CON, fields: { ...EMPTY_CONTACT, kind: 'person' as const, name, roles: ['IC'] } } });
const set = (fields: object) => ({ actor: 'Ben', incident: null, kind: 'contact.set' as const, data: { contact: CON, fields } });

function view(ops: readonly Op[]) {
  const doc = foldOps(ops).get(`contacts:${CON}`) as ContactDoc | undefined;
  return doc ? contactView(doc) : undefined;
}
const orders = (ops: readonly Op[]): Op[][] => [[...ops], [...ops].reverse(), [...ops, ...ops], [ops[1]!, ops[0]!, ...ops.slice(2)]];

describe('contact ops', () => {
  it('are team-wide and touch one contact', () => {
    expect(kindNeedsIncident('contact.create')).toBe(false);
    expect(docRefOf({ incident: null, kind: 'contact.set', data: { contact: CON, fields: { phone: '1' } } })).toEqual({ table: 'contacts', key: CON });
    const op = team('aaaaaaaaaaaaaaaa').make(create(), T);
    expect(parseOp(op)).toMatchObject({ status: 'ok' });
    expect(parseOp({ ...op, incident: 'inc-aaaaaa' }).status).toBe('invalid');
  });

  it('refuse a bad contact at the boundary', () => {
    const device = team('aaaaaaaaaaaaaaaa');
    expect(() => device.make(create(' '), T)).toThrow(/needs a name/);
    expect(() => device.make(set({ supportUrl: 'javascript:alert(1)' }), T)).toThrow(/support URL/);
    expect(() => device.make(set({}), T)).toThrow(/nothing to set/);
  });

  it('fold to the same contact in any order; concurrent edits of different fields both win', () => {
    const ana = team('aaaaaaaaaaaaaaaa');
    const ben = team('bbbbbbbbbbbbbbbb');
    const ops = [ana.make(create(), T), ben.make(set({ phone: '+1 555 0100' }), T + 1000), ana.make(set({ email: 'ana@example.com' }), T + 1000)];
    for (const order of orders(ops)) {
      expect(view(order)).toMatchObject({ id: CON, name: 'Ana Pereira', roles: ['IC'], phone: '+1 555 0100', email: 'ana@example.com', createdBy: 'Ana', removed: false });
    }
  });

  it('shows nothing until the create arrives, and a removal wins by time', () => {
    const ana = team('aaaaaaaaaaaaaaaa');
    const made = ana.make(create(), T);
    const removed = ana.make(set({ removed: true }), T + 5000);
    expect(view([removed])).toBeNull();
    expect(view([removed, made])?.removed).toBe(true);
  });
});
