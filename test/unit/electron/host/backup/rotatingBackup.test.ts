import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackupFile } from '../../../../../electron/host/backup/readBackupFile.ts';
import { backupName, intactAsWritten, listBackups, readLatestBackup, writeBackup } from '../../../../../electron/host/backup/rotatingBackup.ts';
import { decodeBackup, encodeBackup } from '../../../../../shared/backup/backupFile.ts';
import fc from 'fast-check';
import { historyArb } from '../../../support/opScripts.ts';
import { chainOf, DEV_A } from '../../../support/chains.ts';

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'warroom-backups-'));
  dir = join(root, 'backups');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const T0 = Date.UTC(2026, 10, 23, 8, 7, 37, 123);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const chain = chainOf(DEV_A, 40);
/** A valid archive of the first `count` ops; `createdAt` varies without changing the ops. */
const archive = (count: number, createdAt = new Date(T0).toISOString()) => encodeBackup({ ops: chain.slice(0, count), device: DEV_A, createdAt });

describe('writeBackup', () => {
  it('writes the archive under a UTC-stamped name and leaves no temporary file', async () => {
    const text = archive(3);
    const result = await writeBackup(dir, text, at(0));
    expect(backupName(at(0))).toBe('warroom-backup-20261123-080737.warroom');
    expect(result).toEqual({ written: true, path: join(dir, 'warroom-backup-20261123-080737.warroom'), name: 'warroom-backup-20261123-080737.warroom', kept: 1, pruned: [], cleaned: [] });
    expect(await readFile(result.path, 'utf8')).toBe(text);
    expect(await readdir(dir)).toEqual([result.name]);
    expect(await listBackups(dir)).toEqual([{ name: result.name, path: result.path, size: Buffer.byteLength(text), createdAt: '2026-11-23T08:07:37.000Z' }]);
  });

  it('refuses text that is not an archive and writes nothing', async () => {
    await expect(writeBackup(dir, 'hello', at(0))).rejects.toThrow(/^not written: the backup does not decode \(not a War Room backup file/);
    const truncated = archive(5).slice(0, -50);
    await expect(writeBackup(dir, truncated, at(0))).rejects.toThrow(/backup file is truncated/);
    expect(await listBackups(dir)).toEqual([]);
  });

  it('skips the write when the newest backup holds the same ops, and says so', async () => {
    const first = await writeBackup(dir, archive(3), at(0));
    const again = await writeBackup(dir, archive(3, at(30).toISOString()), at(30));
    expect(again).toMatchObject({ written: false, path: first.path, name: first.name, kept: 1, reason: `unchanged: ${first.name} holds the same 3 ops` });
    const changed = await writeBackup(dir, archive(4), at(60));
    expect(changed).toMatchObject({ written: true, kept: 2 });
    expect((await listBackups(dir)).map((b) => b.name)).toEqual([changed.name, first.name]);
  });

  it('writes again when the newest backup is damaged, even if its header digest matches', async () => {
    const first = await writeBackup(dir, archive(3), at(0));
    const text = await readFile(first.path, 'utf8');
    await writeFile(first.path, text.replace('line 2', 'line X'));
    const again = await writeBackup(dir, archive(3), at(1));
    expect(again).toMatchObject({ written: true, kept: 2 });
    expect((await readLatestBackup(dir)).name).toBe(again.name);
  });

  it('keeps the newest N and deletes the oldest', async () => {
    const names: string[] = [];
    for (let i = 1; i <= 30; i += 1) names.push((await writeBackup(dir, archive(i), at(i * 60))).name);
    const listed = await listBackups(dir);
    expect(listed.map((b) => b.name)).toEqual(names.slice(6).reverse());
    const last = await writeBackup(dir, archive(31), at(31 * 60), { keep: 3 });
    expect(last).toMatchObject({ written: true, kept: 3, pruned: names.slice(6, 28).reverse() });
    expect((await listBackups(dir)).map((b) => b.name)).toEqual([last.name, names[29], names[28]]);
  });

  it('refuses to keep fewer than one', async () => {
    await expect(writeBackup(dir, archive(1), at(0), { keep: 0 })).rejects.toThrow(RangeError);
    await expect(writeBackup(dir, archive(1), at(0), { keep: 2.5 })).rejects.toThrow(/whole number/);
    expect(await listBackups(dir)).toEqual([]);
  });

  it('never touches a file that is not named like a backup', async () => {
    await mkdir(dir, { recursive: true });
    const foreign = [
      'notes.txt',
      'warroom-backup-old.warroom',
      'warroom-backup-20261399-000000.warroom', // no such day
      'warroom-backup-20200101-000000.warroom.bak',
      'my-export.warroom',
    ];
    for (const name of foreign) await writeFile(join(dir, name), 'mine');
    await mkdir(join(dir, 'warroom-backup-20200101-000000.warroom')); // a folder, however named
    for (let i = 1; i <= 4; i += 1) await writeBackup(dir, archive(i), at(i), { keep: 2 });
    const entries = await readdir(dir);
    for (const name of [...foreign, 'warroom-backup-20200101-000000.warroom']) expect(entries).toContain(name);
    expect(await listBackups(dir)).toHaveLength(2);
    expect(entries).toHaveLength(foreign.length + 1 + 2);
  });

  it('never deletes the backup just written, even when the clock went back', async () => {
    const first = await writeBackup(dir, archive(2), at(60));
    const second = await writeBackup(dir, archive(3), at(0), { keep: 1 });
    // Named just after the newest, so the newest name always holds the newest content.
    expect(second).toMatchObject({ written: true, name: 'warroom-backup-20261123-090738.warroom', kept: 1, pruned: [first.name] });
    expect(await readLatestBackup(dir)).toEqual({ content: archive(3), name: second.name, skipped: [] });
  });

  it('serializes concurrent writes: none overwrites another', async () => {
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => writeBackup(dir, archive(i), at(0))));
    expect(new Set(results.map((r) => r.name)).size).toBe(5);
    expect(results.every((r) => r.written)).toBe(true);
    expect(await listBackups(dir)).toHaveLength(5);
  });

  it('ignores what a crash mid-write left, and removes it on the next write', async () => {
    const first = await writeBackup(dir, archive(2), at(0));
    const leftovers = ['warroom-backup-20261123-090000.warroom.tmp', 'warroom-backup-20261123-090001.warroom.tmp-a1b2c3d4e5f6'];
    for (const name of leftovers) await writeFile(join(dir, name), archive(5).slice(0, 300));
    expect((await listBackups(dir)).map((b) => b.name)).toEqual([first.name]);
    expect((await readLatestBackup(dir)).name).toBe(first.name);

    const next = await writeBackup(dir, archive(3), at(1));
    expect(next.cleaned.sort()).toEqual(leftovers);
    expect((await readdir(dir)).sort()).toEqual([first.name, next.name].sort());
  });
});

describe('readLatestBackup', () => {
  it('is empty for a missing or empty folder', async () => {
    expect(await listBackups(dir)).toEqual([]);
    expect(await readLatestBackup(dir)).toEqual({ content: null, name: null, skipped: [] });
  });

  it('falls back past corrupt newer backups and names each with the reason', async () => {
    const good = await writeBackup(dir, archive(2), at(0));
    const truncated = await writeBackup(dir, archive(3), at(1));
    const tampered = await writeBackup(dir, archive(4), at(2));
    const notText = await writeBackup(dir, archive(5), at(3));
    await writeFile(truncated.path, archive(3).slice(0, -20));
    await writeFile(tampered.path, archive(4).replace('line 1', 'line X'));
    await writeFile(notText.path, Buffer.from([0xff, 0xfe, 0x00, 0x80]));

    const latest = await readLatestBackup(dir);
    expect(latest.content).toBe(archive(2));
    expect(latest.name).toBe(good.name);
    expect(latest.skipped).toEqual([
      { name: notText.name, reason: 'the file is not UTF-8 text, so it is not a War Room backup file' },
      { name: tampered.name, reason: expect.stringMatching(/^line 2 \(op aaaaaaaaaaaaaaaa-1\): hash mismatch/) },
      { name: truncated.name, reason: 'backup file is truncated: header says 3 ops, file has 2 and the last line is cut off' },
    ]);
  });

  it('reports every backup when none decodes', async () => {
    const only = await writeBackup(dir, archive(2), at(0));
    await writeFile(only.path, '');
    expect(await readLatestBackup(dir)).toEqual({
      content: null,
      name: null,
      skipped: [{ name: only.name, reason: 'not a War Room backup file (first line is not a warroom-backup header)' }],
    });
  });
});

describe('readBackupFile', () => {
  it('refuses a file over 512 MiB before reading it', async () => {
    const big = join(root, 'huge.warroom');
    await writeFile(big, '');
    await truncate(big, 512 * 1024 * 1024 + 1); // sparse: nothing is actually written
    await expect(readBackupFile(big)).rejects.toThrow('the file is 512.1 MiB; War Room opens backup files up to 512 MiB');
  });

  it('refuses a folder and a missing file', async () => {
    await expect(readBackupFile(root)).rejects.toThrow(/is a folder, not a regular file/);
    await expect(readBackupFile(join(root, 'missing.warroom'))).rejects.toThrow(/ENOENT/);
  });
});

describe('intactAsWritten (the check main runs before keeping a backup, instead of a full decode)', () => {
  it('takes every archive the app writes, agreeing with the full decode on its header', () => {
    fc.assert(
      fc.property(historyArb(0, 40), (ops) => {
        const text = encodeBackup({ ops, device: DEV_A, createdAt: '2026-11-23T09:00:00.000Z' });
        const decoded = decodeBackup(text);
        expect(decoded.ok).toBe(true);
        expect(intactAsWritten(text)).toEqual(decoded.ok ? decoded.header : null);
      }),
      { numRuns: 60 },
    );
  });

  it('leaves anything else to the full decode: a cut, an extra line, CRLF, a BOM, an altered line', () => {
    const text = encodeBackup({ ops: chainOf(DEV_A, 5), device: DEV_A, createdAt: '2026-11-23T09:00:00.000Z' });
    const lines = text.split('\n');
    for (const variant of [
      text.slice(0, -10),
      `${text}{"v":1}\n`,
      text.replace(/\n/g, '\r\n'),
      `\uFEFF${text}`,
      [...lines.slice(0, 3), lines[3]!.replace('"seq":3', '"seq":33'), ...lines.slice(4)].join('\n'),
      'hello',
    ]) {
      expect(intactAsWritten(variant)).toBeNull();
    }
  });
});
