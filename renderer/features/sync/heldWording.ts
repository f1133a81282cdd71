import type { PendingRow } from '../../db/database.ts';
import { parseHlc } from '../../../shared/ops/hlc.ts';
import { attributeOrigins, groupByOrigin, type DeviceRef, type FarAhead, type SkewGroup } from '../../../shared/sync/farAhead.ts';

/**
 * Words for ops held because their stamp is far ahead of this laptop's clock, shared by the sync
 * log and the Sync dialog: each names the laptop whose clock is wrong, not the ones that relayed
 * its time.
 */

export function deviceLabel(device: DeviceRef): string {
  return device.name ?? `device ${device.id}`;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "26 h", "3 days", "10 years": how far a stamp is ahead. */
export function aheadText(ms: number): string {
  if (ms < 2 * DAY) return `${Math.round(ms / HOUR)} h`;
  if (ms < 730 * DAY) return `${Math.round(ms / DAY)} days`;
  return `${Math.round(ms / (365.25 * DAY))} years`;
}

function labels(devices: readonly DeviceRef[]): string {
  return devices.map(deviceLabel).join(', ');
}

/** "Ben's laptop's clock (relayed by Carla's laptop)", or "another laptop's clock, relayed by Carla's laptop". */
export function whoseClock(group: SkewGroup): string {
  if (!group.origin) return `the clock of a laptop not known here, relayed by ${labels(group.relayedBy)}`;
  return `the clock of ${deviceLabel(group.origin)}${group.relayedBy.length ? ` (relayed by ${labels(group.relayedBy)})` : ''}`;
}

/** How far the group's latest stamp is ahead of `now`. */
export function groupAhead(group: SkewGroup, now: number): string {
  const latest = group.entries[group.entries.length - 1];
  return aheadText(Math.max(0, (parseHlc(latest?.hlc ?? '')?.wall ?? now) - now));
}

export function changes(count: number): string {
  return `${count} change${count === 1 ? '' : 's'}`;
}

/** One log line per wrong clock a round met. */
export function heldLogLines(future: readonly FarAhead[], now: number): string[] {
  return groupByOrigin(future).map(
    (group) =>
      `${changes(group.entries.length)} stamped up to ${groupAhead(group, now)} ahead of this laptop’s clock by ${whoseClock(group)}: held until that time comes or until accepted in the Sync dialog. Check that laptop’s clock.`,
  );
}

/** The held rows as the round reports them, each origin judged over all of them (names as their device files gave them). */
export function heldGroups(rows: readonly PendingRow[]): { group: SkewGroup; ids: string[] }[] {
  const names = new Map(rows.flatMap((row) => (row.clock?.deviceName ? [[row.op.device, row.clock.deviceName] as const] : [])));
  const entries = rows.map((row) => ({ opId: row.op.id, hlc: row.op.hlc, device: { id: row.op.device, name: names.get(row.op.device) ?? null }, origin: null }));
  return groupByOrigin(attributeOrigins(entries, names)).map((group) => {
    const stamps = new Set(group.entries.map((entry) => entry.hlc));
    return { group, ids: rows.filter((row) => stamps.has(row.op.hlc)).map((row) => row.id) };
  });
}
