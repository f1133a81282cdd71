import { describe, expect, it } from 'vitest';
import { commit } from '../../../../../renderer/db/commit.ts';
import type { WarRoomDb } from '../../../../../renderer/db/database.ts';
import { TimelineModel } from '../../../../../renderer/features/timeline/timelineModel.ts';
import { freshDb } from '../../../support/freshDb.ts';

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function declare(db: WarRoomDb, incident: string) {
  return commit(db, { actor: 'Ana', incident, kind: 'incident.declare', data: { title: `Incident ${incident}`, severity: 'P1', type: 'data', declaredAt: iso(0) } });
}

function add(db: WarRoomDb, incident: string, entry: string, text: string, minute: number, tags: string[] = [], actor = 'Ana') {
  return commit(db, { actor, incident, kind: 'entry.add', data: { entry, fields: { text, kind: 'note', eventAt: iso(minute), pinned: false, tags } } });
}

/** Resolves once the model has told its listeners something `ready` accepts. */
function until(model: TimelineModel, ready: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (ready()) return resolve();
    const stop = model.subscribe(() => {
      if (!ready()) return;
      stop();
      resolve();
    });
  });
}

const texts = (model: TimelineModel) => model.getSnapshot().entries.map((entry) => entry.text);

describe('TimelineModel', () => {
  it('loads the incident’s entries in event order, then follows this database’s commits', async () => {
    const db = freshDb('timeline');
    await declare(db, 'inc-aaaaaa');
    await declare(db, 'inc-bbbbbb');
    await add(db, 'inc-aaaaaa', 'ent-000002', 'second', 2);
    await add(db, 'inc-aaaaaa', 'ent-000001', 'first', 1);

    const model = new TimelineModel(db, 'inc-aaaaaa');
    await until(model, () => model.loaded);
    expect(texts(model)).toEqual(['first', 'second']);

    // A backfill lands in its place; another incident's entry does not show.
    await add(db, 'inc-aaaaaa', 'ent-000003', 'backfilled', 1.5, ['db'], 'Ben');
    await add(db, 'inc-bbbbbb', 'ent-000004', 'elsewhere', 1.7);
    await until(model, () => model.getSnapshot().entries.length === 3);
    expect(texts(model)).toEqual(['first', 'backfilled', 'second']);
    expect(model.getFacets()).toEqual({ authors: ['Ana', 'Ben'], tags: ['db'] });

    // An edit that moves an entry's time moves it in the list, without a reload.
    await commit(db, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'entry.edit', data: { entry: 'ent-000001', fields: { eventAt: iso(3) } } });
    await until(model, () => model.getSnapshot().entries.at(-1)?.text === 'first');
    expect(texts(model)).toEqual(['backfilled', 'second', 'first']);
  });

  it('keeps a commit that lands while it is still loading', async () => {
    const db = freshDb('timeline');
    await declare(db, 'inc-aaaaaa');
    const model = new TimelineModel(db, 'inc-aaaaaa');
    const landing = add(db, 'inc-aaaaaa', 'ent-000001', 'during the load', 1);
    await landing;
    await until(model, () => model.loaded && model.getSnapshot().entries.length === 1);
    expect(texts(model)).toEqual(['during the load']);
  });

  it('hears only its own database: a commit to another one changes nothing', async () => {
    const db = freshDb('timeline');
    const other = freshDb('timeline');
    await declare(db, 'inc-aaaaaa');
    await declare(other, 'inc-aaaaaa');
    const model = new TimelineModel(db, 'inc-aaaaaa');
    await until(model, () => model.loaded);
    let told = 0;
    const stop = model.subscribe(() => (told += 1));
    await add(other, 'inc-aaaaaa', 'ent-000001', 'on the other laptop', 1);
    await add(db, 'inc-aaaaaa', 'ent-000002', 'here', 2);
    await until(model, () => model.getSnapshot().entries.length === 1);
    stop();
    expect(texts(model)).toEqual(['here']);
    expect(told).toBe(1);
  });

  it('a long timeline shows its latest entries and its total first, then reads the older ones in chunks', async () => {
    const db = freshDb('timeline');
    await declare(db, 'inc-aaaaaa');
    for (let i = 1; i <= 7; i += 1) await add(db, 'inc-aaaaaa', `ent-00000${i}`, `line ${i}`, i);

    const model = new TimelineModel(db, 'inc-aaaaaa', undefined, { tail: 2, chunk: 2 });
    await until(model, () => model.loaded);
    expect(texts(model)).toEqual(['line 6', 'line 7']);
    expect(model.getSnapshot()).toMatchObject({ complete: false, total: 7 });

    await until(model, () => model.getSnapshot().complete);
    expect(texts(model)).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5', 'line 6', 'line 7']);
    expect(model.getSnapshot().total).toBe(7);
  });

  it('commits during the chunked read win: an old entry moved, a backfill and a new line, no duplicate, nothing lost', async () => {
    for (const chunk of [1, 2, 3, 50]) {
      const db = freshDb('timeline');
      await declare(db, 'inc-aaaaaa');
      for (let i = 1; i <= 9; i += 1) await add(db, 'inc-aaaaaa', `ent-00000${i}`, `line ${i}`, i);
      const model = new TimelineModel(db, 'inc-aaaaaa', undefined, { tail: 2, chunk });
      await until(model, () => model.loaded);
      await Promise.all([
        commit(db, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'entry.edit', data: { entry: 'ent-000002', fields: { eventAt: iso(20), text: 'line 2, moved last' } } }),
        add(db, 'inc-aaaaaa', 'ent-000010', 'backfilled between 3 and 4', 3.5),
        add(db, 'inc-aaaaaa', 'ent-000011', 'new line', 10),
      ]);
      await until(model, () => model.getSnapshot().complete && model.getSnapshot().entries.length === 11);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(texts(model), `chunk ${chunk}`).toEqual(['line 1', 'line 3', 'backfilled between 3 and 4', 'line 4', 'line 5', 'line 6', 'line 7', 'line 8', 'line 9', 'new line', 'line 2, moved last']);
      expect(model.getSnapshot().total).toBe(11);
    }
  });
});
