import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createDispatcher } from '../../../../electron/host/dispatch.ts';
import { createTargetWatches, watchHandlers, watchSettingFrom, type WatchSetting } from '../../../../electron/host/targetWatches.ts';
import { segmentPath } from '../../../../shared/sync/layout.ts';
import { unusedHandlers } from '../../support/handlers.ts';
import { scratch } from '../../support/hostSync.ts';

const OTHER = 'b2c3d4e5f6071829';
const OWN = 'a1b2c3d4e5f60718';

async function share(name: string): Promise<string> {
  const root = join(await scratch('warroom-watches-'), name);
  await put(root, 'warroom/format.json');
  return root;
}

async function put(root: string, rel: string): Promise<void> {
  const path = join(root, ...rel.split('/'));
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, '{}\n');
}

/** The sync.watch method behind the real dispatcher (zod on both sides), with the targets it names. */
function host(setting: WatchSetting = 'native') {
  const named: string[] = [];
  const watches = createTargetWatches((target) => named.push(target), { setting, debounceMs: 50 });
  onTestFinished(() => watches.close());
  const dispatcher = createDispatcher<void>({ ...unusedHandlers<void>(), ...watchHandlers<void>(watches) });
  return { named, watch: (args: unknown) => dispatcher.dispatch('sync.watch', args, undefined) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`not within ${ms} ms`);
    await sleep(10);
  }
}

describe('watched folder targets', () => {
  it('a change on a watched folder names its target; one left out of the next list is no longer watched', async () => {
    const [first, second] = [await share('first'), await share('second')];
    const { named, watch } = host();
    expect(await watch({ device: OWN, folders: [{ id: 'tgt-first', path: first }, { id: 'tgt-second', path: second }] })).toEqual({
      ok: true,
      value: { watches: [{ id: 'tgt-first', mode: 'native' }, { id: 'tgt-second', mode: 'native' }] },
    });
    await put(second, segmentPath(OTHER, 1, 1, false));
    await until(() => named.length === 1);
    expect(named).toEqual(['tgt-second']);
    // This laptop's own writes are no news.
    await put(first, segmentPath(OWN, 1, 1, false));
    await sleep(500);
    expect(named).toEqual(['tgt-second']);

    await watch({ device: OWN, folders: [{ id: 'tgt-first', path: first }] });
    await put(second, segmentPath(OTHER, 2, 2, false));
    await put(first, segmentPath(OTHER, 1, 1, false));
    await until(() => named.length === 2);
    await sleep(300);
    expect(named).toEqual(['tgt-second', 'tgt-first']);
  });

  it('a folder that is not there is reported off with why, and watched once it is back (the next list)', async () => {
    const root = await share('drive');
    await rm(root, { recursive: true });
    const { named, watch } = host();
    const off = await watch({ folders: [{ id: 'tgt-drive', path: root }] });
    expect(off).toMatchObject({ ok: true, value: { watches: [{ id: 'tgt-drive', mode: 'off', reason: expect.stringMatching(/not a folder here/) }] } });
    await put(root, 'warroom/format.json');
    expect(await watch({ folders: [{ id: 'tgt-drive', path: root }] })).toMatchObject({ ok: true, value: { watches: [{ mode: 'native' }] } });
    await put(root, segmentPath(OTHER, 1, 1, false));
    await until(() => named.length === 1);
  });

  it('a remounted folder is watched afresh: the old watcher would wait on the old folder', async () => {
    const root = await share('usb');
    const { named, watch } = host();
    await watch({ folders: [{ id: 'tgt-usb', path: root }] });
    await rm(join(root, 'warroom'), { recursive: true });
    await sleep(20);
    await put(root, 'warroom/format.json');
    await watch({ folders: [{ id: 'tgt-usb', path: root }] });
    await put(root, segmentPath(OTHER, 1, 1, false));
    await until(() => named.length === 1);
  });

  it('WARROOM_WATCH picks polling, native or off for every folder; anything else is auto', async () => {
    expect(watchSettingFrom({ WARROOM_WATCH: 'polling' })).toBe('polling');
    expect(watchSettingFrom({ WARROOM_WATCH: 'off' })).toBe('off');
    expect(watchSettingFrom({ WARROOM_WATCH: 'native' })).toBe('native');
    expect(watchSettingFrom({ WARROOM_WATCH: 'sometimes' })).toBe('auto');
    expect(watchSettingFrom({})).toBe('auto');
    const root = await share('polled');
    expect(await host('polling').watch({ folders: [{ id: 'tgt-p', path: root }] })).toMatchObject({ ok: true, value: { watches: [{ mode: 'polling' }] } });
    expect(await host('off').watch({ folders: [{ id: 'tgt-o', path: root }] })).toMatchObject({ ok: true, value: { watches: [{ mode: 'off', reason: expect.stringMatching(/WARROOM_WATCH=off/) }] } });
  });

  it('the contract refuses what is not a target id, an absolute path or a device id', async () => {
    const { watch } = host();
    for (const args of [
      { folders: [{ id: '../x', path: '/tmp/share' }] },
      { folders: [{ id: 'tgt-a', path: 'relative/share' }] },
      { device: 'nope', folders: [] },
      { folders: [{ id: 'tgt-a', path: '/tmp/share', extra: 1 }] },
      { folders: Array.from({ length: 101 }, (_, i) => ({ id: `tgt-${i}`, path: '/tmp/share' })) },
    ]) {
      expect(await watch(args)).toMatchObject({ ok: false, error: { code: 'bad-args' } });
    }
  });
});
