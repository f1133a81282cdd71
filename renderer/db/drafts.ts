import type { WarRoomDb } from './database.ts';

/** Half-typed text lives in IndexedDB from the first keystroke: a crash or reload loses nothing. */
export async function saveDraft(db: WarRoomDb, key: string, text: string): Promise<void> {
  if (text === '') await db.drafts.delete(key);
  else await db.drafts.put({ key, text, updatedAt: Date.now() });
}

export async function loadDraft(db: WarRoomDb, key: string): Promise<string> {
  return (await db.drafts.get(key))?.text ?? '';
}
