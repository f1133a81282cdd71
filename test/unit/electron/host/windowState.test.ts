import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createWindowStateSaver,
  loadWindowState,
  placeWindow,
  readWindowState,
  saveWindowState,
  WINDOW_DEFAULTS,
  type Rect,
  type WindowState,
} from '../../../../electron/host/windowState.ts';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warroom-window-'));
  file = join(dir, 'window-state.json');
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

/** A laptop panel (menu bar on top) and an external monitor to its right. */
const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const monitor: Rect = { x: 1440, y: 0, width: 2560, height: 1440 };
const state = (changes: Partial<WindowState> = {}): WindowState => ({ x: 100, y: 80, width: 1200, height: 800, isMaximized: false, ...changes });

describe('loadWindowState', () => {
  it('gives the default size, centred by the system, when nothing was saved', async () => {
    expect(await loadWindowState(file, [laptop])).toEqual({ width: 1280, height: 840, isMaximized: false });
  });

  it('round-trips a saved state, maximized flag included', async () => {
    await saveWindowState(file, state({ isMaximized: true }));
    expect(await loadWindowState(file, [laptop, monitor])).toEqual(state({ isMaximized: true }));
    expect(await readdir(dir)).toEqual(['window-state.json']);
  });

  it.each([
    ['not JSON', '{"x": 10, "y":'],
    ['empty', ''],
    ['the wrong shape', '{"x":"left","y":0,"width":800,"height":600,"isMaximized":false}'],
    ['a negative size', '{"x":0,"y":0,"width":-5,"height":600,"isMaximized":false}'],
    ['absurd numbers', '{"x":1e308,"y":0,"width":800,"height":600,"isMaximized":false}'],
    ['an array', '[1,2,3]'],
  ])('falls back to the defaults for a file that is %s', async (_label, text) => {
    await writeFile(file, text);
    expect(await readWindowState(file)).toBeNull();
    expect(await loadWindowState(file, [laptop])).toEqual({ width: 1280, height: 840, isMaximized: false });
  });

  it('ignores members a later version may add', async () => {
    await writeFile(file, JSON.stringify({ ...state(), fullScreen: true }));
    expect(await loadWindowState(file, [laptop])).toEqual(state());
  });

  it('moves a window from an unplugged monitor onto the primary display, centred', async () => {
    await saveWindowState(file, state({ x: 2000, y: 200, width: 1600, height: 1000, isMaximized: true }));
    expect(await loadWindowState(file, [laptop, monitor])).toEqual(state({ x: 2000, y: 200, width: 1600, height: 1000, isMaximized: true }));
    // The monitor is gone: back onto the laptop, shrunk to fit, still maximized.
    expect(await loadWindowState(file, [laptop])).toEqual({ x: 0, y: 25, width: 1440, height: 875, isMaximized: true });
  });

  it('centres a window that is entirely off-screen', () => {
    expect(placeWindow(state({ x: -5000, y: -5000, width: 800, height: 600 }), [laptop])).toEqual({ x: 320, y: 162, width: 800, height: 600, isMaximized: false });
  });

  it('pulls a partly visible window fully onto the display it mostly covers', () => {
    // Hanging off the laptop's left and bottom edges.
    expect(placeWindow(state({ x: -300, y: 500, width: 1000, height: 700 }), [laptop])).toEqual({ x: 0, y: 200, width: 1000, height: 700, isMaximized: false });
    // Above the menu bar: moved down into the work area.
    expect(placeWindow(state({ x: 100, y: 0 }), [laptop]).y).toBe(25);
  });

  it('picks the display holding most of a window that straddles two', () => {
    // 240 px on the laptop, 960 px on the monitor: it goes to the monitor.
    expect(placeWindow(state({ x: 1200, y: 100, width: 1200, height: 800 }), [laptop, monitor])).toEqual({ x: 1440, y: 100, width: 1200, height: 800, isMaximized: false });
    // Mostly on the laptop: stays there, pushed left to fit.
    expect(placeWindow(state({ x: 600, y: 100, width: 1200, height: 800 }), [laptop, monitor])).toEqual({ x: 240, y: 100, width: 1200, height: 800, isMaximized: false });
  });

  it('finds a display left of or above the primary (negative coordinates)', () => {
    const left: Rect = { x: -1920, y: -200, width: 1920, height: 1080 };
    expect(placeWindow(state({ x: -1500, y: -100 }), [laptop, left])).toEqual(state({ x: -1500, y: -100 }));
  });

  it('clamps the size to the work area and never below the minimum that fits', () => {
    const small: Rect = { x: 0, y: 0, width: 1024, height: 600 };
    expect(placeWindow(state({ x: 0, y: 0, width: 3000, height: 2000 }), [small])).toEqual({ x: 0, y: 0, width: 1024, height: 600, isMaximized: false });
    expect(placeWindow(state({ x: 0, y: 0, width: 100, height: 100 }), [small])).toMatchObject({ width: WINDOW_DEFAULTS.minWidth, height: WINDOW_DEFAULTS.minHeight });
    expect(placeWindow(null, [small])).toEqual({ width: 1024, height: 600, isMaximized: false });
  });

  it('keeps the saved bounds as they are when no display is known, and ignores empty displays', () => {
    expect(placeWindow(state(), [])).toEqual({ width: 1200, height: 800, isMaximized: false });
    expect(placeWindow(state(), [{ x: 0, y: 0, width: 0, height: 0 }, laptop])).toEqual(state());
  });
});

describe('saveWindowState', () => {
  it('writes whole numbers atomically over the previous state', async () => {
    await saveWindowState(file, state());
    await saveWindowState(file, { x: 10.4, y: 20.6, width: 900.2, height: 700, isMaximized: false });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ x: 10, y: 21, width: 900, height: 700, isMaximized: false });
    expect(await readdir(dir)).toEqual(['window-state.json']);
  });

  it('creates the folder when it is missing', async () => {
    const nested = join(dir, 'profile', 'window-state.json');
    await saveWindowState(nested, state());
    expect(await readWindowState(nested)).toEqual(state());
  });

  it('refuses a state that could not be read back', async () => {
    await expect(saveWindowState(file, state({ width: Number.NaN }))).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('createWindowStateSaver', () => {
  it('writes only the last of a burst of scheduled states, after the delay', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const saver = createWindowStateSaver(file, { delayMs: 500 });
    for (let x = 0; x < 20; x += 1) saver.schedule(state({ x }));
    expect(saver.busy()).toBe(true);
    vi.advanceTimersByTime(499);
    await saver.flush(); // runs the scheduled save at once
    expect(await readWindowState(file)).toEqual(state({ x: 19 }));
    expect(saver.busy()).toBe(false);
  });

  it('saves after the delay without a flush', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const saver = createWindowStateSaver(file, { delayMs: 500 });
    saver.schedule(state({ x: 7 }));
    vi.advanceTimersByTime(500);
    expect(saver.busy()).toBe(true); // the write is under way
    await saver.flush();
    expect(await readWindowState(file)).toEqual(state({ x: 7 }));
  });

  it('saveNow wins over a scheduled state, which is dropped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const saver = createWindowStateSaver(file, { delayMs: 500 });
    saver.schedule(state({ x: 1 }));
    await saver.saveNow(state({ x: 2, isMaximized: true }));
    vi.advanceTimersByTime(1000);
    await saver.flush();
    expect(await readWindowState(file)).toEqual(state({ x: 2, isMaximized: true }));
  });

  it('reports a failed save and keeps saving afterwards', async () => {
    const errors: unknown[] = [];
    const blocker = join(dir, 'profile');
    await writeFile(blocker, 'a file where the folder should be');
    const saver = createWindowStateSaver(join(blocker, 'window-state.json'), { onError: (e) => errors.push(e) });
    await saver.saveNow(state({ x: 1 }));
    expect(errors).toHaveLength(1);
    await rm(blocker);
    await saver.saveNow(state({ x: 3 }));
    expect(errors).toHaveLength(1);
    expect(await readWindowState(join(blocker, 'window-state.json'))).toEqual(state({ x: 3 }));
  });
});
