export type StorageMode = 'persistent' | 'best-effort' | 'unsupported';

let asked: Promise<StorageMode> | null = null;

/**
 * Asks the engine to keep the database even under storage pressure: without it, Chromium may
 * evict an origin's IndexedDB silently. Asked once per start; later callers (the Data dialog,
 * which shows a refusal rather than hide it) get the same answer.
 */
export function ensurePersistentStorage(): Promise<StorageMode> {
  asked ??= askForPersistence(navigator.storage);
  return asked;
}

async function askForPersistence(storage: StorageManager | undefined): Promise<StorageMode> {
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  try {
    if (await storage.persisted()) return 'persistent';
    return (await storage.persist()) ? 'persistent' : 'best-effort';
  } catch {
    return 'best-effort';
  }
}
