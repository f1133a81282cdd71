import { clockOrigins } from '../ops/hlc.ts';

/**
 * Ops stamped further ahead of this laptop's clock than the drift allowed
 * (docs/sync-format.md#far-future-stamps): held aside, not applied, and blamed on the device whose
 * clock produced the stamp's time rather than on the laptops that relayed it.
 */

/** The pending reason of an op held for its stamp (ops from a newer app carry other reasons). */
export const CLOCK_HOLD_REASON = 'stamped far ahead of this laptop’s clock';

/** A device as the target names it (devices/<id>.json); name null when no device file says. */
export interface DeviceRef {
  id: string;
  name: string | null;
}

export interface FarAhead {
  opId: string;
  hlc: string;
  /** The device that wrote the op. */
  device: DeviceRef;
  /** The device whose clock read the stamp's time; null when no op of it is known here (relayed). */
  origin: DeviceRef | null;
}

/** Every entry's origin, judged over all of them: the originator's op shares the relayed stamps' wall time. */
export function attributeOrigins(entries: readonly FarAhead[], names: ReadonlyMap<string, string>): FarAhead[] {
  const origins = clockOrigins(entries.map((entry) => entry.hlc));
  return entries.map((entry) => {
    const origin = origins.get(entry.hlc) ?? null;
    return { ...entry, origin: origin === null ? null : { id: origin, name: names.get(origin) ?? null } };
  });
}

export interface SkewGroup {
  /** The device whose clock is wrong, or null when only relays of its time are known here. */
  origin: DeviceRef | null;
  /** Devices that wrote some of these ops with a time taken from the origin's clock. */
  relayedBy: DeviceRef[];
  entries: FarAhead[];
}

/** One group per wrong clock (unknown origins: one per relaying device), largest stamp last in each. */
export function groupByOrigin(entries: readonly FarAhead[]): SkewGroup[] {
  const groups = new Map<string, SkewGroup>();
  for (const entry of [...entries].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))) {
    const key = entry.origin ? entry.origin.id : `relayed by ${entry.device.id}`;
    const group = groups.get(key) ?? { origin: entry.origin, relayedBy: [], entries: [] };
    group.entries.push(entry);
    if (entry.device.id !== entry.origin?.id && !group.relayedBy.some((d) => d.id === entry.device.id)) group.relayedBy.push(entry.device);
    groups.set(key, group);
  }
  return [...groups.values()];
}
