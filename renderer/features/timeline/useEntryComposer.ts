import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EntryKind } from '../../../shared/domain/entry.ts';
import { serialQueue } from '../../../shared/util/serialQueue.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import type { PendingEntry } from '../../db/database.ts';
import { errorMessage } from '../../ui/errors.ts';
import { commitEntry, composerDraftKey, entryFromBox, restoreComposer, saveComposerDraft, typedInto, type BoxDraft } from './entryComposer.ts';

export interface Composer {
  text: string;
  ready: boolean;
  /** When the scribe started typing the current entry (ms), or null when the box is empty. */
  startedAt: number | null;
  error: string | null;
  /** How many times the box has been refused: each refusal is shown and announced anew, even the same one twice. */
  errorCount: number;
  setText(text: string): void;
  /** Commit the box as an entry. Resolves true once it is durable in IndexedDB. */
  submit(kind: EntryKind): Promise<boolean>;
}

/**
 * The scribe's entry box. The stored draft is a small journal: the text in the box plus every
 * entry sent with Enter but not yet confirmed durable. Commits run in their own queue, so Enter
 * never waits behind draft writes and the box is free for the next line at once; a reload after
 * a crash finishes any entry still in the journal (skipping those that did land, by id).
 */
export function useEntryComposer(incident: string, actor: string): Composer {
  const db = useDatabase();
  const key = composerDraftKey(incident);
  const [text, setTextState] = useState('');
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const [error, setErrorState] = useState<string | null>(null);
  const [errorCount, setErrorCount] = useState(0);
  const setError = useCallback((message: string | null) => {
    setErrorState(message);
    if (message !== null) setErrorCount((count) => count + 1);
  }, []);
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
      return saveComposerDraft(db, incident, box.current, pending.current);
    });
  }, [db, draftQueue, incident]);

  const queueCommit = useCallback(
    (entry: PendingEntry) => commitQueue(() => commitEntry(db, incident, actor, entry)),
    [actor, commitQueue, db, incident],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const draft = await restoreComposer(db, incident, queueCommit);
      if (cancelled) return;
      show(draft);
      setLoadedKey(key);
    })().catch((failure: unknown) => {
      if (!cancelled) setError(`Could not restore the unsaved entry: ${errorMessage(failure)}`);
    });
    return () => {
      cancelled = true;
    };
  }, [db, queueCommit, incident, key, setError, show]);

  const setText = useCallback(
    (next: string) => {
      show(typedInto(box.current, next, Date.now()));
      scheduleSave();
    },
    [scheduleSave, show],
  );

  const submit = useCallback(
    async (kind: EntryKind) => {
      const draft = box.current;
      const made = entryFromBox(draft, kind, Date.now());
      if (!made.ok) {
        setError(made.error);
        return false;
      }
      setError(null);
      const { entry } = made;
      pending.current.push(entry);
      show({ text: '' });
      scheduleSave();
      try {
        await queueCommit(entry);
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
    [queueCommit, scheduleSave, setError, show],
  );

  return { text, ready: loadedKey === key, startedAt, error, errorCount, setText, submit };
}
