import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRemoteOps } from '../../../../../renderer/db/applyRemote.ts';
import { WarRoomDb } from '../../../../../renderer/db/database.ts';
import { libraryOf, removeRunbook, saveRunbookSource } from '../../../../../renderer/features/checklists/runbookLibrary.ts';
import type { Op } from '../../../../../shared/entities/index.ts';
import { listCustomRunbookSources } from '../../../../../renderer/db/queries.ts';

let opened: WarRoomDb[] = [];
let counter = 0;
function freshDb(): WarRoomDb {
  const db = new WarRoomDb(`library-${process.pid}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.map((db) => db.delete()));
  opened = [];
});

const SOURCE = '---\nid: cache-stampede\ntypes: performance\n---\n# Cache stampede\n\n## Containment\n- [ ] Warm the cache from the replica\n';

describe("the team's own runbooks", () => {
  it('are synced settings: saved on one laptop, in the other laptop’s library after sync; removal syncs too', async () => {
    const ana = freshDb();
    const ben = freshDb();
    expect(await saveRunbookSource(ana, SOURCE, 'Ana', [])).toMatchObject({ ok: true });
    await applyRemoteOps(ben, (await ana.ops.toArray()) as Op[]);
    expect(await listCustomRunbookSources(ben)).toEqual([SOURCE]);
    expect(libraryOf(await listCustomRunbookSources(ben)).find((e) => e.item.id === 'cache-stampede')).toMatchObject({ builtIn: false, source: SOURCE });

    await removeRunbook(ana, 'cache-stampede', 'Ana');
    await applyRemoteOps(ben, (await ana.ops.toArray()) as Op[]);
    expect(await listCustomRunbookSources(ben)).toEqual([]);
  });

  it('a source with errors is refused with its lines, and nothing is stored', async () => {
    const db = freshDb();
    const refused = await saveRunbookSource(db, '# Broken\n\n## Lunch\n- [ ] Eat\n', 'Ana', []);
    expect(refused).toMatchObject({ ok: false, errors: [{ line: 3 }] });
    expect(await db.ops.count()).toBe(0);
  });

  it('a team runbook with a built-in’s id replaces it in the library', () => {
    const general = libraryOf([]).find((e) => e.item.id === 'general-response')!;
    const mine = '---\nid: general-response\n---\n# Our response\n\n## Triage\n- [ ] Page the on-call lead\n';
    const library = libraryOf([mine]);
    expect(library.filter((e) => e.item.id === 'general-response')).toEqual([{ item: expect.objectContaining({ title: 'Our response' }), builtIn: false, source: mine }]);
    expect(general.builtIn).toBe(true);
  });

  it('a (role: …) naming a team role is saved when the team has the role, refused naming its line when not; synced it always reads', async () => {
    const db = freshDb();
    const source = '---\nid: db-failover\n---\n# DB failover\n\n## Recovery\n- [ ] Promote the replica (role: database administrator)\n';
    const refused = await saveRunbookSource(db, source, 'Ana', []);
    expect(refused).toMatchObject({ ok: false, errors: [{ line: 7, message: expect.stringContaining('unknown role "database administrator"') }] });
    expect(await db.ops.count()).toBe(0);

    const dba = { id: 'database-administrator', name: 'Database administrator', description: '' };
    expect(await saveRunbookSource(db, source, 'Ana', [dba])).toMatchObject({ ok: true });
    // A laptop that has not yet received the team role still shows the synced runbook, with the role.
    const item = libraryOf(await listCustomRunbookSources(db)).find((e) => e.item.id === 'db-failover')!.item.phases[0]!.items[0]!;
    expect(item).toMatchObject({ text: 'Promote the replica', teamRole: { id: 'database-administrator', name: 'database administrator' } });
    expect(item.role).toBeUndefined();
  });
});
