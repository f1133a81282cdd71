import { z } from 'zod';
import type { Phase, Role } from '../domain/incident.ts';
import { hlcToIso } from '../ops/hlc.ts';
import { RecordId } from '../ops/ids.ts';
import { RunbookItem, RunbookSnapshot, type Runbook } from '../runbooks/runbook.ts';
import { currentValue, insertSorted, type Register, type Stamp } from '../state/register.ts';
import { defineEntity, kind } from '../state/registry.ts';

/** The states of a checklist item in a run: checked, unchecked (again), or skipped with a reason. */
export const CHECKLIST_ITEM_STATES = ['open', 'done', 'skipped'] as const;
export const ChecklistItemState = z.enum(CHECKLIST_ITEM_STATES);
export type ChecklistItemState = z.infer<typeof ChecklistItemState>;

/** Whom a checklist item is assigned to: a person or a role name, as typed (trimmed). */
const Assignee = z.string().trim().min(1).max(100);

/** A `checklist.start`: who started the run, when, and the runbook content it snapshotted. */
export interface ChecklistStart extends Stamp {
  runbook: Runbook;
}

/** What a `checklist.set` writes: the item's state, and why (always, when skipped). */
export interface ChecklistItemValue {
  state: ChecklistItemState;
  reason?: string;
}

/** Two registers per item, so checking one item never overwrites another's assignee or state. */
export interface ChecklistItemRegisters {
  state: Register<ChecklistItemValue>;
  assignee: Register<string | null>;
}

/**
 * The merged state of one checklist run (a runbook executed on an incident). Every item is a
 * pair of last-writer-wins registers; ops for items the runbook lacks, or that arrive before
 * the start, are kept here all the same (the fold must not depend on order) and the view
 * ignores what the runbook does not list.
 */
export interface ChecklistDoc {
  table: 'checklists';
  key: string;
  incident: string;
  run: string;
  /** Every start op for this run id, by (hlc, hash); the earliest one's runbook is the run's. */
  started: readonly ChecklistStart[];
  items: Readonly<Record<string, ChecklistItemRegisters>>;
}

export interface ChecklistItemView {
  id: string;
  phase: Phase;
  text: string;
  role?: Role;
  /** A team-defined role the runbook names instead of a built-in one. */
  teamRole?: { id: string; name: string };
  note?: string;
  state: ChecklistItemState;
  /** Why, from the winning set op (always there when skipped). */
  reason?: string;
  /** Who set the current state, and when (ISO): absent until someone has. */
  by?: string;
  at?: string;
  /** A person or a role name; null when unassigned. */
  assignee: string | null;
}

export interface ChecklistPhaseProgress {
  phase: Phase;
  done: number;
  skipped: number;
  total: number;
}

export interface ChecklistView {
  /** The run id. */
  id: string;
  incident: string;
  /** The snapshot the earliest start carried: what every laptop runs. */
  runbook: Runbook;
  startedBy: string;
  /** ISO time of the earliest start. */
  startedAt: string;
  /** In runbook order: phase by phase, item by item. */
  items: ChecklistItemView[];
  /** One row per phase of the runbook, in its order. */
  progress: ChecklistPhaseProgress[];
}

/** Materialized checklist run; `view` is null until its start has arrived. */
export interface ChecklistRow {
  key: string;
  incident: string;
  doc: ChecklistDoc;
  view: ChecklistView | null;
}

/** Runs are keyed within their incident, like entries. */
export function checklistKey(incident: string, run: string): string {
  return `${incident}/${run}`;
}

/** The run as the UI sees it; null until its start has arrived. Items the runbook lacks are ignored. */
export function checklistView(doc: ChecklistDoc): ChecklistView | null {
  const start = doc.started[0];
  if (!start) return null;
  const { runbook } = start;
  const items: ChecklistItemView[] = [];
  const progress: ChecklistPhaseProgress[] = [];
  for (const { phase, items: phaseItems } of runbook.phases) {
    const counts: ChecklistPhaseProgress = { phase, done: 0, skipped: 0, total: phaseItems.length };
    for (const item of phaseItems) {
      const registers = Object.hasOwn(doc.items, item.id) ? doc.items[item.id] : undefined;
      const set = registers?.state[registers.state.length - 1];
      const view: ChecklistItemView = { id: item.id, phase, text: item.text, state: set?.value.state ?? 'open', assignee: currentValue(registers?.assignee) ?? null };
      if (item.role !== undefined) view.role = item.role;
      if (item.teamRole !== undefined) view.teamRole = item.teamRole;
      if (item.note !== undefined) view.note = item.note;
      if (set) {
        if (set.value.reason !== undefined) view.reason = set.value.reason;
        view.by = set.actor;
        view.at = hlcToIso(set.hlc);
      }
      if (view.state === 'done') counts.done += 1;
      if (view.state === 'skipped') counts.skipped += 1;
      items.push(view);
    }
    progress.push(counts);
  }
  return { id: doc.run, incident: doc.incident, runbook, startedBy: start.actor, startedAt: hlcToIso(start.hlc), items, progress };
}

function itemRegisters(run: ChecklistDoc, item: string): ChecklistItemRegisters {
  return Object.hasOwn(run.items, item) ? run.items[item]! : { state: [], assignee: [] };
}

const checklistKind = kind<ChecklistDoc>();
const byRun = (op: { incident: string | null; data: { run: string } }) => checklistKey(op.incident!, op.data.run);

export const checklists = defineEntity({
  table: 'checklists',
  scope: 'incident',
  // An older database has no checklist ops to fold: an older app kept any it received pending.
  store: { indexes: 'key, incident', since: 4 },
  kinds: {
    /**
     * A run of a runbook on the incident. The runbook's content is snapshotted into the op, so
     * every laptop runs the same items even if the runbook is edited later.
     */
    'checklist.start': checklistKind(z.object({ run: RecordId, runbook: RunbookSnapshot }).strict(), {
      key: byRun,
      reduce: (run, op, stamp) => ({ ...run, started: insertSorted(run.started, { ...stamp, runbook: op.data.runbook }) }),
    }),
    /** Check, uncheck or skip one item of a run; a skip says why. Each item is its own register. */
    'checklist.set': checklistKind(
      z
        .object({
          run: RecordId,
          item: RunbookItem.shape.id,
          state: ChecklistItemState,
          reason: z.string().trim().min(1, 'a reason cannot be empty').max(500).optional(),
        })
        .strict()
        .refine((set) => set.state !== 'skipped' || set.reason !== undefined, { path: ['reason'], message: 'skipping an item needs a reason' }),
      {
        key: byRun,
        reduce(run, op, stamp) {
          const value: ChecklistItemValue = op.data.reason === undefined ? { state: op.data.state } : { state: op.data.state, reason: op.data.reason };
          const item = itemRegisters(run, op.data.item);
          return { ...run, items: { ...run.items, [op.data.item]: { ...item, state: insertSorted(item.state, { ...stamp, value }) } } };
        },
      },
    ),
    /** Assign one item of a run to a person or a role (null: unassigned). */
    'checklist.assign': checklistKind(z.object({ run: RecordId, item: RunbookItem.shape.id, assignee: Assignee.nullable() }).strict(), {
      key: byRun,
      reduce(run, op, stamp) {
        const item = itemRegisters(run, op.data.item);
        return { ...run, items: { ...run.items, [op.data.item]: { ...item, assignee: insertSorted(item.assignee, { ...stamp, value: op.data.assignee }) } } };
      },
    }),
  },
  empty: (key, op): ChecklistDoc => ({ table: 'checklists', key, incident: op.incident!, run: op.data.run, started: [], items: {} }),
  row: (doc): ChecklistRow => ({ key: doc.key, incident: doc.incident, doc, view: checklistView(doc) }),
});
