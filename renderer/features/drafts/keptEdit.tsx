import { useMemo } from 'react';
import { z } from 'zod';
import { keyedSerialQueue } from '../../../shared/util/serialQueue.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { loadDraft, saveDraft } from '../../db/drafts.ts';
import { useLiveRows } from '../../db/hooks.ts';

/** Writes per key, in the order they were asked for (a keystroke's write never lands after a later one's). */
const perKey = keyedSerialQueue();

function enqueue(key: string, write: () => Promise<void>): Promise<void> {
  return perKey(key, write).catch((error: unknown) => console.error(`Keeping the edit ${key} failed`, error));
}

export interface KeptEdit<T> {
  /** The edit left unsaved (the app stopped, or the dialog was shut mid-edit); null when none; undefined while reading. */
  kept: T | null | undefined;
  /** Store the editor's current content (each change). */
  keep(value: T): void;
  /** Saved or cancelled: nothing to keep any more. */
  discard(): Promise<void>;
}

/**
 * A library editor's unsaved work (a runbook, a scenario, a template being written), kept in
 * IndexedDB on every change like any draft, so a crash, a reload or an Escape that shuts the
 * dialog loses nothing; the library then offers to resume it. Read back through `schema`: a
 * stored value that no longer fits is ignored, not trusted.
 */
export function useKeptEdit<T>(key: string, schema: z.ZodType<T>): KeptEdit<T> {
  const db = useDatabase();
  const kept = useLiveRows(async (store) => {
    const { text } = await loadDraft(store, key);
    if (text === '') return null;
    try {
      const parsed = schema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }, [key]);
  return useMemo(
    () => ({
      kept,
      keep: (value: T) => void enqueue(key, () => saveDraft(db, key, { text: JSON.stringify(value) })),
      discard: () => enqueue(key, () => saveDraft(db, key, { text: '' })),
    }),
    [db, key, kept],
  );
}

/** Leave an editor after Save or Cancel: there is nothing to keep any more. */
export async function leaveEditor(edit: KeptEdit<unknown>, onDone: () => void): Promise<void> {
  await edit.discard();
  onDone();
}

/** A Markdown (or JSON) source being written: a runbook's, a scenario's. */
export const KeptSource = z.object({ source: z.string() });
export type KeptSource = z.infer<typeof KeptSource>;

/** The first `# Title` of a Markdown source, to name what an unsaved edit was about. */
export function markdownTitle(source: string): string | null {
  return /^# +(.+?)\s*$/m.exec(source)?.[1] ?? null;
}

/** Shown above a library while an unsaved edit is kept: resume it or let it go. */
export function KeptEditNotice({ what, onResume, onDiscard }: { what: string; onResume(): void; onDiscard(): void }) {
  return (
    <section className="kept-edit" aria-label="Unsaved edit">
      <p>{`Your unsaved edit of ${what} was kept (the editor was shut without saving, or the app stopped). Starting another edit replaces it.`}</p>
      <div className="actions start">
        <button type="button" className="primary" onClick={onResume}>
          Resume editing
        </button>
        <button type="button" onClick={onDiscard}>
          Discard the edit
        </button>
      </div>
    </section>
  );
}
