import { randomHex } from '../../shared/ops/ids.ts';
import { freshDeviceState, type DeviceState } from '../../shared/ops/createOp.ts';
import type { WarRoomDb } from './database.ts';

const cryptoBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** A new install identity (docs/sync-format.md: random, 16 hex). */
export function newDeviceId(): string {
  return randomHex(8, cryptoBytes);
}

/** This install's identity and chain head; null before the first op. Read-only, so live queries may call it. */
export async function readDeviceState(db: WarRoomDb): Promise<DeviceState | null> {
  const row = await db.meta.get('device');
  return row?.key === 'device' ? row.value : null;
}

/** This install's identity and chain head, created on first use. */
export async function loadDeviceState(db: WarRoomDb): Promise<DeviceState> {
  // Awaits the table call itself, not a wrapper: inside a caller's transaction an extra native
  // async hop lets IndexedDB commit early (Dexie's PrematureCommitError).
  const row = await db.meta.get('device');
  if (row?.key === 'device') return row.value;
  const state = freshDeviceState(newDeviceId());
  await db.meta.put({ key: 'device', value: state });
  return state;
}

/** inc: an incident, ent: a timeline entry, run: a checklist run, act: an action item; evi, hnd, chk: an evidence item, its hand-over, its re-check; con: a contact. */
export function newRecordId(prefix: 'inc' | 'ent' | 'run' | 'act' | 'evi' | 'hnd' | 'chk' | 'con'): string {
  return `${prefix}-${randomHex(8, cryptoBytes)}`;
}
