import 'fake-indexeddb/auto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportAll, importBackup } from '../../../renderer/db/backupFile.ts';
import { verifyIncident } from '../../../renderer/db/integrity.ts';
import { rebuildFromOps } from '../../../renderer/db/rebuild.ts';
import { entryKey } from '../../../shared/entities/index.ts';
import { segmentPath } from '../../../shared/sync/layout.ts';
import { line } from '../support/chains.ts';
import { FOREIGN, FOREIGN_INCIDENT, foreignChain, NEWER, UNTRIMMED } from '../support/foreignWriter.ts';
import { folderWorld, freshDb, joinTarget, snapshot } from '../support/syncStack.ts';

/**
 * Ops another program wrote (untrimmed values) and ops a newer War Room wrote (envelope v 2, an
 * unknown envelope member), in a real shared folder, read by the real sync stack: kept exactly
 * as written, so a backup of this laptop re-imports elsewhere without a hash mismatch.
 */
describe('ops of other writers on a folder target', () => {
  it('are received (untrimmed ones applied, newer ones pending), stored as written, and survive a backup round trip', async () => {
    const world = await folderWorld();
    const ana = await joinTarget(world, 0, 'Ana laptop');
    const chain = foreignChain([...UNTRIMMED, ...NEWER]);
    const file = join(world.place, segmentPath(FOREIGN, 1, chain.length, false));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, chain.map(line).join(''));

    const report = await ana.sync();
    expect(report).toMatchObject({ ok: true, problems: [], received: 2, pending: 2, cursors: { [FOREIGN]: 4 } });
    expect(await ana.db.ops.bulkGet(chain.slice(0, 2).map((op) => op.hash))).toEqual(chain.slice(0, 2));
    expect((await ana.db.pending.toArray()).map((row) => row.op)).toEqual(expect.arrayContaining(chain.slice(2)));
    // Normalized where it is shown: the author and the tag without their trailing spaces.
    const entry = (await ana.db.entries.get(entryKey(FOREIGN_INCIDENT, 'ent-foreign01')))?.view;
    expect([entry?.author, entry?.tags]).toEqual(['Ana', ['db', 'failover']]);
    expect((await verifyIncident(ana.db, FOREIGN_INCIDENT)).problems).toEqual([]);
    const shown = await snapshot(ana.db);
    await rebuildFromOps(ana.db);
    expect(await snapshot(ana.db)).toBe(shown);

    expect(await ana.sync()).toMatchObject({ ok: true, problems: [], received: 0, pending: 0 });

    const elsewhere = freshDb();
    const { text } = await exportAll(ana.db);
    expect(await importBackup(elsewhere, text)).toMatchObject({ ok: true, applied: 2, pending: 2 });
    expect(await snapshot(elsewhere)).toBe(shown);
    const again = await exportAll(elsewhere);
    expect(again.text.slice(again.text.indexOf('\n'))).toBe(text.slice(text.indexOf('\n')));
  });
});
