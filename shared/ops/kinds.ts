import { z } from 'zod';
import { EntryFields } from '../domain/entry.ts';
import { RecordId } from '../domain/ids.ts';
import { DeclareIncident, IncidentFields, Role } from '../domain/incident.ts';
import { PhaseNames } from '../domain/phaseNames.ts';
import { ActionFields, OpHash, PostmortemSection, SectionText, TemplateId, TimelineMode } from '../domain/postmortem.ts';
import { SeverityScheme } from '../domain/severity.ts';
import { RunbookItem, RunbookSnapshot } from '../runbooks/runbook.ts';
import { SPEEDS } from '../exercises/clock.ts';
import { ExpectedAction, Inject, Scenario } from '../exercises/scenario.ts';

/** The states of a checklist item in a run: checked, unchecked (again), or skipped with a reason. */
export const CHECKLIST_ITEM_STATES = ['open', 'done', 'skipped'] as const;
export const ChecklistItemState = z.enum(CHECKLIST_ITEM_STATES);
export type ChecklistItemState = z.infer<typeof ChecklistItemState>;

/** Whom a checklist item is assigned to: a person or a role name, as typed (trimmed). */
const Assignee = z.string().trim().min(1).max(100);

/**
 * One zod schema per op kind (`<entity>.<verb>`, FORMAT.md). A kind this table does not know
 * comes from a newer app: it is kept pending, never dropped (DESIGN.md §3).
 */
export const opKinds = {
  'incident.declare': DeclareIncident,
  'incident.set': z.object({ fields: IncidentFields.partial().refine((f) => Object.keys(f).length > 0, 'nothing to set') }).strict(),
  /** Assign a response role (null: unassigned); each role is its own register, so handoffs merge. */
  'incident.assign': z.object({ role: Role, person: z.string().trim().min(1).max(100).nullable() }).strict(),
  /** Team-wide (incident null): the severity scheme every laptop uses. */
  'settings.severity-scheme': z.object({ scheme: SeverityScheme }).strict(),
  /** Team-wide (incident null): what each response phase is called. */
  'settings.phase-names': z.object({ names: PhaseNames }).strict(),
  /**
   * Team-wide (incident null): one of the team's own runbooks, as the Markdown a person wrote
   * (null: removed). The source is kept, not a parsed form, so it reads back exactly as written.
   */
  'settings.runbook': z.object({ id: RunbookSnapshot.shape.id, source: z.string().min(1).max(200_000).nullable() }).strict(),
  /** Team-wide (incident null): one of the team's own post-mortem templates, as written (null: removed). */
  'settings.postmortem-template': z
    .object({ id: TemplateId, template: z.object({ name: z.string().trim().min(1).max(100), source: z.string().min(1).max(200_000) }).strict().nullable() })
    .strict(),
  /** Team-wide (incident null): one of the team's own exercise scenarios, as written, Markdown or JSON (null: removed). */
  'settings.scenario': z.object({ id: Scenario.shape.id, source: z.string().min(1).max(200_000).nullable() }).strict(),
  'entry.add': z.object({ entry: RecordId, fields: EntryFields }).strict(),
  'entry.edit': z
    .object({
      entry: RecordId,
      fields: EntryFields.partial().refine((f) => Object.keys(f).length > 0, 'nothing to edit'),
    })
    .strict(),
  'entry.strike': z.object({ entry: RecordId, reason: z.string().max(500) }).strict(),
  /**
   * A run of a runbook on the incident. The runbook's content is snapshotted into the op, so
   * every laptop runs the same items even if the runbook is edited later.
   */
  'checklist.start': z.object({ run: RecordId, runbook: RunbookSnapshot }).strict(),
  /** Check, uncheck or skip one item of a run; a skip says why. Each item is its own register. */
  'checklist.set': z
    .object({
      run: RecordId,
      item: RunbookItem.shape.id,
      state: ChecklistItemState,
      reason: z.string().trim().min(1, 'a reason cannot be empty').max(500).optional(),
    })
    .strict()
    .refine((set) => set.state !== 'skipped' || set.reason !== undefined, { path: ['reason'], message: 'skipping an item needs a reason' }),
  /** Assign one item of a run to a person or a role (null: unassigned). */
  'checklist.assign': z.object({ run: RecordId, item: RunbookItem.shape.id, assignee: Assignee.nullable() }).strict(),
  /**
   * Write one section of the incident's post-mortem. `base` is the hash of the `postmortem.set`
   * the editor started from (null for the section's first edit): an edit nobody built on that
   * loses stays visible as a conflict (DESIGN.md §2) until its text is restored or an edit lists
   * it in `resolves` (the conflicts the person merged by hand or dismissed).
   */
  'postmortem.set': z
    .object({ section: PostmortemSection, text: SectionText, base: OpHash.nullable(), resolves: z.array(OpHash).min(1).max(50).optional() })
    .strict(),
  /** Which template the post-mortem follows. */
  'postmortem.template': z.object({ template: TemplateId }).strict(),
  /** Whether the post-mortem's timeline shows the pinned entries or all of them. */
  'postmortem.timeline': z.object({ mode: TimelineMode }).strict(),
  /** A new action item, with every field given (null where nothing applies). */
  'action.create': z.object({ action: RecordId, fields: ActionFields }).strict(),
  /** Change some of an action item's fields; each field is its own register. */
  'action.set': z
    .object({ action: RecordId, fields: ActionFields.partial().refine((f) => Object.keys(f).length > 0, 'nothing to set') })
    .strict(),
  /**
   * Turn the incident into a tabletop exercise of this scenario. The scenario is snapshotted into
   * the op (like a checklist's runbook), so every laptop plays the same injects.
   */
  'exercise.start': z.object({ scenario: Scenario }).strict(),
  /**
   * The facilitator's clock: each start, pause, resume, speed change and end, with the real time
   * (`at`, epoch ms) it happened and the speed from then on. The whole log is kept, so any moment
   * of real time maps to scenario time (scoring needs that), not just the latest state.
   */
  'exercise.clock': z
    .object({
      action: z.enum(['start', 'pause', 'resume', 'speed', 'end']),
      at: z.number().int().nonnegative(),
      speed: z.literal(SPEEDS),
    })
    .strict(),
  /** An inject was delivered as timeline entry `entry` (committed with it); ad hoc = typed by the facilitator. */
  'exercise.inject': z.object({ inject: Inject, entry: RecordId, adhoc: z.boolean() }).strict(),
  /** The facilitator ticks (or unticks) an expected action only a person can judge. */
  'exercise.manual': z.object({ expected: ExpectedAction.shape.id, met: z.boolean() }).strict(),
} as const;

export type OpKind = keyof typeof opKinds;
export type OpData<K extends OpKind> = z.infer<(typeof opKinds)[K]>;

export function isKnownKind(kind: string): kind is OpKind {
  return Object.hasOwn(opKinds, kind);
}

/**
 * Ops about an incident, its timeline, checklist runs, post-mortem, action items or exercise name it;
 * team-wide settings (settings.*) carry null.
 */
export function kindNeedsIncident(kind: OpKind): boolean {
  return ['incident.', 'entry.', 'checklist.', 'postmortem.', 'action.', 'exercise.'].some((prefix) => kind.startsWith(prefix));
}
