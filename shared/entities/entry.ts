import { z } from 'zod';
import { EntryFields } from '../domain/entry.ts';
import { hlcToIso } from '../ops/hlc.ts';
import { RecordId } from '../ops/ids.ts';
import { currentValue, insertSorted, writeFields, type Register, type Registers, type Stamp } from '../state/register.ts';
import { defineEntity, kind } from '../state/registry.ts';

export interface Strike extends Stamp {
  reason: string;
}

/** The merged state of one timeline entry. Entries are add-only; a strike is a tombstone. */
export interface EntryDoc {
  table: 'entries';
  key: string;
  incident: string;
  entry: string;
  added: readonly Stamp[];
  fields: Registers<EntryFields>;
  strikes: readonly Strike[];
}

export interface EntryView extends EntryFields {
  id: string;
  incident: string;
  author: string;
  /** When the scribe recorded it (the add op's stamp), as opposed to eventAt. */
  recordedAt: string;
  hlc: string;
  struck: Strike | null;
  /** Versions beyond the first, over all fields. */
  edits: number;
}

export interface EntryRow {
  key: string;
  incident: string;
  /** `<eventAt>|<hlc>` — the timeline's order; '' while the entry is not yet added. */
  order: string;
  doc: EntryDoc;
  view: EntryView | null;
}

/** Entries are keyed within their incident, so an op can never move an entry elsewhere. */
export function entryKey(incident: string, entry: string): string {
  return `${incident}/${entry}`;
}

export function entryView(doc: EntryDoc): EntryView | null {
  const added = doc.added[0];
  const { text, kind, eventAt } = doc.fields;
  if (!added || !text || !kind || !eventAt) return null;
  let edits = 0;
  for (const register of Object.values(doc.fields) as Register<unknown>[]) edits += register.length - 1;
  return {
    id: doc.entry,
    incident: doc.incident,
    author: added.actor,
    recordedAt: hlcToIso(added.hlc),
    hlc: added.hlc,
    text: currentValue(text)!,
    kind: currentValue(kind)!,
    eventAt: currentValue(eventAt)!,
    pinned: currentValue(doc.fields.pinned) ?? false,
    tags: currentValue(doc.fields.tags) ?? [],
    struck: doc.strikes[0] ?? null,
    edits,
  };
}

const entryKind = kind<EntryDoc>();
const byEntry = (op: { incident: string | null; data: { entry: string } }) => entryKey(op.incident!, op.data.entry);

export const entries = defineEntity({
  table: 'entries',
  scope: 'incident',
  store: { indexes: 'key, [incident+order]', since: 1 },
  kinds: {
    'entry.add': entryKind(z.object({ entry: RecordId, fields: EntryFields }).strict(), {
      key: byEntry,
      reduce: (doc, op, stamp) => ({ ...doc, added: insertSorted(doc.added, stamp), fields: writeFields(doc.fields, op.data.fields, stamp) }),
    }),
    'entry.edit': entryKind(
      z.object({ entry: RecordId, fields: EntryFields.partial().refine((f) => Object.keys(f).length > 0, 'nothing to edit') }).strict(),
      { key: byEntry, reduce: (doc, op, stamp) => ({ ...doc, fields: writeFields(doc.fields, op.data.fields, stamp) }) },
    ),
    'entry.strike': entryKind(z.object({ entry: RecordId, reason: z.string().max(500) }).strict(), {
      key: byEntry,
      reduce: (doc, op, stamp) => ({ ...doc, strikes: insertSorted(doc.strikes, { ...stamp, reason: op.data.reason }) }),
    }),
  },
  empty: (key, op): EntryDoc => ({ table: 'entries', key, incident: op.incident!, entry: op.data.entry, added: [], fields: {}, strikes: [] }),
  row(doc): EntryRow {
    const view = entryView(doc);
    return { key: doc.key, incident: doc.incident, order: view ? `${view.eventAt}|${view.hlc}` : '', doc, view };
  },
});
