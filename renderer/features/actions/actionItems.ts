import { ACTION_STATUS_NAMES, isOpenAction, priorityRank } from '../../../shared/domain/actionItems.ts';
import type { ActionFields } from '../../../shared/domain/postmortem.ts';
import type { ActionView } from '../../../shared/entities/index.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { commitAll } from '../../db/commit.ts';
import { newRecordId } from '../../db/device.ts';
import { logLine } from '../incidents/lifecycle.ts';

/** What a person sets on an action item: its priority is a name on the team's scale (written as `priorityName`). */
export type ActionInput = Omit<ActionFields, 'priority' | 'priorityName'> & { priority: string };

/** An action item, and its line in the incident's timeline, in one commit. */
export async function createActionItem(db: WarRoomDb, incident: string, input: ActionInput, actor: string, now = Date.now()): Promise<string> {
  const action = newRecordId('act');
  const { priority, ...rest } = input;
  const who = input.owner ? ` · ${input.owner}` : '';
  const due = input.dueDate ? ` · due ${input.dueDate}` : '';
  await commitAll(db, [
    { actor, incident, kind: 'action.create', data: { action, fields: { ...rest, priorityName: priority } } },
    logLine(incident, actor, `Action item (${priority}): ${input.description}${who}${due}`.slice(0, 5000), 'action', now, ['action-item']),
  ]);
  return action;
}

/** Change some fields; a status change is logged in the incident's timeline too. */
export async function updateActionItem(db: WarRoomDb, item: ActionView, patch: Partial<ActionInput>, actor: string, now = Date.now()): Promise<void> {
  const changed = Object.fromEntries(Object.entries(patch).filter(([key, value]) => item[key as keyof ActionInput] !== value)) as Partial<ActionInput>;
  const { priority, ...rest } = changed;
  const fields: Partial<ActionFields> = priority === undefined ? rest : { ...rest, priorityName: priority };
  if (Object.keys(fields).length === 0) return;
  const intents = [{ actor, incident: item.incident, kind: 'action.set' as const, data: { action: item.id, fields } }];
  const logged = fields.status ? `Action item status → ${ACTION_STATUS_NAMES[fields.status]}: ${item.description}` : null;
  await commitAll(db, logged ? [...intents, logLine(item.incident, actor, logged.slice(0, 5000), 'action', now, ['action-item'])] : intents);
}

/** Overdue: not finished and its due day has passed (in the laptop's own calendar). */
export function isOverdue(item: Pick<ActionView, 'status' | 'dueDate'>, today: string): boolean {
  return isOpenAction(item.status) && item.dueDate !== null && item.dueDate < today;
}

export function localToday(now = Date.now()): string {
  const date = new Date(now);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * The weekly review: every open item (open or in progress), one group per owner — owners by name,
 * the items nobody owns last, as the ones to hand out — each overdue first, then by priority on
 * the team's scale, then by due date.
 */
export function reviewGroups(items: readonly ActionView[], scale: readonly string[], today: string): { owner: string | null; items: ActionView[] }[] {
  const groups = new Map<string | null, ActionView[]>();
  for (const item of items) if (isOpenAction(item.status)) groups.set(item.owner, [...(groups.get(item.owner) ?? []), item]);
  const order = (a: ActionView, b: ActionView) =>
    Number(isOverdue(b, today)) - Number(isOverdue(a, today)) ||
    priorityRank(a.priority, scale) - priorityRank(b.priority, scale) ||
    (a.dueDate ?? '\uffff').localeCompare(b.dueDate ?? '\uffff') ||
    a.createdAt.localeCompare(b.createdAt);
  return [...groups]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([owner, list]) => ({ owner, items: list.sort(order) }));
}
