import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupPathsIn, createOpenedFiles } from '../../../../electron/host/openedFiles.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warroom-opened-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('archives the OS hands over', () => {
  it('picks .warroom paths out of a launch command line, resolving relative ones', () => {
    expect(backupPathsIn(['/opt/War Room/warroom', '--no-sandbox', 'night.WARROOM', '/tmp/a.warroom', 'notes.md', '--x=b.warroom'], '/home/ana')).toEqual([
      '/home/ana/night.WARROOM',
      '/tmp/a.warroom',
    ]);
  });

  it('queues them once each, in order, and hands each over with its text', async () => {
    const first = join(dir, 'first.warroom');
    const second = join(dir, 'second.warroom');
    await writeFile(first, 'one');
    await writeFile(second, 'two');
    const opened = createOpenedFiles();
    expect(opened.offer([join(dir, 'notes.md')])).toBe(false);
    expect(opened.offer([first, second, first])).toBe(true);
    expect(opened.offer([first])).toBe(false);
    expect(await opened.take()).toEqual({ path: first, content: 'one' });
    expect(await opened.take()).toEqual({ path: second, content: 'two' });
    expect(await opened.take()).toBeNull();
  });

  it('says which file could not be read, and moves on to the next', async () => {
    const missing = join(dir, 'gone.warroom');
    const present = join(dir, 'here.warroom');
    await writeFile(present, 'here');
    const opened = createOpenedFiles();
    opened.offer([missing, present]);
    await expect(opened.take()).rejects.toThrow(`${missing} could not be opened: `);
    expect(await opened.take()).toEqual({ path: present, content: 'here' });
  });
});
