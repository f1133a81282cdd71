export type StorageMode = 'persistent' | 'best-effort' | 'unsupported';

/**
 * Asks the engine to keep the database even under storage pressure: without it, Chromium may
 * evict an origin's IndexedDB silently. Asked at every start; a refusal is shown, not hidden.
 */
export async function ensurePersistentStorage(storage: StorageManager | undefined = navigator.storage): Promise<StorageMode> {
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  try {
    if (await storage.persisted()) return 'persistent';
    return (await storage.persist()) ? 'persistent' : 'best-effort';
  } catch {
    return 'best-effort';
  }
}
