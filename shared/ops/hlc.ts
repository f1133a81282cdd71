/**
 * Hybrid logical clock (docs/architecture.md#data-path): wall-clock milliseconds plus a counter plus the device,
 * formatted so that string order is causal-then-wall order:
 *   2026-11-23T08:07:37.123Z-0000-a1b2c3d4e5f60718
 */
export interface HlcState {
  wall: number;
  counter: number;
}

export interface Hlc extends HlcState {
  device: string;
}

const MAX_COUNTER = 0xffff;
/** ISO strings only sort correctly for four-digit years. */
const MAX_WALL = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
export const HLC_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;

export function formatHlc({ wall, counter, device }: Hlc): string {
  return `${new Date(wall).toISOString()}-${counter.toString(16).padStart(4, '0')}-${device}`;
}

export function parseHlc(text: string): Hlc | null {
  const match = HLC_PATTERN.exec(text);
  if (!match) return null;
  const wall = Date.parse(match[1]!);
  if (!Number.isFinite(wall) || new Date(wall).toISOString() !== match[1]) return null;
  return { wall, counter: parseInt(match[2]!, 16), device: match[3]! };
}

function clampWall(ms: number): number {
  return Math.min(Math.max(0, Math.floor(ms)), MAX_WALL);
}

/** Counter overflow borrows a millisecond rather than breaking the format. */
function normalize(wall: number, counter: number): HlcState {
  return counter > MAX_COUNTER ? { wall: wall + 1, counter: 0 } : { wall, counter };
}

/** The stamp for a local event at wall time `now`. Never goes backwards. */
export function tick(state: HlcState, now: number): HlcState {
  const wall = clampWall(now);
  return wall > state.wall ? { wall, counter: 0 } : normalize(state.wall, state.counter + 1);
}

/**
 * Merge a remote stamp into the local clock so later local ops sort after it.
 * A remote stamp more than `maxDriftMs` ahead of `now` does not drag the clock into the
 * future (the op is kept and flagged elsewhere); the local clock never moves backwards.
 */
export function receive(state: HlcState, remote: HlcState, now: number, maxDriftMs: number): HlcState {
  const local = clampWall(now);
  if (remote.wall > local + maxDriftMs) return state;
  const wall = Math.max(state.wall, remote.wall, local);
  if (wall === state.wall && wall === remote.wall) {
    return normalize(wall, Math.max(state.counter, remote.counter) + 1);
  }
  if (wall === state.wall) return normalize(wall, state.counter + 1);
  if (wall === remote.wall) return normalize(wall, remote.counter + 1);
  return { wall, counter: 0 };
}

/** The wall-clock part of a stamp as ISO-8601, or '' for a malformed stamp. */
export function hlcToIso(text: string): string {
  const parsed = parseHlc(text);
  return parsed ? new Date(parsed.wall).toISOString() : '';
}
