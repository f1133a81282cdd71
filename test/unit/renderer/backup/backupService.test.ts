import 'fake-indexeddb/auto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupHandlers } from '../../../../electron/host/backupHandlers.ts';
import { createDispatcher } from '../../../../electron/host/dispatch.ts';
import { backUpNow, useBackupStatus } from '../../../../renderer/backup/backupService.ts';
import { commit } from '../../../../renderer/db/commit.ts';
import { WarRoomDb } from '../../../../renderer/db/database.ts';
import type { Bridge } from '../../../../shared/bridge/contract.ts';
import { decodeBackup } from '../../../../shared/backup/backupFile.ts';
import { unusedHandlers } from '../../support/handlers.ts';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
let dir: string;
let db: WarRoomDb;
let bridge: Bridge;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warroom-backups-'));
  db = new WarRoomDb(`backups-${process.pid}-${Date.now()}`);
  let clock = T;
  const dispatcher = createDispatcher<void>({
    ...unusedHandlers<void>(),
    ...backupHandlers<void>({ backupsDir: dir, dataDir: dir, chooseOpenPath: async () => undefined, openFolder: async () => '', now: () => new Date((clock += 60_000)) }),
  });
  bridge = { invoke: (method, args) => dispatcher.dispatch(method, args, undefined) as never };
});
afterEach(async () => {
  await db.delete();
  await rm(dir, { recursive: true, force: true });
});

const declare = (id: string) => commit(db, { actor: 'Ana', incident: id, kind: 'incident.declare', data: { title: id, severity: 'P1', type: 'data', declaredAt: new Date(T).toISOString() } }, () => T);

describe('automatic backups through the real host handlers', () => {
  it('write the whole op log, skip an unchanged store, and write again after a change', async () => {
    expect(await backUpNow(db, bridge, T)).toBe('Nothing to back up yet');
    await declare('inc-one001');
    expect(await backUpNow(db, bridge, T)).toMatch(/^Backed up 1 ops to .*warroom-backup-\d{8}-\d{6}\.warroom \(1 backups kept\)$/);
    expect(await backUpNow(db, bridge, T)).toBe('No change since the last backup (1 ops)');
    await declare('inc-two002');
    expect(await backUpNow(db, bridge, T)).toMatch(/^Backed up 2 ops to .* \(2 backups kept\)$/);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.warroom'));
    expect(files).toHaveLength(2);
    const latest = await bridge.invoke('backup.readLatest', {});
    expect(latest.ok && latest.value.content !== null && decodeBackup(latest.value.content)).toMatchObject({ ok: true, header: { opCount: 2 } });
    expect(useBackupStatus.getState()).toMatchObject({ lastAt: T, lastError: null });
  });
});
