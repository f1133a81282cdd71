import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackupFile } from '../../../../../electron/host/backup/readBackupFile.ts';
import { backupName, listBackups, readLatestBackup } from '../../../../../electron/host/backup/rotatingBackup.ts';
import { createOpenedFiles } from '../../../../../electron/host/openedFiles.ts';
import { encodeBackup } from '../../../../../shared/backup/backupFile.ts';
import { chainOf, DEV_A } from '../../../support/chains.ts';

/**
 * A backup file may be hostile like a sync target's files: real links, a real FIFO (which a plain
 * read would wait on for ever) and a real device, in a temp folder.
 */
let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'warroom-readbackup-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const archive = encodeBackup({ ops: chainOf(DEV_A, 3), device: DEV_A, createdAt: '2026-11-23T08:00:00.000Z' });
const fifo = (path: string) => execFileSync('mkfifo', [path]);
const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);

describe('readBackupFile refuses what is not a regular file, without waiting on it', () => {
  it('a symbolic link to a valid backup file is not followed', async () => {
    const real = join(root, 'real.warroom');
    await writeFile(real, archive);
    await symlink(real, join(root, 'link.warroom'));
    await expect(readBackupFile(join(root, 'link.warroom'))).rejects.toThrow(/link\.warroom is a symbolic link: War Room opens only a regular file/);
    expect(await readBackupFile(real)).toBe(archive);
  });

  it('a FIFO, and a link to one, are refused at once, naming what they are', async () => {
    fifo(join(root, 'pipe.warroom'));
    await symlink(join(root, 'pipe.warroom'), join(root, 'to-pipe.warroom'));
    const started = Date.now();
    await expect(readBackupFile(join(root, 'pipe.warroom'))).rejects.toThrow(/pipe\.warroom is a named pipe \(FIFO\), not a regular file, so it was not opened/);
    await expect(readBackupFile(join(root, 'to-pipe.warroom'))).rejects.toThrow(/is a symbolic link/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a device and a folder are refused, naming what they are', async () => {
    await expect(readBackupFile('/dev/zero')).rejects.toThrow('/dev/zero is a device, not a regular file, so it was not opened');
    await mkdir(join(root, 'folder.warroom'));
    await expect(readBackupFile(join(root, 'folder.warroom'))).rejects.toThrow(/is a folder, not a regular file/);
  });

  it('a double-clicked link or FIFO is reported by path, and the next file still opens', async () => {
    const real = join(root, 'real.warroom');
    await writeFile(real, archive);
    await symlink(real, join(root, 'link.warroom'));
    fifo(join(root, 'pipe.warroom'));
    const opened = createOpenedFiles();
    opened.offer([join(root, 'link.warroom'), join(root, 'pipe.warroom'), real]);
    await expect(opened.take()).rejects.toThrow(/link\.warroom could not be opened: .*is a symbolic link/);
    await expect(opened.take()).rejects.toThrow(/pipe\.warroom could not be opened: .*named pipe \(FIFO\)/);
    expect(await opened.take()).toEqual({ path: real, content: archive });
  });
});

describe('the backups folder holds regular files only', () => {
  it('a link or a FIFO named like a newer backup is passed over with why, never read or waited on', async () => {
    const dir = join(root, 'backups');
    await mkdir(dir);
    const outside = join(root, 'planted.warroom');
    await writeFile(outside, archive);
    await writeFile(join(dir, backupName(new Date(T0))), archive);
    const linked = backupName(new Date(T0 + 60_000));
    const piped = backupName(new Date(T0 + 120_000));
    await symlink(outside, join(dir, linked));
    fifo(join(dir, piped));
    expect((await listBackups(dir)).map((b) => b.name)).toEqual([backupName(new Date(T0))]);
    expect(await readLatestBackup(dir)).toEqual({
      content: archive,
      name: backupName(new Date(T0)),
      skipped: [
        { name: piped, reason: 'not a regular file, so it was not read' },
        { name: linked, reason: 'a symbolic link, so it was not read' },
      ],
    });
  });
});
