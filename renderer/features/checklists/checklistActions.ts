import type { Runbook } from '../../../shared/runbooks/runbook.ts';
import type { ChecklistView } from '../../../shared/entities/index.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { commitAll } from '../../db/commit.ts';
import { newRecordId } from '../../db/device.ts';
import { logLine } from '../incidents/lifecycle.ts';

type Item = ChecklistView['items'][number];

/**
 * Checklist changes, each with its timeline line in the same commit: who checked, skipped or
 * took on what, and when, is part of the incident's record.
 */
export async function startRunbook(db: WarRoomDb, incident: string, runbook: Runbook, actor: string, now = Date.now()): Promise<string> {
  const run = newRecordId('run');
  await commitAll(db, [
    { actor, incident, kind: 'checklist.start', data: { run, runbook } },
    logLine(incident, actor, `Runbook started: ${runbook.title}`, 'event', now, ['runbook']),
  ]);
  return run;
}

export async function setItemState(db: WarRoomDb, checklist: ChecklistView, item: Item, state: 'done' | 'open' | 'skipped', actor: string, reason?: string, now = Date.now()): Promise<void> {
  if (item.state === state && state !== 'skipped') return;
  const text =
    state === 'done' ? `☑ Done: ${item.text}` : state === 'skipped' ? `⤼ Skipped: ${item.text} — ${reason ?? ''}` : `☐ Reopened: ${item.text}`;
  await commitAll(db, [
    { actor, incident: checklist.incident, kind: 'checklist.set', data: { run: checklist.id, item: item.id, state, ...(state === 'skipped' ? { reason: reason ?? '' } : {}) } },
    logLine(checklist.incident, actor, `${text} (${checklist.runbook.title})`.slice(0, 5000), 'action', now, ['checklist']),
  ]);
}

export async function assignItem(db: WarRoomDb, checklist: ChecklistView, item: Item, assignee: string | null, actor: string, now = Date.now()): Promise<void> {
  const next = assignee?.trim() || null;
  if (next === item.assignee) return;
  await commitAll(db, [
    { actor, incident: checklist.incident, kind: 'checklist.assign', data: { run: checklist.id, item: item.id, assignee: next } },
    logLine(checklist.incident, actor, next ? `Checklist item for ${next}: ${item.text}` : `Checklist item unassigned: ${item.text}`, 'action', now, ['checklist']),
  ]);
}

/** Items of `phase` not yet done or skipped, over every run on the incident. */
export function openItemsIn(checklists: readonly ChecklistView[], phase: string): Item[] {
  return checklists.flatMap((c) => c.items.filter((item) => item.phase === phase && item.state === 'open'));
}
