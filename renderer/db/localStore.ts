import type { Op } from '../../shared/entities/index.ts';
import type { OpEnvelope } from '../../shared/ops/envelope.ts';
import type { DeviceInfo } from '../../shared/sync/layout.ts';
import type { Progress } from '../../shared/sync/plan.ts';
import type { LocalStore } from '../../shared/sync/ports.ts';
import { applyRemoteOpsInTransaction, REMOTE_APPLY_TABLES } from './applyRemote.ts';
import type { WarRoomDb } from './database.ts';
import { loadDeviceState } from './device.ts';
import { pinKeys, pinnedKeys } from './pins.ts';

export const APP_LABEL = 'War Room 0.1';

/** How this laptop introduces itself on a target; named after its operator until renamed. Read-only. */
export async function readDeviceProfile(db: WarRoomDb): Promise<{ name: string; createdAt: string } | null> {
  const row = await db.meta.get('deviceProfile');
  if (row?.key === 'deviceProfile') return row.value;
  const profile = await db.meta.get('profile');
  return profile?.key === 'profile' ? { name: `${profile.value.operator}'s laptop`.slice(0, 100), createdAt: '' } : null;
}

/** The profile, stored on first use so its creation time stays fixed. */
export async function deviceProfile(db: WarRoomDb): Promise<{ name: string; createdAt: string }> {
  const row = await db.meta.get('deviceProfile');
  if (row?.key === 'deviceProfile') return row.value;
  const value = { name: (await readDeviceProfile(db))?.name ?? 'War Room laptop', createdAt: new Date().toISOString() };
  await db.meta.put({ key: 'deviceProfile', value });
  return value;
}

export async function setDeviceName(db: WarRoomDb, name: string): Promise<void> {
  const current = await deviceProfile(db);
  await db.meta.put({ key: 'deviceProfile', value: { ...current, name: name.trim() } });
}

/** The sync round's view of this laptop's IndexedDB. */
export function dexieLocalStore(db: WarRoomDb): LocalStore<Op> {
  return {
    async device(): Promise<DeviceInfo> {
      // The key first: made on first use, it records the seq it signs from.
      const { trust } = await db.signing.signer();
      const [state, profile] = await Promise.all([loadDeviceState(db), deviceProfile(db)]);
      return { device: state.device, name: profile.name, createdAt: profile.createdAt, app: APP_LABEL, key: trust.key, signedFrom: trust.signedFrom };
    },

    pinnedKeys: () => pinnedKeys(db),
    pinKeys: (pins) => pinKeys(db, pins),

    async ownMaxSeq() {
      return (await loadDeviceState(db)).seq;
    },

    /**
     * Walk back from this install's chain head, so that if another install shares our device id
     * (a fork, already received and kept) only our own chain is ever pushed under our name.
     */
    async ownOps(from, to) {
      const state = await loadDeviceState(db);
      const upper = Math.min(to, state.seq);
      if (upper < from || state.head === null) return [];
      const candidates = await db.ops.where('[device+seq]').between([state.device, from], [state.device, state.seq], true, true).toArray();
      const byHash = new Map(candidates.map((op) => [op.hash, op]));
      const chain: OpEnvelope[] = [];
      let cursor: string | null = state.head;
      while (cursor !== null) {
        const op = byHash.get(cursor);
        if (!op) break;
        if (op.seq <= upper) chain.push(op);
        cursor = op.seq > from ? op.prev : null;
      }
      return chain.reverse();
    },

    async hashesOf(ids) {
      const byDevice = new Map<string, number[]>();
      for (const id of ids) {
        const cut = id.lastIndexOf('-');
        const device = id.slice(0, cut);
        const seqs = byDevice.get(device) ?? [];
        seqs.push(Number(id.slice(cut + 1)));
        byDevice.set(device, seqs);
      }
      // Most of an ingest is ops this laptop has never seen: ask only about seqs it may hold.
      const keys: [string, number][] = [];
      for (const [device, seqs] of byDevice) {
        const highest = (await db.ops.where('[device+seq]').between([device, 0], [device, Number.MAX_SAFE_INTEGER], true, true).last())?.seq ?? 0;
        for (const seq of seqs) if (seq <= highest) keys.push([device, seq]);
      }
      const found = keys.length ? await db.ops.where('[device+seq]').anyOf(keys).toArray() : [];
      const result = new Map<string, string[]>();
      for (const op of found) result.set(op.id, [...(result.get(op.id) ?? []), op.hash]);
      return result;
    },

    async apply({ ops, pending, target, progress }) {
      const { result, change } = await db.transaction('rw', [...REMOTE_APPLY_TABLES(db), db.pending, db.syncTargets], async () => {
        const applied = await applyRemoteOpsInTransaction(db, ops, Date.now);
        if (pending.length) await db.pending.bulkPut(pending.map(({ op, reason, clock }) => ({ id: op.hash, op, reason, ...(clock ? { clock } : {}) })));
        await db.syncTargets.update(target, { cursors: progress.cursors, beyond: progress.beyond });
        return applied;
      });
      db.changes.emitCommitted(change);
      return result;
    },

    async progress(target): Promise<Progress> {
      const row = await db.syncTargets.get(target);
      return { cursors: row?.cursors ?? {}, beyond: row?.beyond ?? {} };
    },
  };
}
