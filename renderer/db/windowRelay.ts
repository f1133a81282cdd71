import { registry } from '../../shared/entities/index.ts';
import type { CommittedChange } from './changes.ts';
import type { WarRoomDb } from './database.ts';

/** A committed change as another window posts it: one array of rows per materialized table, nothing else. */
function asChange(data: unknown): CommittedChange | null {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  for (const table of registry.tables) if (!Array.isArray(record[table])) return null;
  return data as CommittedChange;
}

/**
 * Two windows of one profile (the laptop's and a second one on the projector) share one
 * IndexedDB, but each hears only its own commits. The rows each window commits are posted to the
 * others, which hand them to the same listeners as their own (the in-memory timeline), so an
 * entry typed in one window shows in the other at once. Dexie's live queries already follow
 * other windows' writes by themselves.
 */
export function relayChangesAcrossWindows(db: WarRoomDb): () => void {
  const channel = new BroadcastChannel(`warroom:changes:${db.name}`);
  let relaying = false;
  const stop = db.changes.onCommitted((change) => {
    if (!relaying) channel.postMessage(change);
  });
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const change = asChange(event.data);
    if (!change) return;
    relaying = true;
    try {
      db.changes.emitCommitted(change);
    } finally {
      relaying = false;
    }
  };
  return () => {
    stop();
    channel.onmessage = null;
    channel.close();
  };
}
