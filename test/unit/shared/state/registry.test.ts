import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createRegistry, defineEntity, kind, type AnyEntity } from '../../../../shared/state/registry.ts';

interface NoteDoc {
  table: 'notes';
  key: string;
  texts: string[];
}

const noteKind = kind<NoteDoc>();
function notes(table = 'notes', kinds: Record<string, ReturnType<typeof noteKind>> = {}): AnyEntity {
  return defineEntity({
    table: table as 'notes',
    scope: 'incident',
    store: { indexes: 'key', since: 1 },
    kinds: {
      'note.add': noteKind(z.object({ text: z.string() }).strict(), { key: (op) => op.incident!, reduce: (doc, op) => ({ ...doc, texts: [...doc.texts, op.data.text] }) }),
      ...kinds,
    },
    empty: (key): NoteDoc => ({ table: 'notes', key, texts: [] }),
    row: (doc) => ({ key: doc.key, doc }),
  });
}

describe('createRegistry', () => {
  it('routes a kind to its entity: schema, scope, doc ref, reducer and row', () => {
    const registry = createRegistry([notes()]);
    expect(registry.tables).toEqual(['notes']);
    expect(registry.isKnownKind('note.add')).toBe(true);
    expect(registry.isKnownKind('note.remove')).toBe(false);
    expect(registry.dataSchema('note.remove')).toBeUndefined();
    expect(registry.needsIncident('note.add')).toBe(true);
    expect(registry.refOf({ kind: 'note.add', incident: 'inc-1', data: { text: 'a' } })).toEqual({ table: 'notes', key: 'inc-1' });
    const op = { v: 1 as const, id: 'd-1', device: 'd', seq: 1, hlc: 'h', actor: 'Ana', incident: 'inc-1', kind: 'note.add', data: { text: 'a' }, prev: null, hash: 'x' };
    const doc = registry.reduce(undefined, op);
    expect(doc).toEqual({ table: 'notes', key: 'inc-1', texts: ['a'] });
    expect(registry.rowOf(doc)).toEqual({ key: 'inc-1', doc });
    expect(() => registry.refOf({ kind: 'note.remove', incident: 'inc-1', data: {} })).toThrow(/unknown op kind note.remove/);
  });

  it('refuses two entities on one table, a kind declared twice, and a malformed kind or table name', () => {
    expect(() => createRegistry([notes(), notes()])).toThrow(/two entities declare the table "notes"/);
    const again = notes('others');
    expect(() => createRegistry([notes(), again])).toThrow(/op kind "note.add" is declared by notes and others/);
    const bad = notes('notes', { 'Note.Add!': noteKind(z.object({}), { key: () => 'k', reduce: (doc) => doc }) });
    expect(() => createRegistry([bad])).toThrow(/op kind "Note.Add!" of notes is not <entity>.<verb>/);
    expect(() => createRegistry([notes('no tes')])).toThrow(/not a plain table name/);
  });
});
