import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { autoMode, FRESH_FILES_LIMIT, watchFolder, type FolderWatchOptions } from '../../../../../electron/host/transports/watch.ts';
import { segmentPath } from '../../../../../shared/sync/layout.ts';
import { scratch } from '../../../support/hostSync.ts';

const OTHER = 'b2c3d4e5f6071829';
const OWN = 'a1b2c3d4e5f60718';
const LATE = 'c3d4e5f607182930';

/** A set-up folder target (format.json, so warroom/ exists), with one old segment of OTHER. */
async function share(): Promise<string> {
  const root = join(await scratch('warroom-watch-'), 'share');
  await put(root, 'warroom/format.json', '{"format":"warroom-sync","version":1}\n');
  await put(root, segmentPath(OTHER, 1, 2, false), '{"old":true}\n');
  return root;
}

async function put(root: string, rel: string, text = '{}\n'): Promise<void> {
  const path = join(root, ...rel.split('/'));
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, text);
}

/** A watch whose calls are counted, closed when the test ends. */
async function watching(root: string, options: FolderWatchOptions = {}) {
  const calls: number[] = [];
  const watch = await watchFolder(root, () => calls.push(performance.now()), { debounceMs: 50, ...options });
  onTestFinished(() => watch.close());
  return { watch, calls };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`not within ${ms} ms`);
    await sleep(10);
  }
}

describe('watching a folder target', () => {
  for (const mode of ['native', 'polling'] as const) {
    it(`${mode}: another device's new segment calls back within 3 s, a burst in few calls; files already there do not`, async () => {
      const root = await share();
      const { watch, calls } = await watching(root, { mode, pollIntervalMs: 100, debounceMs: 250 });
      expect(watch.mode).toBe(mode);
      await sleep(300);
      expect(calls).toEqual([]);
      const written = performance.now();
      await put(root, segmentPath(OTHER, 3, 3, false));
      await until(() => calls.length > 0);
      expect(calls[0]! - written).toBeLessThan(3000);
      await sleep(400);
      expect(calls).toHaveLength(1);
      for (let seq = 4; seq < 14; seq++) await put(root, segmentPath(OTHER, seq, seq, false));
      await sleep(600);
      expect(calls.length).toBeGreaterThan(1);
      expect(calls.length).toBeLessThanOrEqual(3);
    });
  }

  it('a device folder that appears after the watch began is watched, and so is an ops/ folder made later', async () => {
    const root = join(await scratch('warroom-watch-'), 'share');
    await put(root, 'warroom/format.json');
    const { calls } = await watching(root);
    await put(root, segmentPath(LATE, 1, 5, false));
    await until(() => calls.length === 1);
    await put(root, segmentPath(LATE, 6, 6, true));
    await until(() => calls.length === 2);
  });

  it('ignores *.tmp, names that are no segment, this laptop’s own folder, device files and anything outside ops/', async () => {
    const root = await share();
    const { calls } = await watching(root, { ownDevice: OWN });
    await put(root, `${segmentPath(OTHER, 3, 3, false)}.tmp`);
    await put(root, `warroom/v1/ops/${OTHER}/notes.txt`);
    await put(root, `warroom/v1/ops/${OTHER}/deeper/${'000000000001-000000000001.jsonl'}`);
    await put(root, `warroom/v1/ops/not-a-device/000000000001-000000000001.jsonl`);
    await put(root, segmentPath(OWN, 1, 1, false));
    await put(root, `warroom/v1/devices/${OTHER}.json`);
    await put(root, 'warroom/format.json', '{"format":"warroom-sync","version":1} ');
    await put(root, 'elsewhere.jsonl');
    await sleep(800);
    expect(calls).toEqual([]);
    await put(root, segmentPath(OTHER, 3, 3, false));
    await until(() => calls.length === 1);
  });

  it('does not follow a symlinked device folder out of the target', async () => {
    const root = await share();
    const outside = join(root, '..', 'outside');
    await mkdir(outside);
    await mkdir(join(root, 'warroom/v1/ops'), { recursive: true });
    await symlink(outside, join(root, 'warroom/v1/ops', LATE));
    const { calls } = await watching(root);
    // The link itself may be reported (the round then refuses it); what lies behind it is not watched.
    await sleep(300);
    const before = calls.length;
    await writeFile(join(outside, '000000000001-000000000001.jsonl'), '{}\n');
    await writeFile(join(outside, '000000000002-000000000002.jsonl'), '{}\n');
    await sleep(800);
    expect(calls).toHaveLength(before);
  });

  it('close stops it: nothing is called after', async () => {
    const root = await share();
    const { watch, calls } = await watching(root);
    await watch.close();
    await put(root, segmentPath(OTHER, 3, 3, false));
    await sleep(800);
    expect(calls).toEqual([]);
  });

  it(`after ${FRESH_FILES_LIMIT} new segments it starts afresh and still sees the next one`, async () => {
    const root = await share();
    const { calls } = await watching(root);
    for (let seq = 3; seq < 3 + FRESH_FILES_LIMIT + 20; seq++) await put(root, segmentPath(OTHER, seq, seq, false));
    await until(() => calls.length > 0);
    await sleep(500);
    const before = calls.length;
    await put(root, segmentPath(LATE, 1, 1, false));
    await until(() => calls.length > before);
  });

  it('says why when there is no archive folder, and notices when the folder is replaced (a remount)', async () => {
    const root = await share();
    await expect(watchFolder(join(root, 'missing'), () => {})).rejects.toThrow(/not a folder here/);
    const { watch } = await watching(root);
    expect(await watch.unchanged()).toBe(true);
    await rm(join(root, 'warroom'), { recursive: true });
    await sleep(20);
    await put(root, 'warroom/format.json');
    expect(await watch.unchanged()).toBe(false);
  });

  it('refuses a symlinked archive folder', async () => {
    const root = await share();
    const other = join(root, '..', 'linked');
    await mkdir(other);
    await symlink(join(root, 'warroom'), join(other, 'warroom'));
    await expect(watchFolder(other, () => {})).rejects.toThrow(/symlink/);
  });

  it('auto mode: native on a local disk, polling for a share under macOS /Volumes', async () => {
    expect(await autoMode(await scratch())).toBe('native');
    expect(await autoMode('/Volumes/team-share/warroom', 'darwin')).toBe('polling');
    expect(await autoMode('/Users/ana/War Room share/warroom', 'darwin')).toBe('native');
    expect(await autoMode('Z:\\share', 'win32')).toBe('native');
  });
});
