import type { ActionFields } from '../../../shared/domain/postmortem.ts';
import type { ActionView } from '../../../shared/entities/index.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { commitAll } from '../../db/commit.ts';
import { newRecordId } from '../../db/device.ts';
import { logLine } from '../incidents/lifecycle.ts';

/** An action item, and its line in the incident's timeline, in one commit. */
export async function createActionItem(db: WarRoomDb, incident: string, fields: ActionFields, actor: string, now = Date.now()): Promise<string> {
  const action = newRecordId('act');
  const who = fields.owner ? ` · ${fields.owner}` : '';
  const due = fields.dueDate ? ` · due ${fields.dueDate}` : '';
  await commitAll(db, [
    { actor, incident, kind: 'action.create', data: { action, fields } },
    logLine(incident, actor, `Action item (${fields.priority}): ${fields.description}${who}${due}`.slice(0, 5000), 'action', now, ['action-item']),
  ]);
  return action;
}

/** Change some fields; a status change is logged in the incident's timeline too. */
export async function updateActionItem(db: WarRoomDb, item: ActionView, patch: Partial<ActionFields>, actor: string, now = Date.now()): Promise<void> {
  const fields = Object.fromEntries(Object.entries(patch).filter(([key, value]) => item[key as keyof ActionFields] !== value)) as Partial<ActionFields>;
  if (Object.keys(fields).length === 0) return;
  const intents = [{ actor, incident: item.incident, kind: 'action.set' as const, data: { action: item.id, fields } }];
  await commitAll(db, fields.status ? [...intents, logLine(item.incident, actor, `Action item ${fields.status}: ${item.description}`.slice(0, 5000), 'action', now, ['action-item'])] : intents);
}

/** Overdue: not finished and its due day has passed (in the laptop's own calendar). */
export function isOverdue(item: Pick<ActionView, 'status' | 'dueDate'>, today: string): boolean {
  return (item.status === 'open' || item.status === 'in-progress') && item.dueDate !== null && item.dueDate < today;
}

export function localToday(now = Date.now()): string {
  const date = new Date(now);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
