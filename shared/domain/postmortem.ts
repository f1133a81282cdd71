import { z } from 'zod';
import { RecordId } from '../ops/ids.ts';
import { ActionStatus, LegacyActionPriority, PriorityName } from './actionItems.ts';

/**
 * The sections a post-mortem can have, in the order a full document lists them (Plan A §10.3 in docs/response-plans.md).
 * A template decides
 * which of them it shows and what they start with; every section is its own register.
 */
export const POSTMORTEM_SECTIONS = [
  'details',
  'summary',
  'timeline',
  'impact',
  'root-cause',
  'contributing-factors',
  'detection',
  'response',
  'resolution',
  'improvements',
  'metrics',
  'action-items',
  'lessons',
] as const;
export const PostmortemSection = z.enum(POSTMORTEM_SECTIONS);
export type PostmortemSection = z.infer<typeof PostmortemSection>;

/** A section's text as written (Markdown, not trimmed); may be empty. */
export const SectionText = z.string().max(100_000);

/** The hash of an op (lowercase hex SHA-256), as docs/sync-format.md writes `hash` and `prev`. */
export const OpHash = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256');

/** A post-mortem template's id, such as `default-10-3`. */
export const TemplateId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'a template id is 2–64 characters of a–z, 0–9, -');

/** Which timeline entries the post-mortem shows: the pinned ones, or all of them. */
export const TIMELINE_MODES = ['pinned', 'all'] as const;
export const TimelineMode = z.enum(TIMELINE_MODES);
export type TimelineMode = z.infer<typeof TimelineMode>;
/** Until someone chooses, a post-mortem's timeline shows the pinned entries. */
export const DEFAULT_TIMELINE_MODE: TimelineMode = 'pinned';

/** A calendar day, `YYYY-MM-DD` (a real one: no 30 February). */
export const DueDate = z.iso.date();

/**
 * An action item's fields. Each is its own last-writer-wins register. Its priority is one of two
 * registers, whichever was written last: `priorityName` (a name on the team's scale, what War Room
 * writes) or `priority` (P0–P3, what older versions wrote; still read, see actionItems.ts).
 */
export const ActionFields = z
  .object({
    description: z.string().trim().min(1, 'a description is required').max(2000),
    /** A person or a team, as typed (trimmed); null while nobody owns it. */
    owner: z.string().trim().min(1, 'an owner cannot be blank (use null)').max(100).nullable(),
    priority: LegacyActionPriority.optional(),
    priorityName: PriorityName.optional(),
    dueDate: DueDate.nullable(),
    status: ActionStatus,
    /** The timeline `action` entry this item was made from, if any. */
    fromEntry: RecordId.nullable(),
  })
  .strict();
export type ActionFields = z.infer<typeof ActionFields>;
