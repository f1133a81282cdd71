import { describe, expect, it } from 'vitest';
import { commit } from '../../../../../renderer/db/commit.ts';
import { listActions, listEntries } from '../../../../../renderer/db/queries.ts';
import { createActionItem, reviewGroups, updateActionItem } from '../../../../../renderer/features/actions/actionItems.ts';
import { DEFAULT_ACTION_PRIORITIES } from '../../../../../shared/domain/actionItems.ts';
import type { ActionView } from '../../../../../shared/entities/index.ts';
import { freshDb } from '../../../support/freshDb.ts';

const INCIDENT = 'inc-aaaaaa';
const T0 = Date.parse('2026-03-02T10:00:00.000Z');

describe('action items', () => {
  it('are created with their timeline line; a status change is logged, other edits are not', async () => {
    const db = freshDb('actions');
    const id = await createActionItem(db, INCIDENT, { description: 'Add a pool alert', owner: 'Ben', priority: 'High', dueDate: '2026-03-09', status: 'open', fromEntry: null }, 'Ana', T0);
    const [created] = await listActions(db, INCIDENT);
    expect(created).toMatchObject({ id, description: 'Add a pool alert', owner: 'Ben', priority: 'High', status: 'open' });

    await updateActionItem(db, created!, { owner: 'Cleo' }, 'Ana', T0 + 1000);
    await updateActionItem(db, (await listActions(db, INCIDENT))[0]!, { status: 'done', owner: 'Cleo' }, 'Cleo', T0 + 2000);

    expect((await listActions(db, INCIDENT))[0]).toMatchObject({ owner: 'Cleo', status: 'done' });
    expect((await listEntries(db, INCIDENT)).map((e) => [e.text, e.kind, e.author])).toEqual([
      ['Action item (High): Add a pool alert · Ben · due 2026-03-09', 'action', 'Ana'],
      ['Action item status → Complete: Add a pool alert', 'action', 'Cleo'],
    ]);
    expect((await db.ops.toArray()).map((op) => op.kind).sort()).toEqual(['action.create', 'action.set', 'action.set', 'entry.add', 'entry.add']);
  });

  it('write the priority as a name (priorityName), never the old P0–P3 field; an old item reads and changes the same way', async () => {
    const db = freshDb('actions');
    await createActionItem(db, INCIDENT, { description: 'New item', owner: null, priority: 'Low', dueDate: null, status: 'open', fromEntry: null }, 'Ana', T0);
    // An item an older War Room made, with its P1.
    await commit(db, { actor: 'Old', incident: INCIDENT, kind: 'action.create', data: { action: 'act-old001', fields: { description: 'Old item', owner: null, priority: 'P1', dueDate: null, status: 'done', fromEntry: null } } });
    const old = (await listActions(db, INCIDENT)).find((item) => item.id === 'act-old001')!;
    expect(old).toMatchObject({ priority: 'P1', status: 'done' });
    await updateActionItem(db, old, { priority: 'Medium' }, 'Ana', T0 + 1000);
    expect((await listActions(db, INCIDENT)).find((item) => item.id === 'act-old001')).toMatchObject({ priority: 'Medium' });
    const written = (await db.ops.toArray()).sort((a, b) => a.seq - b.seq).filter((op) => op.actor === 'Ana' && op.kind.startsWith('action.')).map((op) => (op.data as { fields: Record<string, unknown> }).fields);
    expect(written.map((fields) => [fields['priority'], fields['priorityName']])).toEqual([
      [undefined, 'Low'],
      [undefined, 'Medium'],
    ]);
  });
});

describe('the weekly review', () => {
  const item = (id: string, owner: string | null, priority: string, status: ActionView['status'], dueDate: string | null = null): ActionView => ({
    id, incident: INCIDENT, description: id, owner, priority, dueDate, status, fromEntry: null, createdBy: 'Ana', createdAt: `2026-03-02T10:00:0${id.length % 10}.000Z`, updatedAt: '2026-03-02T10:00:00.000Z',
  });

  it('lists open items by owner (by name, nobody\'s last), overdue first, then by priority, then by due date; complete and won\'t-do left out', () => {
    const items = [
      item('cleo-low', 'Cleo', 'Low', 'open'),
      item('ben-medium-late', 'Ben', 'Medium', 'in-progress', '2026-02-01'),
      item('ben-high', 'Ben', 'High', 'open', '2026-04-01'),
      item('ben-old-p0', 'Ben', 'P0', 'open', '2026-05-01'),
      item('ben-done', 'Ben', 'High', 'done'),
      item('nobody', null, 'High', 'open'),
      item('ana-wont', 'Ana', 'High', 'wont-do'),
    ];
    expect(reviewGroups(items, DEFAULT_ACTION_PRIORITIES, '2026-03-02').map((group) => [group.owner, group.items.map((i) => i.id)])).toEqual([
      ['Ben', ['ben-medium-late', 'ben-high', 'ben-old-p0']],
      ['Cleo', ['cleo-low']],
      [null, ['nobody']],
    ]);
  });
});
