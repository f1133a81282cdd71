import type { TrustLookup } from '../../shared/backup/backupFile.ts';
import type { DeviceTrust } from '../../shared/ops/signature.ts';
import type { WarRoomDb } from './database.ts';
import { readDeviceState } from './device.ts';

/** Other devices' keys as first seen (docs/sync-format.md#signatures). Read-only. */
export async function pinnedKeys(db: WarRoomDb): Promise<Record<string, DeviceTrust>> {
  const row = await db.meta.get('pinnedKeys');
  return row?.key === 'pinnedKeys' ? row.value : {};
}

/** Pin keys seen for the first time; a device pinned already keeps its first key (also against another window). */
export async function pinKeys(db: WarRoomDb, pins: Readonly<Record<string, DeviceTrust>>): Promise<void> {
  if (Object.keys(pins).length === 0) return;
  await db.transaction('rw', db.meta, async () => {
    const known = await pinnedKeys(db);
    await db.meta.put({ key: 'pinnedKeys', value: { ...pins, ...known } });
  });
}

/** Every key this laptop trusts: its own and the pinned ones, for a backup's header and its import. */
export async function trustedKeys(db: WarRoomDb): Promise<Record<string, DeviceTrust>> {
  const [pins, own, device] = await Promise.all([pinnedKeys(db), db.signing.published(), readDeviceState(db)]);
  return { ...pins, ...(own && device ? { [device.device]: own } : {}) };
}

export function lookupIn(keys: Readonly<Record<string, DeviceTrust>>): TrustLookup {
  return (device) => keys[device] ?? null;
}
