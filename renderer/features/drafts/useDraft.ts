import { useCallback, useEffect, useMemo, useState } from 'react';
import { serialQueue } from '../../../shared/util/serialQueue.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { loadDraft, saveDraft } from '../../db/drafts.ts';

/**
 * Text state that is written to IndexedDB on every change, so a reload or crash mid-sentence
 * loses nothing. `ready` is false until the stored draft has been read back.
 */
export function useDraft(key: string): { text: string; ready: boolean; setText(text: string): void; clear(): Promise<void> } {
  const db = useDatabase();
  const [text, setLocal] = useState('');
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const queue = useMemo(() => serialQueue(), []);

  useEffect(() => {
    let cancelled = false;
    void loadDraft(db, key).then((stored) => {
      if (cancelled) return;
      setLocal(stored.text);
      setLoadedKey(key);
    });
    return () => {
      cancelled = true;
    };
  }, [db, key]);

  const setText = useCallback(
    (next: string) => {
      setLocal(next);
      // Queued so writes land in keystroke order.
      void queue(() => saveDraft(db, key, { text: next }));
    },
    [db, key, queue],
  );

  const clear = useCallback(async () => {
    setLocal('');
    await queue(() => saveDraft(db, key, { text: '' }));
  }, [db, key, queue]);

  return { text, ready: loadedKey === key, setText, clear };
}
