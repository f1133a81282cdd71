import { describe, expect, it } from 'vitest';
import { listActions, listEntries } from '../../../../../renderer/db/queries.ts';
import { createActionItem, updateActionItem } from '../../../../../renderer/features/actions/actionItems.ts';
import { freshDb } from '../../../support/freshDb.ts';

const INCIDENT = 'inc-aaaaaa';
const T0 = Date.parse('2026-03-02T10:00:00.000Z');

describe('action items', () => {
  it('are created with their timeline line; a status change is logged, other edits are not', async () => {
    const db = freshDb('actions');
    const id = await createActionItem(db, INCIDENT, { description: 'Add a pool alert', owner: 'Ben', priority: 'P1', dueDate: '2026-03-09', status: 'open', fromEntry: null }, 'Ana', T0);
    const [created] = await listActions(db, INCIDENT);
    expect(created).toMatchObject({ id, description: 'Add a pool alert', owner: 'Ben', status: 'open' });

    await updateActionItem(db, created!, { owner: 'Cleo' }, 'Ana', T0 + 1000);
    await updateActionItem(db, (await listActions(db, INCIDENT))[0]!, { status: 'done', owner: 'Cleo' }, 'Cleo', T0 + 2000);

    expect((await listActions(db, INCIDENT))[0]).toMatchObject({ owner: 'Cleo', status: 'done' });
    expect((await listEntries(db, INCIDENT)).map((e) => [e.text, e.kind, e.author])).toEqual([
      ['Action item (P1): Add a pool alert · Ben · due 2026-03-09', 'action', 'Ana'],
      ['Action item done: Add a pool alert', 'action', 'Cleo'],
    ]);
    expect((await db.ops.toArray()).map((op) => op.kind).sort()).toEqual(['action.create', 'action.set', 'action.set', 'entry.add', 'entry.add']);
  });
});
