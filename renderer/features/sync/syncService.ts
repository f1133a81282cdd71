import { create } from 'zustand';
import { runSyncRound } from '../../../shared/entities/index.ts';
import { type SyncReport } from '../../../shared/sync/round.ts';
import type { SyncFault } from '../../../shared/sync/wire.ts';
import type { Bridge } from '../../../shared/bridge/contract.ts';
import type { SyncLogRow, SyncTargetRow, WarRoomDb } from '../../db/database.ts';
import { readDeviceState } from '../../db/device.ts';
import { dexieLocalStore } from '../../db/localStore.ts';
import { hasOpenIncident } from '../../db/queries.ts';
import { replayPending } from '../../db/replayPending.ts';
import { appendSyncLog, getSyncTarget, listSyncTargetIds, listSyncTargets, recordSyncAttempt, recordSyncOutcome, type SyncLogLine } from '../../db/syncTargets.ts';
import { bridgePort } from './bridgePort.ts';
import { changes, heldLogLines } from './heldWording.ts';

/** Soon after a local change, but typing a burst of entries makes one round, not twenty. */
export const AFTER_CHANGE_MS = 1500;
export const PERIOD_MS = 60_000;
/** While an incident is open, a git target gets a round this often: a remote has no watcher to say sooner. */
export const LIVE_PERIOD_MS = 30_000;

/** Which targets are mid-round, for the status line (transient: not worth a database row). */
export const useSyncActivity = create<{ running: Record<string, boolean> }>(() => ({ running: {} }));

/**
 * Counted, not flagged: a scheduler's chain of rounds and each round in it both mark the target,
 * so "Sync now" stays busy from the click until the round that follows it has finished, with no
 * idle flicker between two chained rounds.
 */
const busy = new Map<string, number>();

function markRunning(target: string, delta: 1 | -1) {
  const count = (busy.get(target) ?? 0) + delta;
  if (count > 0) busy.set(target, count);
  else busy.delete(target);
  useSyncActivity.setState((s) => ({ running: { ...s.running, [target]: count > 0 } }));
}

export function describeFault(fault: SyncFault): string {
  return fault.file ? `${fault.message} (${fault.file})` : fault.message;
}

/** What a round did, in the log's words; a quiet round that moved nothing logs nothing. */
export function logRowsFor(target: SyncTargetRow, report: SyncReport, at: number): SyncLogLine[] {
  const rows: SyncLogLine[] = [];
  const entry = (level: SyncLogRow['level'], message: string, file?: string) => rows.push({ target: target.id, at, level, message, ...(file ? { file } : {}) });
  const problems = () => {
    for (const problem of report.problems) entry('warn', problem.line ? `Line ${problem.line}: ${problem.reason}` : problem.reason, problem.file);
  };
  if (!report.ok) {
    if (report.fault && (target.lastFault?.code !== report.fault.code || target.lastFault?.message !== report.fault.message)) {
      entry('error', report.fault.message, report.fault.file);
    }
    // What the round found before it stopped (a fork shows its seqs here) is worth as much.
    problems();
    return rows;
  }
  if (target.lastFault) entry('info', 'Reachable again.');
  if (report.pushed || report.received) entry('info', `Sent ${report.pushed} change${report.pushed === 1 ? '' : 's'}, received ${report.received}.`);
  if (report.pending) entry('warn', `${report.pending} change${report.pending === 1 ? '' : 's'} from a newer War Room kept aside until this app is updated.`);
  problems();
  for (const [device, count] of Object.entries(report.unverified ?? {})) {
    entry('warn', `${changes(count)} from device ${device} applied unverified: it publishes no signing key, so nothing proves which laptop wrote ${count === 1 ? 'it' : 'them'}.`);
  }
  for (const line of heldLogLines(report.future, at)) entry('warn', line);
  return rows;
}

/** One round with one target; never throws (a fault is recorded on the target and logged). */
export async function syncTarget(db: WarRoomDb, bridge: Bridge, targetId: string, now: () => number = Date.now): Promise<SyncReport | null> {
  // Marked before the first await, so a "Sync now" click shows it at once.
  markRunning(targetId, 1);
  try {
    const target = await getSyncTarget(db, targetId);
    if (!target) return null;
    const store = dexieLocalStore(db);
    const ownBefore = await store.ownMaxSeq();
    await recordSyncAttempt(db, targetId, now());
    let report: SyncReport;
    try {
      report = await runSyncRound(store, bridgePort(bridge, target.config), targetId);
    } catch (error) {
      // A bug, not bad data (the round reports that): still record it where the user looks.
      report = { ok: false, fault: { code: 'host', message: `Sync stopped: ${error instanceof Error ? error.message : String(error)}` }, pushed: 0, received: 0, duplicates: 0, pending: 0, problems: [], future: [], cursors: target.cursors, beyond: target.beyond ?? {}, ownVerified: target.pushedSeq, ownMaxSeq: ownBefore, unverified: {} };
    }
    const at = now();
    const rows = logRowsFor(target, report, at);
    // Every round is also the moment held ops whose time has come are applied.
    try {
      const released = await replayPending(db, now);
      if (released) rows.push({ target: targetId, at, level: 'info', message: `${changes(released)} kept aside applied now: their time has come, or this app now understands them.` });
    } catch (error) {
      rows.push({ target: targetId, at, level: 'error', message: `Applying changes kept aside failed: ${error instanceof Error ? error.message : String(error)}` });
    }
    await appendSyncLog(db, rows);
    await recordSyncOutcome(
      db,
      targetId,
      report.ok
        ? { lastSuccessAt: at, lastFault: null, pushedSeq: report.ownVerified, lastProblems: report.problems.length }
        : { lastFault: report.fault ?? { code: 'host', message: 'Sync failed for an unknown reason.' }, pushedSeq: report.ownVerified },
    );
    return report;
  } finally {
    markRunning(targetId, -1);
  }
}

/**
 * Runs rounds when they are useful — soon after a local change, as soon as the host sees a watched
 * folder target change, every minute (every 30 s for a git target while an incident is open), when
 * the network comes back, and on demand — one at a time per target. Offline, ops simply wait in IndexedDB.
 */
export class SyncScheduler {
  private inFlight = new Map<string, Promise<unknown>>();
  private again = new Set<string>();
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private stops: (() => void)[] = [];
  /** The targets the host was last told about (sync.watch): a new one is told at once. */
  private declared = new Set<string>();
  /**
   * Folders are watched only between start and stop (a late request must not outlive stop), and
   * only where the bridge can say that one changed.
   */
  private watching = false;

  constructor(
    private readonly db: WarRoomDb,
    private readonly bridge: Bridge,
  ) {}

  start(): () => void {
    this.stops.push(
      this.db.changes.onLocalOps(() => {
        if (this.debounce) clearTimeout(this.debounce);
        this.debounce = setTimeout(() => void this.syncAll(), AFTER_CHANGE_MS);
      }),
    );
    const changed = this.bridge.onSyncChanged?.((target) => void this.sync(target));
    if (changed) {
      this.watching = true;
      this.stops.push(changed, () => void this.bridge.invoke('sync.watch', { folders: [] }).catch(() => undefined));
    }
    let ticks = 0;
    const periodic = setInterval(() => void this.tick(++ticks), LIVE_PERIOD_MS);
    this.stops.push(() => clearInterval(periodic));
    const online = () => void this.syncAll();
    window.addEventListener('online', online);
    this.stops.push(() => window.removeEventListener('online', online));
    void this.syncAll();
    return () => this.stop();
  }

  stop(): void {
    this.watching = false;
    for (const stop of this.stops.splice(0)) stop();
    if (this.debounce) clearTimeout(this.debounce);
  }

  async syncAll(): Promise<void> {
    void this.watchFolders();
    const targets = await listSyncTargetIds(this.db);
    await Promise.all(targets.map((id) => this.sync(id)));
  }

  private async tick(ticks: number): Promise<void> {
    if (ticks % (PERIOD_MS / LIVE_PERIOD_MS) === 0) return this.syncAll();
    if (!(await hasOpenIncident(this.db))) return;
    const git = (await listSyncTargets(this.db)).filter((target) => target.config.kind === 'git');
    await Promise.all(git.map((target) => this.sync(target.id)));
  }

  /**
   * Have the host watch every folder target (a removed one stops, a drive that came back starts
   * again); a failure only leaves the periodic rounds, so it is not reported here.
   */
  private async watchFolders(): Promise<void> {
    if (!this.watching) return;
    try {
      const targets = await listSyncTargets(this.db);
      this.declared = new Set(targets.map((t) => t.id));
      const device = (await readDeviceState(this.db))?.device;
      const folders = targets.flatMap((t) => (t.config.kind === 'folder' ? [{ id: t.id, path: t.config.path }] : []));
      if (this.watching) await this.bridge.invoke('sync.watch', { ...(device ? { device } : {}), folders });
    } catch (error) {
      console.warn('Could not watch the sync folders', error);
    }
  }

  /** A round for `target`; if one is running, one more follows it (a change may have missed it). */
  async sync(target: string): Promise<void> {
    if (this.watching && !this.declared.has(target)) void this.watchFolders();
    const running = this.inFlight.get(target);
    if (running) {
      this.again.add(target);
      await running;
      return;
    }
    markRunning(target, 1);
    const round = (async () => {
      try {
        do {
          this.again.delete(target);
          await syncTarget(this.db, this.bridge, target);
        } while (this.again.has(target));
      } finally {
        markRunning(target, -1);
      }
    })();
    this.inFlight.set(target, round);
    try {
      await round;
    } finally {
      this.inFlight.delete(target);
    }
  }
}

/** The scheduler running for each database, for "Sync now". */
const schedulers = new WeakMap<WarRoomDb, SyncScheduler>();

/** Start syncing in the desktop app (no bridge, no sync: the web preview stays local). */
export function startSync(db: WarRoomDb, bridge: Bridge | null): () => void {
  void replayPending(db).catch((error: unknown) => console.error('Replaying kept-aside changes failed', error));
  if (!bridge) return () => undefined;
  const current = new SyncScheduler(db, bridge);
  schedulers.set(db, current);
  const stop = current.start();
  return () => {
    stop();
    if (schedulers.get(db) === current) schedulers.delete(db);
  };
}

/** "Sync now": one target, or all of them. */
export async function syncNow(db: WarRoomDb, target?: string): Promise<void> {
  const scheduler = schedulers.get(db);
  if (!scheduler) return;
  await (target ? scheduler.sync(target) : scheduler.syncAll());
}
