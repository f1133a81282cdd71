import type { SyncLogRow, SyncTargetRow, WarRoomDb } from './database.ts';
import { ownForkStatus } from './newIdentity.ts';

/** How many lines the sync log keeps; older ones are dropped as new ones come. */
const LOG_KEEP = 2000;

export type SyncLogLine = Omit<SyncLogRow, 'seq'>;
export type SyncOutcome = Partial<Pick<SyncTargetRow, 'lastSuccessAt' | 'lastFault' | 'pushedSeq' | 'lastProblems'>>;

/** Every target, by id. */
export function listSyncTargets(db: WarRoomDb): Promise<SyncTargetRow[]> {
  return db.syncTargets.orderBy('id').toArray();
}

export function listSyncTargetIds(db: WarRoomDb): Promise<string[]> {
  return db.syncTargets.toCollection().primaryKeys();
}

export function getSyncTarget(db: WarRoomDb, id: string): Promise<SyncTargetRow | undefined> {
  return db.syncTargets.get(id);
}

/** A target set up on the host: stored with the log line that says how it was joined. */
export async function addSyncTarget(db: WarRoomDb, target: SyncTargetRow, logLine: SyncLogLine): Promise<void> {
  await db.transaction('rw', db.syncTargets, db.syncLog, async () => {
    await db.syncTargets.add(target);
    await db.syncLog.add(logLine);
  });
}

/** Stop syncing with a target. Local data and the files on the target are left as they are. */
export async function removeSyncTarget(db: WarRoomDb, id: string): Promise<void> {
  await db.syncTargets.delete(id);
}

export async function recordSyncAttempt(db: WarRoomDb, id: string, at: number): Promise<void> {
  await db.syncTargets.update(id, { lastAttemptAt: at });
}

export async function recordSyncOutcome(db: WarRoomDb, id: string, outcome: SyncOutcome): Promise<void> {
  await db.syncTargets.update(id, outcome);
}

/** Append to the sync log, keeping only its newest LOG_KEEP lines. */
export async function appendSyncLog(db: WarRoomDb, rows: readonly SyncLogLine[]): Promise<void> {
  if (rows.length === 0) return;
  await db.syncLog.bulkAdd([...rows]);
  const count = await db.syncLog.count();
  if (count > LOG_KEEP) {
    const cut = await db.syncLog.orderBy('seq').offset(count - LOG_KEEP).first();
    if (cut?.seq !== undefined) await db.syncLog.where('seq').below(cut.seq).delete();
  }
}

/** The newest log lines first. */
export function recentSyncLog(db: WarRoomDb, limit: number): Promise<SyncLogRow[]> {
  return db.syncLog.orderBy('seq').reverse().limit(limit).toArray();
}

/**
 * The targets, and how many of this laptop's changes another install wrote under the same id and
 * seq (a copied profile): a round that succeeds still cannot deliver those. Only looked for once a
 * round has named a problem, so a healthy laptop does not scan its own op keys on every commit.
 */
export function readSyncState(db: WarRoomDb): Promise<{ targets: SyncTargetRow[]; stranded: number }> {
  return db.transaction('r', db.syncTargets, db.ops, db.meta, async () => {
    const targets = await db.syncTargets.toArray();
    const suspect = targets.some((t) => t.lastProblems > 0 || t.lastFault?.code === 'fork');
    if (!suspect) return { targets, stranded: 0 };
    const fork = await ownForkStatus(db);
    return { targets, stranded: fork.twins > 0 ? fork.stranded : 0 };
  });
}
