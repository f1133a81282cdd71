import { z } from 'zod';
import type { ActionStatus } from '../domain/actionItems.ts';
import { ActionFields } from '../domain/postmortem.ts';
import { hlcToIso } from '../ops/hlc.ts';
import { RecordId } from '../ops/ids.ts';
import { compareStamps, currentValue, insertSorted, latestHlc, writeFields, type Register, type Registers, type Stamp } from '../state/register.ts';
import { defineEntity, kind } from '../state/registry.ts';

/** The merged state of one action item: who created it, and one register per field. */
export interface ActionDoc {
  table: 'actions';
  key: string;
  incident: string;
  action: string;
  /** Every create op for this id, by (hlc, hash); the earliest says who created it and when. */
  created: readonly Stamp[];
  fields: Registers<ActionFields>;
}

export interface ActionView extends Omit<ActionFields, 'priority' | 'priorityName'> {
  /**
   * The priority as stored: a name on the team's scale, or an old P0–P3 value; `priorityLabel`
   * (shared/domain/actionItems.ts) says what to show for it.
   */
  priority: string;
  /** The action item's id. */
  id: string;
  incident: string;
  createdBy: string;
  /** ISO time of the earliest create. */
  createdAt: string;
  /** ISO time of the latest write to any field. */
  updatedAt: string;
}

/** Materialized action item; `view` is null until its create has arrived. */
export interface ActionRow {
  key: string;
  incident: string;
  /** The current status, for the open-items query; '' while the item is not yet created. */
  status: ActionStatus | '';
  doc: ActionDoc;
  view: ActionView | null;
}

/** Action items are keyed within their incident, like entries. */
export function actionKey(incident: string, action: string): string {
  return `${incident}/${action}`;
}

/** The priority written last, of the two registers that hold one (the old P0–P3 `priority`, the named `priorityName`). */
function currentPriority(fields: ActionDoc['fields']): string | undefined {
  const legacy = fields.priority?.at(-1);
  const named = fields.priorityName?.at(-1);
  const latest = legacy && named ? (compareStamps(legacy, named) > 0 ? legacy : named) : (legacy ?? named);
  return latest?.value;
}

/** The action item as the UI sees it; null until its create has arrived. */
export function actionView(doc: ActionDoc): ActionView | null {
  const created = doc.created[0];
  const { description, status } = doc.fields;
  const priority = currentPriority(doc.fields);
  if (!created || !description || priority === undefined || !status) return null;
  const updatedHlc = latestHlc(created.hlc, Object.values(doc.fields) as Register<unknown>[]);
  return {
    id: doc.action,
    incident: doc.incident,
    description: currentValue(description)!,
    owner: currentValue(doc.fields.owner) ?? null,
    priority,
    dueDate: currentValue(doc.fields.dueDate) ?? null,
    status: currentValue(status)!,
    fromEntry: currentValue(doc.fields.fromEntry) ?? null,
    createdBy: created.actor,
    createdAt: hlcToIso(created.hlc),
    updatedAt: hlcToIso(updatedHlc),
  };
}

const actionKind = kind<ActionDoc>();
const byAction = (op: { incident: string | null; data: { action: string } }) => actionKey(op.incident!, op.data.action);

export const actions = defineEntity({
  table: 'actions',
  scope: 'incident',
  store: { indexes: 'key, incident, status', since: 5 },
  kinds: {
    /** A new action item, with every field given (null where nothing applies) and one of the two priority fields. */
    'action.create': actionKind(z.object({ action: RecordId, fields: ActionFields.refine((f) => f.priority !== undefined || f.priorityName !== undefined, 'a priority is required') }).strict(), {
      key: byAction,
      reduce: (doc, op, stamp) => ({ ...doc, created: insertSorted(doc.created, stamp), fields: writeFields(doc.fields, op.data.fields, stamp) }),
    }),
    /** Change some of an action item's fields; each field is its own register. */
    'action.set': actionKind(
      z.object({ action: RecordId, fields: ActionFields.partial().refine((f) => Object.keys(f).length > 0, 'nothing to set') }).strict(),
      { key: byAction, reduce: (doc, op, stamp) => ({ ...doc, fields: writeFields(doc.fields, op.data.fields, stamp) }) },
    ),
  },
  empty: (key, op): ActionDoc => ({ table: 'actions', key, incident: op.incident!, action: op.data.action, created: [], fields: {} }),
  row(doc): ActionRow {
    const view = actionView(doc);
    return { key: doc.key, incident: doc.incident, status: view?.status ?? '', doc, view };
  },
});
