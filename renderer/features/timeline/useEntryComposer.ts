import { useCallback, useEffect, useRef, useState } from 'react';
import type { EntryKind } from '../../../shared/domain/entry.ts';
import { parseEntryInput } from '../../../shared/timeline/entryInput.ts';
import { db } from '../../app/db.ts';
import { commit } from '../../db/commit.ts';
import { newRecordId } from '../../db/device.ts';
import { loadDraft, saveDraft, type Draft } from '../../db/drafts.ts';
import { hostOffsetMinutes } from '../../../shared/timeline/localTime.ts';

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

/**
 * The scribe's entry box. Every keystroke and every commit go through one queue, in order, so
 * the stored draft always matches what is on screen, and the box is free for the next line the
 * moment Enter is pressed. The draft is cleared only after its entry is durable; a draft whose
 * entry already exists (a crash between the two) is recognised by its id and dropped.
 */
export function useEntryComposer(incident: string, actor: string): Composer {
  const key = `timeline:${incident}`;
  const [text, setTextState] = useState('');
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<Draft>({ text: '' });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /** A draft save waiting in the queue; Enter supersedes it (its text goes into the entry). */
  const queuedSave = useRef<{ cancelled: boolean } | null>(null);

  const enqueue = useCallback((task: () => Promise<unknown>) => {
    const next = queue.current.then(task);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const show = useCallback((draft: Draft) => {
    current.current = draft;
    setTextState(draft.text);
    setStartedAt(draft.startedAt ?? null);
  }, []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      let draft = await loadDraft(db, key);
      if (draft.entryId && (await db.entries.get(`${incident}/${draft.entryId}`))?.view) {
        draft = { text: '' };
        await saveDraft(db, key, draft);
      }
      if (cancelled) return;
      show(draft);
      setLoadedKey(key);
    })();
    return () => {
      cancelled = true;
    };
  }, [key, incident, show]);

  const setText = useCallback(
    (next: string) => {
      const previous = current.current;
      const fresh = previous.text === '' || previous.startedAt === undefined;
      const draft: Draft = next === '' ? { text: '' } : fresh ? { text: next, startedAt: Date.now(), entryId: newRecordId('ent') } : { ...previous, text: next };
      show(draft);
      // One queued save writes whatever is current when it runs: a burst of keystrokes costs one
      // write, and Enter never waits behind a backlog of stale drafts.
      if (queuedSave.current) return;
      const save = { cancelled: false };
      queuedSave.current = save;
      void enqueue(async () => {
        if (queuedSave.current === save) queuedSave.current = null;
        if (!save.cancelled) await saveDraft(db, key, current.current);
      });
    },
    [enqueue, key, show],
  );

  const submit = useCallback(
    async (kind: EntryKind) => {
      const draft = current.current;
      const now = Date.now();
      const parsed = parseEntryInput(draft.text, { now, startedAt: draft.startedAt ?? now, offsetMinutes: hostOffsetMinutes });
      if (!parsed.ok) {
        setError(parsed.error);
        return false;
      }
      setError(null);
      // The stored draft keeps this text until the entry is durable; a save still waiting in the
      // queue would only write the emptied box, so it is dropped.
      if (queuedSave.current) queuedSave.current.cancelled = true;
      queuedSave.current = null;
      show({ text: '' });
      const entry = draft.entryId ?? newRecordId('ent');
      try {
        await enqueue(async () => {
          await commit(db, {
            actor,
            incident,
            kind: 'entry.add',
            data: {
              entry,
              fields: {
                text: parsed.value.text,
                kind: parsed.value.kind ?? kind,
                eventAt: new Date(parsed.value.eventAt ?? draft.startedAt ?? now).toISOString(),
                pinned: false,
                tags: parsed.value.tags,
              },
            },
          });
          await saveDraft(db, key, current.current);
        });
        return true;
      } catch (failure) {
        // Nothing is lost: the line goes back into the box, ahead of anything typed since.
        const typedSince = current.current.text;
        const restored: Draft = { ...draft, text: typedSince ? `${draft.text}\n${typedSince}` : draft.text };
        show(restored);
        void enqueue(() => saveDraft(db, key, restored));
        setError(`Not saved — your text is back in the box: ${failure instanceof Error ? failure.message : String(failure)}`);
        return false;
      }
    },
    [actor, enqueue, incident, key, show],
  );

  return { text, ready: loadedKey === key, startedAt, error, setText, submit };
}
