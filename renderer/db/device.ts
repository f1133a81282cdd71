import { randomHex } from '../../shared/domain/ids.ts';
import { freshDeviceState, type DeviceState } from '../../shared/ops/createOp.ts';
import type { WarRoomDb } from './database.ts';

const cryptoBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** This install's identity and chain head, created on first use (FORMAT.md: random, 16 hex). */
export async function loadDeviceState(db: WarRoomDb): Promise<DeviceState> {
  const row = await db.meta.get('device');
  if (row?.key === 'device') return row.value;
  const state = freshDeviceState(randomHex(8, cryptoBytes));
  await db.meta.put({ key: 'device', value: state });
  return state;
}

/** inc: an incident, ent: a timeline entry, run: a checklist run. */
export function newRecordId(prefix: 'inc' | 'ent' | 'run' | 'act'): string {
  return `${prefix}-${randomHex(8, cryptoBytes)}`;
}
