import { z } from 'zod';
import { PostedAudience } from '../comms/audience.ts';
import { EntryFields } from '../domain/entry.ts';
import { hlcToIso } from '../ops/hlc.ts';
import { RecordId } from '../ops/ids.ts';
import { compareStamps, currentValue, insertSorted, writeFields, type Register, type Registers, type Stamp } from '../state/register.ts';
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
  /** A posted status update's audience (absent in docs materialized before audiences existed). */
  audience?: Register<PostedAudience>;
}

export interface EntryView extends EntryFields {
  id: string;
  incident: string;
  author: string;
  /** When the scribe recorded it (the add op's stamp), as opposed to eventAt. */
  recordedAt: string;
  hlc: string;
  struck: Strike | null;
  /** Versions beyond the first of the content (text, kind, event time, tags): pinning is not an edit. */
  edits: number;
  /** Who a posted status update was for, and where it was sent; null or absent (views built before audiences) for every other entry. */
  audience?: PostedAudience | null;
}

export interface EntryRow {
  key: string;
  incident: string;
  /** `<eventAt>|<hlc>` — the timeline's order; '' while the entry is not yet added. */
  order: string;
  /** `entryTagKey` of each current tag (struck entries keep theirs): finds an incident's status updates or escalations without reading its whole timeline. */
  tagKeys: string[];
  doc: EntryDoc;
  view: EntryView | null;
}

/** An entry's tag as its incident's entries index it (neither an id nor a tag holds a space). */
export function entryTagKey(incident: string, tag: string): string {
  return `${incident} ${tag}`;
}

/** Entries are keyed within their incident, so an op can never move an entry elsewhere. */
export function entryKey(incident: string, entry: string): string {
  return `${incident}/${entry}`;
}

/** The fields whose changes make an entry "edited"; `pinned` marks it, it does not change what it says. */
const CONTENT_FIELDS = ['text', 'kind', 'eventAt', 'tags'] as const;

/**
 * The versions of a field that count: once an entry is struck it is evidence, frozen as it was,
 * so any write stamped after the first strike is kept in the doc (the log forgets nothing) but
 * never becomes current, whatever order the ops arrive in and whoever sent them. The add's own
 * values always count, even from an add stamped after a strike (a hostile or broken peer).
 */
function liveVersions<T>(doc: EntryDoc, register: Register<T> | undefined): Register<T> | undefined {
  const strike = doc.strikes[0];
  if (!register || !strike) return register;
  return register.filter((version) => compareStamps(version, strike) < 0 || doc.added.some((add) => add.opId === version.opId && add.hash === version.hash));
}

export function entryView(doc: EntryDoc): EntryView | null {
  const added = doc.added[0];
  const live = <K extends keyof EntryFields>(field: K) => liveVersions(doc, doc.fields[field]);
  const text = live('text');
  const kind = live('kind');
  const eventAt = live('eventAt');
  if (!added || !text?.length || !kind?.length || !eventAt?.length) return null;
  let edits = 0;
  for (const field of CONTENT_FIELDS) edits += Math.max(0, (live(field)?.length ?? 0) - 1);
  return {
    id: doc.entry,
    incident: doc.incident,
    author: added.actor,
    recordedAt: hlcToIso(added.hlc),
    hlc: added.hlc,
    text: currentValue(text)!,
    kind: currentValue(kind)!,
    eventAt: currentValue(eventAt)!,
    pinned: currentValue(live('pinned')) ?? false,
    tags: currentValue(live('tags')) ?? [],
    struck: doc.strikes[0] ?? null,
    edits,
    audience: currentValue(liveVersions(doc, doc.audience)) ?? null,
  };
}

/** Why an edit (or a pin) of this entry must not be made: a struck entry is frozen. */
export function entryEditRefusal(doc: EntryDoc | undefined): string | null {
  return doc && doc.strikes.length > 0 ? 'a struck entry cannot be edited or pinned' : null;
}

const entryKind = kind<EntryDoc>();
const byEntry = (op: { incident: string | null; data: { entry: string } }) => entryKey(op.incident!, op.data.entry);

export const entries = defineEntity({
  table: 'entries',
  scope: 'incident',
  store: { indexes: 'key, [incident+order]', since: 1, changes: [{ at: 8, indexes: 'key, [incident+order], *tagKeys' }] },
  kinds: {
    'entry.add': entryKind(z.object({ entry: RecordId, fields: EntryFields }).strict(), {
      key: byEntry,
      reduce: (doc, op, stamp) => ({ ...doc, added: insertSorted(doc.added, stamp), fields: writeFields(doc.fields, op.data.fields, stamp) }),
    }),
    'entry.edit': entryKind(
      z.object({ entry: RecordId, fields: EntryFields.partial().refine((f) => Object.keys(f).length > 0, 'nothing to edit') }).strict(),
      { key: byEntry, reduce: (doc, op, stamp) => ({ ...doc, fields: writeFields(doc.fields, op.data.fields, stamp) }), refuse: entryEditRefusal },
    ),
    'entry.strike': entryKind(z.object({ entry: RecordId, reason: z.string().max(500) }).strict(), {
      key: byEntry,
      reduce: (doc, op, stamp) => ({ ...doc, strikes: insertSorted(doc.strikes, { ...stamp, reason: op.data.reason }) }),
    }),
    /**
     * Who a posted status update was for. A kind of its own, committed with the `entry.add`, rather
     * than a wider EntryFields: an older War Room keeps the unknown kind pending and still shows the update.
     */
    'entry.audience': entryKind(z.object({ entry: RecordId, audience: PostedAudience }).strict(), {
      key: byEntry,
      reduce: (doc, op, stamp) => ({ ...doc, audience: insertSorted(doc.audience, { ...stamp, value: op.data.audience }) }),
      refuse: entryEditRefusal,
    }),
  },
  empty: (key, op): EntryDoc => ({ table: 'entries', key, incident: op.incident!, entry: op.data.entry, added: [], fields: {}, strikes: [] }),
  row(doc): EntryRow {
    const view = entryView(doc);
    const tagKeys = view ? view.tags.map((tag) => entryTagKey(doc.incident, tag)) : [];
    return { key: doc.key, incident: doc.incident, order: view ? `${view.eventAt}|${view.hlc}` : '', tagKeys, doc, view };
  },
});
