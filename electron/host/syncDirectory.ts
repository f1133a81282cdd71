import { open } from 'node:fs/promises';

/**
 * Makes a rename or link into `dir` durable. Best effort: Windows and some shares cannot open a
 * folder, and by then the file itself is already flushed.
 */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Nothing more can be done; the data is written.
  } finally {
    await handle?.close();
  }
}
