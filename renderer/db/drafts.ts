import type { DraftRow, WarRoomDb } from './database.ts';

export type Draft = Omit<DraftRow, 'key' | 'updatedAt'>;

/** Half-typed text lives in IndexedDB from the first keystroke: a crash or reload loses nothing. */
export async function saveDraft(db: WarRoomDb, key: string, draft: Draft): Promise<void> {
  if (draft.text === '' && !draft.pending?.length) await db.drafts.delete(key);
  else await db.drafts.put({ ...draft, key, updatedAt: Date.now() });
}

export async function loadDraft(db: WarRoomDb, key: string): Promise<Draft> {
  const row = await db.drafts.get(key);
  if (!row) return { text: '' };
  const { key: _key, updatedAt: _updatedAt, ...draft } = row;
  return draft;
}
