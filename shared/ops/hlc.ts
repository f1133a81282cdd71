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
 * future, not even when a person accepts its op (such ops are held: farAheadOf); the local clock
 * never moves backwards.
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

/**
 * A test for stamps whose wall time is more than `maxDriftMs` ahead of `now`: such an op is held,
 * not applied, until its time comes or a person accepts it (docs/sync-format.md#far-future-stamps).
 * For valid stamps (the envelope checks them) string order is time order, and no stamp at the
 * limit's millisecond sorts after the limit's highest one, so a comparison decides without
 * parsing: an ingest of a million ops pays no date parsing for it.
 */
export function farAheadOf(now: number, maxDriftMs: number): (hlc: string) => boolean {
  const limit = formatHlc({ wall: clampWall(now + maxDriftMs), counter: MAX_COUNTER, device: 'f'.repeat(16) });
  return (hlc) => hlc > limit;
}

/**
 * For each stamp, the device whose own clock read that wall time, or null when its stamp is not
 * among these. A device that receives a stamp ahead of its clock carries on from it with a counter
 * of at least 1 (receive above), while a device's own reading starts at counter 0: so among the
 * stamps with one wall time, the smallest one is the originator's when its counter is 0. This is
 * how a laptop whose clock is wrong is told apart from the laptops that relayed its time.
 */
export function clockOrigins(stamps: Iterable<string>): Map<string, string | null> {
  const first = new Map<number, { text: string; stamp: Hlc }>();
  const parsed: [string, Hlc][] = [];
  for (const text of stamps) {
    const stamp = parseHlc(text);
    if (!stamp) continue;
    parsed.push([text, stamp]);
    const known = first.get(stamp.wall);
    if (!known || text < known.text) first.set(stamp.wall, { text, stamp });
  }
  const origins = new Map<string, string | null>();
  for (const [text, stamp] of parsed) {
    const smallest = first.get(stamp.wall)!.stamp;
    origins.set(text, smallest.counter === 0 ? smallest.device : null);
  }
  return origins;
}

/** The wall-clock part of a stamp as ISO-8601, or '' for a malformed stamp. */
export function hlcToIso(text: string): string {
  const parsed = parseHlc(text);
  return parsed ? new Date(parsed.wall).toISOString() : '';
}
