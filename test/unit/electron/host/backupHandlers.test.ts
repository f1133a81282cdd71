import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupHandlers, type BackupHandlerDeps } from '../../../../electron/host/backupHandlers.ts';
import { createDispatcher } from '../../../../electron/host/dispatch.ts';
import type { OpenDialogRequest } from '../../../../electron/host/openFile.ts';
import { decodeBackup, encodeBackup } from '../../../../shared/backup/backupFile.ts';
import { unusedHandlers } from '../../support/handlers.ts';
import { chainOf, DEV_A } from '../../support/chains.ts';

let userData: string;
let backupsDir: string;
beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'warroom-userdata-'));
  backupsDir = join(userData, 'backups');
});
afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

const chain = chainOf(DEV_A, 10);
const archive = (count: number) => encodeBackup({ ops: chain.slice(0, count), device: DEV_A, createdAt: '2026-11-23T08:00:00.000Z' });

/** A dispatcher over the real backup handlers, with a settable clock, dialog answer and folder opener. */
function setUp(overrides: Partial<BackupHandlerDeps<{ window: string }>> = {}) {
  let minute = 0;
  const dialogs: { request: OpenDialogRequest; ctx: { window: string } }[] = [];
  const opened: string[] = [];
  let answer: string | undefined;
  let openResult = '';
  const { dispatch } = createDispatcher<{ window: string }>({
    ...unusedHandlers<{ window: string }>(),
    ...backupHandlers<{ window: string }>({
      backupsDir,
      dataDir: userData,
      chooseOpenPath: async (request, ctx) => {
        dialogs.push({ request, ctx });
        return answer;
      },
      openFolder: async (path) => {
        opened.push(path);
        return openResult;
      },
      now: () => new Date(Date.UTC(2026, 10, 23, 8, minute)),
      ...overrides,
    }),
  });
  return {
    call: (method: string, args: unknown) => dispatch(method, args, { window: 'main' }),
    dialogs,
    opened,
    tick: (minutes: number) => (minute += minutes),
    answer: (path: string | undefined) => (answer = path),
    openResult: (result: string) => (openResult = result),
  };
}

describe('backup.write', () => {
  it('writes a valid archive, then skips an unchanged one', async () => {
    const host = setUp();
    const first = await host.call('backup.write', { content: archive(3) });
    const path = join(backupsDir, 'warroom-backup-20261123-080000.warroom');
    expect(first).toEqual({ ok: true, value: { written: true, path, kept: 1 } });
    expect(await readFile(path, 'utf8')).toBe(archive(3));

    host.tick(5);
    expect(await host.call('backup.write', { content: archive(3) })).toEqual({ ok: true, value: { written: false, path, kept: 1 } });
    expect(await host.call('backup.write', { content: archive(4) })).toMatchObject({ ok: true, value: { written: true, kept: 2 } });
  });

  it('refuses content that is not a valid archive, writing nothing', async () => {
    const host = setUp();
    const truncated = archive(5).slice(0, -10);
    expect(await host.call('backup.write', { content: truncated })).toEqual({
      ok: false,
      error: { code: 'failed', message: 'backup.write: not written: the backup does not decode (backup file is truncated: header says 5 ops, file has 4 and the last line is cut off)' },
    });
    expect(await host.call('backup.write', { content: 42 })).toMatchObject({ ok: false, error: { code: 'bad-args', message: expect.stringMatching(/^backup\.write: content: /) } });
    expect(await host.call('backup.write', { content: archive(1), path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'bad-args' } });
    await expect(readdir(backupsDir)).rejects.toThrow(/ENOENT/);
  });

  it('keeps only the configured number', async () => {
    const host = setUp({ keep: 3 });
    for (let i = 1; i <= 6; i += 1) {
      host.tick(1);
      await host.call('backup.write', { content: archive(i) });
    }
    const listed = await host.call('backup.list', {});
    expect(listed).toEqual({
      ok: true,
      value: {
        backups: [6, 5, 4].map((minute) => ({
          name: `warroom-backup-20261123-08${String(minute).padStart(2, '0')}00.warroom`,
          size: Buffer.byteLength(archive(minute)),
          createdAt: `2026-11-23T08:${String(minute).padStart(2, '0')}:00.000Z`,
        })),
      },
    });
  });
});

describe('backup.list and backup.readLatest', () => {
  it('are empty before any backup', async () => {
    const host = setUp();
    expect(await host.call('backup.list', {})).toEqual({ ok: true, value: { backups: [] } });
    expect(await host.call('backup.readLatest', {})).toEqual({ ok: true, value: { content: null, name: null, skipped: [] } });
  });

  it('read the newest backup that decodes, naming the corrupt one passed over', async () => {
    const host = setUp();
    await host.call('backup.write', { content: archive(2) });
    host.tick(1);
    const newest = await host.call('backup.write', { content: archive(3) });
    if (!newest.ok) throw new Error('write failed');
    await writeFile((newest.value as { path: string }).path, archive(3).replace('line 3', 'line X'));

    const latest = await host.call('backup.readLatest', {});
    expect(latest).toEqual({
      ok: true,
      value: {
        content: archive(2),
        name: 'warroom-backup-20261123-080000.warroom',
        skipped: [{ name: 'warroom-backup-20261123-080100.warroom', reason: expect.stringMatching(/^line 4 \(op aaaaaaaaaaaaaaaa-3\): hash mismatch/) }],
      },
    });
  });

  it('refuse arguments', async () => {
    const host = setUp();
    expect(await host.call('backup.list', { dir: '/' })).toMatchObject({ ok: false, error: { code: 'bad-args' } });
    expect(await host.call('backup.readLatest', undefined)).toMatchObject({ ok: false, error: { code: 'bad-args' } });
  });
});

describe('file.open', () => {
  it('offers .warroom files in a dialog modal to the caller, then returns the chosen file', async () => {
    const host = setUp();
    const file = join(userData, 'export.warroom');
    await writeFile(file, archive(4));
    host.answer(file);
    const reply = await host.call('file.open', { title: 'Import a War Room backup file', format: 'warroom' });
    expect(reply).toEqual({ ok: true, value: { path: file, content: archive(4) } });
    expect(decodeBackup((reply as { value: { content: string } }).value.content).ok).toBe(true);
    expect(host.dialogs).toEqual([
      { request: { title: 'Import a War Room backup file', filters: [{ name: 'War Room backup file', extensions: ['warroom'] }] }, ctx: { window: 'main' } },
    ]);
  });

  it('returns null when the dialog is cancelled', async () => {
    const host = setUp();
    host.answer(undefined);
    expect(await host.call('file.open', { title: 'Import', format: 'warroom' })).toEqual({ ok: true, value: null });
  });

  it('says why a file cannot be opened: too large, not text, a relative path, missing', async () => {
    const host = setUp();
    const huge = join(userData, 'huge.warroom');
    await writeFile(huge, '');
    await truncate(huge, 600 * 1024 * 1024); // sparse: nothing is actually written or read
    host.answer(huge);
    expect(await host.call('file.open', { title: 'Import', format: 'warroom' })).toEqual({
      ok: false,
      error: { code: 'failed', message: 'file.open: the file is 600 MiB; War Room opens backup files up to 512 MiB' },
    });

    const binary = join(userData, 'photo.warroom');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]));
    host.answer(binary);
    expect(await host.call('file.open', { title: 'Import', format: 'warroom' })).toMatchObject({ ok: false, error: { message: 'file.open: the file is not UTF-8 text, so it is not a War Room backup file' } });

    host.answer('export.warroom');
    expect(await host.call('file.open', { title: 'Import', format: 'warroom' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/relative path/) } });

    host.answer(join(userData, 'gone.warroom'));
    expect(await host.call('file.open', { title: 'Import', format: 'warroom' })).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringMatching(/ENOENT/) } });
  });

  it('refuses other formats and an empty title before any dialog opens', async () => {
    const host = setUp();
    expect(await host.call('file.open', { title: 'Import', format: 'exe' })).toMatchObject({ ok: false, error: { code: 'bad-args', message: expect.stringMatching(/^file\.open: format: /) } });
    expect(await host.call('file.open', { title: '', format: 'warroom' })).toMatchObject({ ok: false, error: { code: 'bad-args' } });
    expect(host.dialogs).toEqual([]);
  });
});

describe('app.openDataFolder', () => {
  it('opens the data folder', async () => {
    const host = setUp();
    expect(await host.call('app.openDataFolder', {})).toEqual({ ok: true, value: { opened: true } });
    expect(host.opened).toEqual([userData]);
  });

  it('says why the folder could not be shown', async () => {
    const host = setUp();
    host.openResult('Failed to open path');
    expect(await host.call('app.openDataFolder', {})).toEqual({ ok: true, value: { opened: false, reason: 'Failed to open path' } });
  });
});
