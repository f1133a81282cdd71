import { lstat, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FaultError } from '../../../../../electron/host/transports/faults.ts';
import { MAX_SEGMENT_FILE_BYTES, listEntries, readOptional, writeNew, writeReplace } from '../../../../../electron/host/transports/files.ts';
import { scratch } from '../../../support/hostSync.ts';
import { mkfifo, sparseFile, withinMs } from '../../../support/hostile.ts';

/** Real links, FIFOs and oversize files under a target root: refused by path, never followed or waited on. */

const DIR = 'warroom/v1/ops/a1b2c3d4e5f60718';
const SEGMENT = `${DIR}/000000000001-000000000002.jsonl`;

async function world(): Promise<{ root: string; outside: string }> {
  const base = await scratch();
  const root = join(base, 'share');
  const outside = join(base, 'outside');
  await mkdir(join(root, DIR), { recursive: true });
  await mkdir(outside);
  return { root, outside };
}

/** The fault a step threw (a FaultError), or what it returned when it did not throw (bytes by their count, so a failure prints small). */
async function faultOf(step: Promise<unknown>): Promise<unknown> {
  try {
    const returned = await step;
    return { returned: Buffer.isBuffer(returned) ? `${returned.length} bytes` : returned };
  } catch (error) {
    if (error instanceof FaultError) return error.fault;
    throw error;
  }
}

describe('readOptional refuses what is not a regular file below the root', () => {
  it('a segment that is a symlink to /dev/zero: refused by path at once, nothing read', async () => {
    const { root } = await world();
    await symlink('/dev/zero', join(root, SEGMENT));
    const started = Date.now();
    const result = await withinMs(faultOf(readOptional(root, SEGMENT, { maxBytes: MAX_SEGMENT_FILE_BYTES })), 10_000);
    expect(result).toEqual({
      code: 'damaged',
      file: SEGMENT,
      message: `${SEGMENT} is a symbolic link: War Room never follows a link inside a target, so it was not read.`,
    });
    expect(Date.now() - started).toBeLessThan(2000);
  }, 20_000);

  it('a FIFO named as a segment: refused at once, never waited on (old code: the read hangs)', async () => {
    const { root } = await world();
    mkfifo(join(root, SEGMENT));
    const result = await withinMs(faultOf(readOptional(root, SEGMENT)), 3000, [join(root, SEGMENT)]);
    expect(result).toEqual({
      code: 'damaged',
      file: SEGMENT,
      message: `${SEGMENT} is a named pipe (FIFO) where War Room expects a regular file, so it was not read.`,
    });
  });

  it('a folder on the way that is a symlink out of the target: refused naming that folder, the file behind it is not read', async () => {
    const { root, outside } = await world();
    await writeFile(join(outside, 'format.json'), '{"format":"warroom-sync","version":1}\n');
    await symlink(outside, join(root, 'warroom', 'v2'));
    expect(await faultOf(readOptional(root, 'warroom/v2/format.json'))).toMatchObject({ code: 'damaged', file: 'warroom/v2', message: expect.stringMatching(/^warroom\/v2 is a symbolic link/) });
    expect(await faultOf(listEntries(root, 'warroom/v2'))).toMatchObject({ code: 'damaged', file: 'warroom/v2' });
  });

  it('a file over its cap is refused unread; one at the cap is read; the default cap is for small files', async () => {
    const { root } = await world();
    await sparseFile(join(root, SEGMENT), MAX_SEGMENT_FILE_BYTES + 1);
    expect(await faultOf(readOptional(root, SEGMENT, { maxBytes: MAX_SEGMENT_FILE_BYTES }))).toEqual({
      code: 'damaged',
      file: SEGMENT,
      message: `${SEGMENT} is 67108865 bytes, more than the 67108864 it may hold, so it was not read.`,
    });
    await writeFile(join(root, SEGMENT), 'x'.repeat(1000));
    expect((await readOptional(root, SEGMENT, { maxBytes: 1000 }))?.length).toBe(1000);
    expect(await faultOf(readOptional(root, SEGMENT, { maxBytes: 999 }))).toMatchObject({ code: 'damaged', file: SEGMENT });
    await sparseFile(join(root, 'warroom/format.json'), 64 * 1024 + 1);
    expect(await faultOf(readOptional(root, 'warroom/format.json'))).toMatchObject({ code: 'damaged', message: expect.stringMatching(/more than the 65536 it may hold/) });
  });

  it('missing files and folders are still simply not there; a regular file reads whole', async () => {
    const { root } = await world();
    expect(await readOptional(root, 'warroom/v1/devices/a1b2c3d4e5f60718.json')).toBeNull();
    expect(await readOptional(root, `${DIR}/nothing.jsonl`)).toBeNull();
    await writeFile(join(root, 'warroom', 'v1', 'ops', 'not-a-folder'), 'x');
    expect(await readOptional(root, 'warroom/v1/ops/not-a-folder/file')).toBeNull();
    await writeFile(join(root, SEGMENT), 'résumé ✓\n');
    expect((await readOptional(root, SEGMENT))?.toString('utf8')).toBe('résumé ✓\n');
  });
});

describe('listEntries names what is there without following it', () => {
  it('links, FIFOs, folders and files, each by kind', async () => {
    const { root, outside } = await world();
    await writeFile(join(root, DIR, 'a.jsonl'), 'x');
    await symlink(outside, join(root, DIR, 'b'));
    await symlink('/dev/zero', join(root, DIR, 'c.jsonl'));
    mkfifo(join(root, DIR, 'd.jsonl'));
    await mkdir(join(root, DIR, 'e'));
    expect(await listEntries(root, DIR)).toEqual([
      { name: 'a.jsonl', kind: 'file', is: 'a regular file' },
      { name: 'b', kind: 'link', is: 'a symbolic link' },
      { name: 'c.jsonl', kind: 'link', is: 'a symbolic link' },
      { name: 'd.jsonl', kind: 'other', is: 'a named pipe (FIFO)' },
      { name: 'e', kind: 'folder', is: 'a folder' },
    ]);
    expect(await listEntries(root, 'warroom/v1/devices')).toEqual([]);
  });
});

describe('writes never go through a planted link', () => {
  it('writeNew into a device folder that is a symlink out of the target: refused, nothing written outside (old code: written there)', async () => {
    const base = await scratch();
    const root = join(base, 'share');
    const outside = join(base, 'outside');
    await mkdir(join(root, 'warroom/v1/ops'), { recursive: true });
    await mkdir(outside);
    await symlink(outside, join(root, DIR));
    expect(await faultOf(writeNew(root, SEGMENT, Buffer.from('mine\n'), () => true))).toEqual({
      code: 'damaged',
      file: DIR,
      message: `${DIR} is a symbolic link: War Room never follows a link inside a target, so nothing was written through it.`,
    });
    expect(await readdir(outside)).toEqual([]);
    expect((await lstat(join(root, DIR))).isSymbolicLink()).toBe(true);
  });

  it('writeNew where a higher folder (warroom/) is a symlink: refused at that folder', async () => {
    const base = await scratch();
    const root = join(base, 'share');
    const outside = join(base, 'outside');
    await mkdir(root);
    await mkdir(outside);
    await symlink(outside, join(root, 'warroom'));
    expect(await faultOf(writeNew(root, 'warroom/format.json', Buffer.from('{}\n'), () => true))).toMatchObject({ code: 'damaged', file: 'warroom' });
    expect(await readdir(outside)).toEqual([]);
  });

  it('writeNew where the name is a symlink to a file with the same bytes: refused, not taken as already written (old code: "present")', async () => {
    const { root, outside } = await world();
    const bytes = Buffer.from('the same bytes\n');
    await writeFile(join(outside, 'decoy'), bytes);
    await symlink(join(outside, 'decoy'), join(root, SEGMENT));
    expect(await faultOf(writeNew(root, SEGMENT, bytes, (existing) => existing.equals(bytes)))).toMatchObject({ code: 'damaged', file: SEGMENT, message: expect.stringMatching(/symbolic link/) });
    expect((await lstat(join(root, SEGMENT))).isSymbolicLink()).toBe(true);
    expect(await readdir(join(root, DIR))).toEqual(['000000000001-000000000002.jsonl']); // no .tmp left
  });

  it('writeNew where the name is a FIFO: refused, not waited on', async () => {
    const { root } = await world();
    mkfifo(join(root, SEGMENT));
    const result = await withinMs(faultOf(writeNew(root, SEGMENT, Buffer.from('x\n'), () => true)), 3000, [join(root, SEGMENT)]);
    expect(result).toMatchObject({ code: 'damaged', file: SEGMENT, message: expect.stringMatching(/named pipe \(FIFO\)/) });
  });

  it('writeReplace under a devices folder that is a symlink: refused, nothing written outside (old code: written there)', async () => {
    const base = await scratch();
    const root = join(base, 'share');
    const outside = join(base, 'outside');
    await mkdir(join(root, 'warroom/v1'), { recursive: true });
    await mkdir(outside);
    await symlink(outside, join(root, 'warroom/v1/devices'));
    expect(await faultOf(writeReplace(root, 'warroom/v1/devices/a1b2c3d4e5f60718.json', Buffer.from('{}\n')))).toMatchObject({ code: 'damaged', file: 'warroom/v1/devices' });
    expect(await readdir(outside)).toEqual([]);
  });

  it('writeReplace over its own file that is a symlink: the link is replaced by a regular file, its target untouched', async () => {
    const { root, outside } = await world();
    await mkdir(join(root, 'warroom/v1/devices'));
    await writeFile(join(outside, 'victim'), 'keep me');
    await symlink(join(outside, 'victim'), join(root, 'warroom/v1/devices/a1b2c3d4e5f60718.json'));
    await writeReplace(root, 'warroom/v1/devices/a1b2c3d4e5f60718.json', Buffer.from('{"mine":true}\n'));
    expect((await lstat(join(root, 'warroom/v1/devices/a1b2c3d4e5f60718.json'))).isFile()).toBe(true);
    expect(await readFile(join(outside, 'victim'), 'utf8')).toBe('keep me');
  });

  it('a file where a folder belongs still fails as before (EEXIST), and new folders are made one by one', async () => {
    const { root } = await world();
    await writeFile(join(root, 'warroom/v1/devices'), 'in the way');
    expect(await faultOf(writeReplace(root, 'warroom/v1/devices/a1b2c3d4e5f60718.json', Buffer.from('{}\n')))).toMatchObject({ code: 'write-failed', file: 'warroom/v1/devices/a1b2c3d4e5f60718.json', message: expect.stringMatching(/\(EEXIST\)/) });
    expect(await writeNew(root, 'warroom/v1/ops/b2c3d4e5f6071829/000000000001-000000000001.jsonl', Buffer.from('x\n'), () => true)).toBe('written');
  });
});
