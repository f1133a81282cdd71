import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/host/dispatch.ts';
import { evidenceHandlers, hashFile } from '../../../../electron/host/hashFile.ts';
import { unusedHandlers } from '../../support/handlers.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warroom-hash-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

describe('hashFile', () => {
  it('hashes a small file and an empty one (the standard test vectors)', async () => {
    writeFileSync(join(dir, 'abc.txt'), 'abc');
    writeFileSync(join(dir, 'empty'), '');
    expect(await hashFile(join(dir, 'abc.txt'))).toEqual({ size: 3, sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' });
    expect(await hashFile(join(dir, 'empty'))).toEqual({ size: 0, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' });
  });

  it('hashes across chunk boundaries the same as hashing the whole', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 31 + 7) & 0xff;
    writeFileSync(join(dir, 'odd.bin'), bytes);
    expect(await hashFile(join(dir, 'odd.bin'))).toEqual({ size: bytes.length, sha256: sha(bytes) });
  });

  it('streams a 384 MiB file: memory grows by far less than the file', async () => {
    const path = join(dir, 'disk.img');
    const size = 384 * 1024 * 1024;
    // Sparse: no disk space used, and every byte reads as zero. The hash of 384 MiB of zeros, from Python's hashlib.
    writeFileSync(path, '');
    truncateSync(path, size);
    const expected = '3201548f7070f0ae5adf2c869b15df99b5f85ca51feda443c1597c130976619a';

    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    try {
      expect(await hashFile(path)).toEqual({ size, sha256: expected });
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(peak - before).toBeLessThan(128 * 1024 * 1024);
  }, 60_000);

  it('refuses what is not a regular file, naming it, without waiting on a FIFO', async () => {
    writeFileSync(join(dir, 'real.log'), 'x');
    symlinkSync(join(dir, 'real.log'), join(dir, 'link.log'));
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    await expect(hashFile(join(dir, 'link.log'))).rejects.toThrow(/is a symbolic link/);
    await expect(hashFile(join(dir, 'pipe'))).rejects.toThrow(/is a named pipe \(FIFO\), not a regular file/);
    await expect(hashFile(dir)).rejects.toThrow(/is a folder, not a regular file/);
    await expect(hashFile(join(dir, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});

describe('evidence.hashFile through the bridge dispatcher', () => {
  const dispatcherChoosing = (path: string | undefined) =>
    createDispatcher<void>({ ...unusedHandlers<void>(), ...evidenceHandlers<void>({ chooseOpenPath: async () => path }) });

  it('returns the name, size and hash of the chosen file, never its path', async () => {
    const path = join(dir, 'capture.pcap');
    writeFileSync(path, 'packets');
    const reply = await dispatcherChoosing(path).dispatch('evidence.hashFile', { title: 'Choose the evidence file' }, undefined);
    expect(reply).toEqual({ ok: true, value: { name: 'capture.pcap', size: 7, sha256: sha('packets') } });
    expect(JSON.stringify(reply)).not.toContain(dir);
  });

  it('answers null when the dialog is cancelled, and refuses a relative path or bad arguments', async () => {
    expect(await dispatcherChoosing(undefined).dispatch('evidence.hashFile', { title: 'Choose' }, undefined)).toEqual({ ok: true, value: null });
    expect(await dispatcherChoosing('capture.pcap').dispatch('evidence.hashFile', { title: 'Choose' }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'failed', message: 'evidence.hashFile: refusing to open a relative path: capture.pcap' },
    });
    expect(await dispatcherChoosing(undefined).dispatch('evidence.hashFile', { title: 'Choose', path: '/etc/passwd' }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'bad-args' },
    });
  });

  it('refuses a file whose name is not a plain name (a line break) as a bad result, not a crash', async () => {
    const path = join(dir, 'two\nlines.log');
    writeFileSync(path, 'x');
    expect(await dispatcherChoosing(path).dispatch('evidence.hashFile', { title: 'Choose' }, undefined)).toMatchObject({ ok: false, error: { code: 'bad-result' } });
  });
});
