import { readDeviceState } from '../../db/device.ts';
import { useNow } from '../../ui/useNow.ts';
import { readSyncState } from '../../db/syncTargets.ts';
import { useSyncActivity } from './syncService.ts';
import type { SyncTargetRow } from '../../db/database.ts';
import { useLiveRows } from '../../db/hooks.ts';

/** "2 min ago", "just now", "never". */
export function formatAgo(at: number | null, now: number): string {
  if (at === null) return 'never';
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.floor(hours / 24)} d ago`;
}

/** This laptop's changes the target does not hold byte-identical yet (pushedSeq is read back, not assumed). */
export function pendingFor(target: SyncTargetRow, ownSeq: number): number {
  return Math.max(0, ownSeq - target.pushedSeq);
}

/** This laptop's own change count (the chain head), read without creating a device. */
export function useOwnSeq(): number {
  return useLiveRows(async (db) => (await readDeviceState(db))?.seq ?? 0, []) ?? 0;
}

/** Always visible in the top bar: is every target in step, and if not, why. */
export function SyncStatus({ onOpen }: { onOpen(): void }) {
  const state = useLiveRows(readSyncState, []);
  const ownSeq = useOwnSeq();
  const running = useSyncActivity((s) => Object.values(s.running).some(Boolean));
  const now = useNow(30_000);
  if (state === undefined) return null;
  const { targets, stranded } = state;
  let text = 'Sync: off';
  let level = 'quiet';
  const failing = targets.filter((t) => t.lastFault).map((t) => t.label);
  if (targets.length > 0) {
    // Stranded changes are past what the target holds as read back, so already among the waiting.
    const pending = Math.max(stranded, ...targets.map((t) => pendingFor(t, ownSeq)));
    const lastSuccess = Math.min(...targets.map((t) => t.lastSuccessAt ?? 0));
    if (failing.length > 0 || stranded > 0) {
      text = `⚠ Sync problem${pending ? ` · ${pending} waiting` : ''}`;
      level = 'late';
    } else if (running) text = 'Syncing…';
    else if (lastSuccess === 0) text = `Sync: not yet${pending ? ` · ${pending} waiting` : ''}`;
    // "Synced" only when every target holds every change of ours as read back, hash for hash.
    else if (pending > 0) text = `Sync: ${pending} waiting · last ${formatAgo(lastSuccess, now)}`;
    else text = `✓ Synced ${formatAgo(lastSuccess, now)}`;
    if (level !== 'late') level = pending ? 'soon' : 'ok';
  }
  const title = [
    failing.length ? `Not reached: ${failing.join(', ')}` : '',
    stranded ? `Another install uses this laptop's identity: ${stranded} change${stranded === 1 ? '' : 's'} cannot reach the team (open Sync)` : '',
  ].filter(Boolean);
  return (
    <button type="button" className={`sync-status flag-${level}`} onClick={onOpen} title={title.length ? title.join('. ') : undefined}>
      {text}
    </button>
  );
}
