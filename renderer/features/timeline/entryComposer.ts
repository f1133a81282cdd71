import type { EntryKind } from '../../../shared/domain/entry.ts';
import type { Op } from '../../../shared/entities/index.ts';
import { parseEntryInput } from '../../../shared/timeline/entryInput.ts';
import { hostOffsetMinutes, type OffsetMinutes } from '../../../shared/timeline/localTime.ts';
import { commit } from '../../db/commit.ts';
import type { PendingEntry, WarRoomDb } from '../../db/database.ts';
import { newRecordId } from '../../db/device.ts';
import { loadDraft, saveDraft, type Draft } from '../../db/drafts.ts';
import { isEntryAdded } from '../../db/queries.ts';

/** The text in the box, when typing began and the id its entry will get. */
export type BoxDraft = Omit<Draft, 'pending'>;

/** The composer's draft: one per incident. */
export function composerDraftKey(incident: string): string {
  return `timeline:${incident}`;
}

/** What the box holds after a keystroke: typing into an empty box starts a new entry (its time and id). */
export function typedInto(previous: BoxDraft, next: string, now: number): BoxDraft {
  if (next === '') return { text: '' };
  const fresh = previous.text === '' || previous.startedAt === undefined;
  return fresh ? { text: next, startedAt: now, entryId: newRecordId('ent') } : { ...previous, text: next };
}

/**
 * The entry a submitted box becomes: its shorthand parsed (a leading time, a kind, tags), its
 * event time when typing began unless the text says otherwise; or why it cannot be one.
 */
export function entryFromBox(
  draft: BoxDraft,
  kind: EntryKind,
  now: number,
  offsetMinutes: OffsetMinutes = hostOffsetMinutes,
): { ok: true; entry: PendingEntry } | { ok: false; error: string } {
  const parsed = parseEntryInput(draft.text, { now, startedAt: draft.startedAt ?? now, offsetMinutes });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return {
    ok: true,
    entry: {
      entry: draft.entryId ?? newRecordId('ent'),
      fields: {
        text: parsed.value.text,
        kind: parsed.value.kind ?? kind,
        eventAt: new Date(parsed.value.eventAt ?? draft.startedAt ?? now).toISOString(),
        pinned: false,
        tags: parsed.value.tags,
      },
    },
  };
}

export function commitEntry(db: WarRoomDb, incident: string, actor: string, entry: PendingEntry): Promise<Op> {
  return commit(db, { actor, incident, kind: 'entry.add', data: entry });
}

/** The box and every entry sent but not yet confirmed durable, stored together as the draft. */
export function saveComposerDraft(db: WarRoomDb, incident: string, box: BoxDraft, pending: readonly PendingEntry[]): Promise<void> {
  return saveDraft(db, composerDraftKey(incident), { ...box, pending: [...pending] });
}

/**
 * After a reload (or a crash): finish every journalled entry that did not land, skipping those
 * that did (by id), and empty a box whose entry already committed. Returns what the box shows.
 * `commitOne` lets the composer run these commits in its own queue.
 */
export async function restoreComposer(
  db: WarRoomDb,
  incident: string,
  commitOne: (entry: PendingEntry) => Promise<unknown>,
): Promise<BoxDraft> {
  const key = composerDraftKey(incident);
  const { pending: journal = [], ...stored } = await loadDraft(db, key);
  let draft: BoxDraft = stored;
  if (draft.entryId && (await isEntryAdded(db, incident, draft.entryId))) draft = { text: '' };
  for (const entry of journal) {
    if (!(await isEntryAdded(db, incident, entry.entry))) await commitOne(entry);
  }
  if (journal.length > 0 || draft !== stored) await saveDraft(db, key, draft);
  return draft;
}
