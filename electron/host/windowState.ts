import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { serialQueue } from '../../shared/util/serialQueue.ts';
import { writeFileAtomic } from './saveFile.ts';

/**
 * The main window's size and position, remembered across launches. Plain Node: main passes the
 * displays' work areas as rectangles (screen.getAllDisplays()), tests pass their own.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The normal (restored) bounds, even while maximized, so un-maximizing returns there. */
export interface WindowState extends Rect {
  isMaximized: boolean;
}

/** What the window opens with; no x/y means "let the system centre it". */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

export const WINDOW_DEFAULTS = { width: 1280, height: 840, minWidth: 720, minHeight: 480 } as const;

const Coordinate = z.number().int().min(-1_000_000).max(1_000_000);
const Length = z.number().int().min(1).max(1_000_000);
/** Unknown members are ignored, so a later version may add some without resetting everyone's window. */
const WindowStateFile = z.object({ x: Coordinate, y: Coordinate, width: Length, height: Length, isMaximized: z.boolean() });

/** The saved state, or null when the file is missing, unreadable or not a valid state. */
export async function readWindowState(file: string): Promise<WindowState | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = WindowStateFile.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * Where the window opens: on the display it mostly overlapped, wholly inside that display's work
 * area (so its title bar can always be grabbed), no larger than it. A window on no display (a
 * monitor unplugged since) moves to the first display — the primary — centred. `isMaximized` is
 * kept as saved. The first display is taken as the primary, as main passes them.
 */
export function placeWindow(saved: WindowState | null, displays: readonly Rect[]): WindowPlacement {
  const screens = displays.filter((d) => [d.x, d.y, d.width, d.height].every(Number.isFinite) && d.width > 0 && d.height > 0);
  const primary = screens[0];
  const size = (wanted: { width: number; height: number }, area: Rect | undefined) => ({
    width: Math.round(clamp(wanted.width, WINDOW_DEFAULTS.minWidth, area?.width ?? Infinity)),
    height: Math.round(clamp(wanted.height, WINDOW_DEFAULTS.minHeight, area?.height ?? Infinity)),
  });
  if (!saved) return { ...size(WINDOW_DEFAULTS, primary), isMaximized: false };
  if (!primary) return { ...size(saved, undefined), isMaximized: saved.isMaximized };

  let home: Rect | undefined;
  let best = 0;
  for (const screen of screens) {
    const area = overlapArea(saved, screen);
    if (area > best) {
      best = area;
      home = screen;
    }
  }
  const area = home ?? primary;
  const { width, height } = size(saved, area);
  const x = home ? clamp(saved.x, area.x, area.x + area.width - width) : area.x + Math.floor((area.width - width) / 2);
  const y = home ? clamp(saved.y, area.y, area.y + area.height - height) : area.y + Math.floor((area.height - height) / 2);
  return { x: Math.round(x), y: Math.round(y), width, height, isMaximized: saved.isMaximized };
}

/** Read and place in one step: a missing or corrupt file gives the defaults. */
export async function loadWindowState(file: string, displays: readonly Rect[]): Promise<WindowPlacement> {
  return placeWindow(await readWindowState(file), displays);
}

/** Atomic, so a crash mid-write leaves the previous state rather than a corrupt file. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  const clean = WindowStateFile.parse({
    x: Math.round(state.x),
    y: Math.round(state.y),
    width: Math.round(state.width),
    height: Math.round(state.height),
    isMaximized: state.isMaximized,
  });
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(clean)}\n`);
}

export interface WindowStateSaver {
  /** Save after `delayMs` without a newer call: resizing and moving fire dozens of events a second. */
  schedule(state: WindowState): void;
  /** Save now (the window is closing), dropping any scheduled save. */
  saveNow(state: WindowState): Promise<void>;
  /** Whether a save is scheduled or under way: main holds the quit until it is done. */
  busy(): boolean;
  /** Run a scheduled save now and wait for every save to finish. */
  flush(): Promise<void>;
}

/** Saves one at a time, in call order; a failed save is reported and does not stop later ones. */
export function createWindowStateSaver(file: string, options: { delayMs?: number; onError?: (error: unknown) => void } = {}): WindowStateSaver {
  const delayMs = options.delayMs ?? 500;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let scheduled: WindowState | undefined;
  let running = 0;
  const queue = serialQueue();
  // Saves run in call order, so the last one asked for settles after all the others.
  let last: Promise<void> = Promise.resolve();

  const write = (state: WindowState): Promise<void> => {
    running += 1;
    last = queue(() => saveWindowState(file, state))
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running -= 1;
      });
    return last;
  };
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    scheduled = undefined;
  };

  return {
    schedule(state) {
      cancel();
      scheduled = state;
      timer = setTimeout(() => {
        const due = scheduled;
        cancel();
        if (due) void write(due);
      }, delayMs);
    },
    saveNow(state) {
      cancel();
      return write(state);
    },
    busy: () => timer !== undefined || running > 0,
    async flush() {
      const due = scheduled;
      cancel();
      if (due) await write(due);
      await last;
    },
  };
}
