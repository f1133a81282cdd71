import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EntryKind } from '../../../shared/domain/entry.ts';
import { entryKey } from '../../../shared/entities/index.ts';
import { serialQueue } from '../../../shared/util/serialQueue.ts';
import { parseEntryInput } from '../../../shared/timeline/entryInput.ts';
import { hostOffsetMinutes } from '../../../shared/timeline/localTime.ts';
import { db } from '../../app/db.ts';
import { commit } from '../../db/commit.ts';
import type { PendingEntry } from '../../db/database.ts';
import { newRecordId } from '../../db/device.ts';
import { loadDraft, saveDraft, type Draft } from '../../db/drafts.ts';
import { errorMessage } from '../../ui/errors.ts';

export interface Composer {
  text: string;
  ready: boolean;
  /** When the scribe started typing the current entry (ms), or null when the box is empty. */
  startedAt: number | null;
  error: string | null;
  setText(text: string): void;
  /** Commit the box as an entry. Resolves true once it is durable in IndexedDB. */
  submit(kind: EntryKind): Promise<boolean>;
}

type BoxDraft = Omit<Draft, 'pending'>;

/**
 * The scribe's entry box. The stored draft is a small journal: the text in the box plus every
 * entry sent with Enter but not yet confirmed durable. Commits run in their own queue, so Enter
 * never waits behind draft writes and the box is free for the next line at once; a reload after
 * a crash finishes any entry still in the journal (skipping those that did land, by id).
 */
export function useEntryComposer(incident: string, actor: string): Composer {
  const key = `timeline:${incident}`;
  const [text, setTextState] = useState('');
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<BoxDraft>({ text: '' });
  const pending = useRef<PendingEntry[]>([]);
  const saveQueued = useRef(false);
  const draftQueue = useMemo(() => serialQueue(), []);
  const commitQueue = useMemo(() => serialQueue(), []);

  const show = useCallback((draft: BoxDraft) => {
    box.current = draft;
    setTextState(draft.text);
    setStartedAt(draft.startedAt ?? null);
  }, []);

  /** One queued save writes whatever is current when it runs: a burst of keystrokes costs one write. */
  const scheduleSave = useCallback(() => {
    if (saveQueued.current) return;
    saveQueued.current = true;
    void draftQueue(() => {
      saveQueued.current = false;
      return saveDraft(db, key, { ...box.current, pending: [...pending.current] });
    });
  }, [draftQueue, key]);

  const commitEntry = useCallback(
    (entry: PendingEntry) => commitQueue(() => commit(db, { actor, incident, kind: 'entry.add', data: entry })),
    [actor, commitQueue, incident],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const { pending: journal = [], ...stored } = await loadDraft(db, key);
      let draft: BoxDraft = stored;
      if (draft.entryId && (await db.entries.get(entryKey(incident, draft.entryId)))?.view) draft = { text: '' };
      for (const entry of journal) {
        if (!(await db.entries.get(entryKey(incident, entry.entry)))?.view) await commitEntry(entry);
      }
      if (journal.length > 0 || draft !== stored) await saveDraft(db, key, draft);
      if (cancelled) return;
      show(draft);
      setLoadedKey(key);
    })().catch((failure: unknown) => {
      if (!cancelled) setError(`Could not restore the unsaved entry: ${errorMessage(failure)}`);
    });
    return () => {
      cancelled = true;
    };
  }, [commitEntry, incident, key, show]);

  const setText = useCallback(
    (next: string) => {
      const previous = box.current;
      const fresh = previous.text === '' || previous.startedAt === undefined;
      show(next === '' ? { text: '' } : fresh ? { text: next, startedAt: Date.now(), entryId: newRecordId('ent') } : { ...previous, text: next });
      scheduleSave();
    },
    [scheduleSave, show],
  );

  const submit = useCallback(
    async (kind: EntryKind) => {
      const draft = box.current;
      const now = Date.now();
      const parsed = parseEntryInput(draft.text, { now, startedAt: draft.startedAt ?? now, offsetMinutes: hostOffsetMinutes });
      if (!parsed.ok) {
        setError(parsed.error);
        return false;
      }
      setError(null);
      const entry: PendingEntry = {
        entry: draft.entryId ?? newRecordId('ent'),
        fields: {
          text: parsed.value.text,
          kind: parsed.value.kind ?? kind,
          eventAt: new Date(parsed.value.eventAt ?? draft.startedAt ?? now).toISOString(),
          pinned: false,
          tags: parsed.value.tags,
        },
      };
      pending.current.push(entry);
      show({ text: '' });
      scheduleSave();
      try {
        await commitEntry(entry);
        return true;
      } catch (failure) {
        // Nothing is lost: the line goes back into the box, ahead of anything typed since.
        const typedSince = box.current.text;
        show({ ...draft, text: typedSince ? `${draft.text}\n${typedSince}` : draft.text });
        setError(`Not saved — your text is back in the box: ${errorMessage(failure)}`);
        return false;
      } finally {
        pending.current = pending.current.filter((p) => p !== entry);
        scheduleSave();
      }
    },
    [commitEntry, scheduleSave, show],
  );

  return { text, ready: loadedKey === key, startedAt, error, setText, submit };
}
