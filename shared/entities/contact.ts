import { z } from 'zod';
import { ContactFields, EMPTY_CONTACT } from '../contacts/contact.ts';
import { hlcToIso } from '../ops/hlc.ts';
import { RecordId } from '../ops/ids.ts';
import { currentValue, insertSorted, latestHlc, writeFields, type Register, type Registers, type Stamp } from '../state/register.ts';
import { defineEntity, kind } from '../state/registry.ts';

/** The merged state of one contact: who created it, and one register per field (two edits of different fields both win). */
export interface ContactDoc {
  table: 'contacts';
  key: string;
  created: readonly Stamp[];
  fields: Registers<ContactFields>;
}

export interface ContactView extends ContactFields {
  id: string;
  createdBy: string;
  /** ISO time of the latest write to any field. */
  updatedAt: string;
}

/** Materialized contact; `view` is null until its create has arrived. */
export interface ContactRow {
  key: string;
  doc: ContactDoc;
  view: ContactView | null;
}

export function contactView(doc: ContactDoc): ContactView | null {
  const created = doc.created[0];
  const kindNow = currentValue(doc.fields.kind);
  const name = currentValue(doc.fields.name);
  if (!created || !kindNow || !name) return null;
  const values: Record<string, unknown> = { ...EMPTY_CONTACT };
  for (const [field, register] of Object.entries(doc.fields) as [string, Register<unknown>][]) values[field] = currentValue(register);
  const updated = latestHlc(created.hlc, Object.values(doc.fields) as Register<unknown>[]);
  return { ...(values as unknown as ContactFields), id: doc.key, createdBy: created.actor, updatedAt: hlcToIso(updated) };
}

const contactKind = kind<ContactDoc>();
const byContact = (op: { data: { contact: string } }) => op.data.contact;

/** The team's contacts directory: team-wide, like settings, so it is there before any incident. */
export const contacts = defineEntity({
  table: 'contacts',
  scope: 'team',
  store: { indexes: 'key', since: 7 },
  kinds: {
    /** A new contact, every field given. */
    'contact.create': contactKind(z.object({ contact: RecordId, fields: ContactFields }).strict(), {
      key: byContact,
      reduce: (doc, op, stamp) => ({ ...doc, created: insertSorted(doc.created, stamp), fields: writeFields(doc.fields, op.data.fields, stamp) }),
    }),
    /** Change some fields of a contact (`removed: true` takes it out of the directory). */
    'contact.set': contactKind(
      z.object({ contact: RecordId, fields: ContactFields.partial().refine((f) => Object.keys(f).length > 0, 'nothing to set') }).strict(),
      { key: byContact, reduce: (doc, op, stamp) => ({ ...doc, fields: writeFields(doc.fields, op.data.fields, stamp) }) },
    ),
  },
  empty: (key): ContactDoc => ({ table: 'contacts', key, created: [], fields: {} }),
  row: (doc): ContactRow => ({ key: doc.key, doc, view: contactView(doc) }),
});
