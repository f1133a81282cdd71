/**
 * Action-item priorities and statuses, as the plans' post-mortem template has them (Plan A §10.3
 * "Action Items": Priority High / Medium / Low; Status Open / In progress / Complete), plus
 * "Won't do", and the team's own scale when it grades differently (a synced setting).
 */
import { z } from 'zod';

/** One priority's name: what the table, the post-mortem and the timeline show. */
export const PriorityName = z
  .string()
  .trim()
  .min(1, 'a priority needs a name')
  .max(40, 'a priority name is at most 40 characters')
  // A scale is typed as a comma-separated list, so a name holds no comma.
  .regex(/^[^,\r\n]+$/, 'a priority name holds no comma or line break');

export const DEFAULT_ACTION_PRIORITIES: readonly string[] = Object.freeze(['High', 'Medium', 'Low']);

/** A team's priority scale: its names, most urgent first, each once (whatever the case). */
export const ActionPriorityScale = z
  .array(PriorityName)
  .min(2, 'a scale has at least 2 priorities')
  .max(8, 'a scale has at most 8 priorities')
  .refine((names) => new Set(names.map((name) => name.toLowerCase())).size === names.length, 'each priority name once');

/**
 * What War Room wrote in the `priority` field before it followed the plans' template. Still read
 * (and folded from older laptops), never written: a new priority goes in `priorityName`, a field
 * an older War Room holds as "from a newer version" instead of refusing the whole change.
 */
export const LEGACY_ACTION_PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export const LegacyActionPriority = z.enum(LEGACY_ACTION_PRIORITIES);
export type LegacyActionPriority = z.infer<typeof LegacyActionPriority>;

/** Where an old priority lands on a scale, by rank: P0 and P1 were both urgent (High), P2 Medium, P3 Low. */
const LEGACY_RANK: Readonly<Record<string, number>> = { P0: 0, P1: 0, P2: 1, P3: 2 };

/**
 * The name to show for a stored priority on the team's scale: a name on the scale as it is; an
 * old P0–P3 value by its rank on the scale (a short scale's last name takes the rest); any other
 * name (from a scale the team has since changed) as written.
 */
export function priorityLabel(stored: string, scale: readonly string[]): string {
  if (scale.includes(stored)) return stored;
  const rank = Object.hasOwn(LEGACY_RANK, stored) ? LEGACY_RANK[stored] : undefined;
  return rank === undefined ? stored : (scale[Math.min(rank, scale.length - 1)] ?? stored);
}

/** For sorting: the stored priority's place on the scale; a name off the scale sorts last. */
export function priorityRank(stored: string, scale: readonly string[]): number {
  const index = scale.indexOf(priorityLabel(stored, scale));
  return index === -1 ? scale.length : index;
}

/**
 * Statuses as stored. `done` is the template's "Complete": the stored value is kept so every
 * laptop, old or new, reads and writes the same thing.
 */
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;

export const ACTION_STATUS_NAMES: Readonly<Record<ActionStatus, string>> = { open: 'Open', 'in-progress': 'In progress', done: 'Complete', 'wont-do': 'Won’t do' };

/** Still to be done: the weekly review's list. */
export function isOpenAction(status: ActionStatus): boolean {
  return status === 'open' || status === 'in-progress';
}
