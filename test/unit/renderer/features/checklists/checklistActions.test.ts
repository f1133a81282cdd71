import { describe, expect, it } from 'vitest';
import { listChecklists, listEntries } from '../../../../../renderer/db/queries.ts';
import { assignItem, setItemState, startRunbook } from '../../../../../renderer/features/checklists/checklistActions.ts';
import { BUILT_IN_RUNBOOKS } from '../../../../../shared/runbooks/builtins.ts';
import { freshDb } from '../../../support/freshDb.ts';

const INCIDENT = 'inc-aaaaaa';
const T0 = Date.parse('2026-03-02T10:00:00.000Z');

describe('checklist actions', () => {
  it('start a run, check, skip and assign items, each with its timeline line in the same commit', async () => {
    const db = freshDb('checklists');
    const runbook = BUILT_IN_RUNBOOKS[0]!;
    const run = await startRunbook(db, INCIDENT, runbook, 'Ana', T0);
    const [started] = await listChecklists(db, INCIDENT);
    expect(started).toMatchObject({ id: run, runbook: { title: runbook.title } });

    const [first, second] = started!.items;
    await setItemState(db, started!, first!, 'done', 'Ana', undefined, T0 + 1000);
    await setItemState(db, started!, second!, 'skipped', 'Ben', 'not relevant here', T0 + 2000);
    await assignItem(db, started!, second!, ' Cleo ', 'Ana', T0 + 3000);

    const [now] = await listChecklists(db, INCIDENT);
    expect(now!.items.slice(0, 2).map((item) => [item.state, item.assignee])).toEqual([
      ['done', null],
      ['skipped', 'Cleo'],
    ]);
    expect((await listEntries(db, INCIDENT)).map((e) => [e.text, e.kind, e.author])).toEqual([
      [`Runbook started: ${runbook.title}`, 'event', 'Ana'],
      [`☑ Done: ${first!.text} (${runbook.title})`, 'action', 'Ana'],
      [`⤼ Skipped: ${second!.text} — not relevant here (${runbook.title})`, 'action', 'Ben'],
      [`Checklist item for Cleo: ${second!.text}`, 'action', 'Ana'],
    ]);
    expect(await db.ops.count()).toBe(8);
  });

  it('setting an item to the state it has writes nothing', async () => {
    const db = freshDb('checklists');
    await startRunbook(db, INCIDENT, BUILT_IN_RUNBOOKS[0]!, 'Ana', T0);
    const [run] = await listChecklists(db, INCIDENT);
    const before = await db.ops.count();
    await setItemState(db, run!, run!.items[0]!, 'open', 'Ana');
    await assignItem(db, run!, run!.items[0]!, '   ', 'Ana');
    expect(await db.ops.count()).toBe(before);
  });
});
