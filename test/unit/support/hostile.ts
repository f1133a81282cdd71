import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { truncate, writeFile } from 'node:fs/promises';

/**
 * Hostile files as a broken or malicious target holds them, made for real: named pipes (FIFOs),
 * symbolic links to /dev/zero or out of the target, files bigger than a reader may take.
 */

/** A real FIFO at `path` (nobody ever writes to it). */
export function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/**
 * Let a reader stuck on the FIFO go: open it for writing without blocking (only succeeds while a
 * reader has it open) and close it, so that reader sees end of file. No reader: nothing happens.
 */
function releaseFifo(path: string): void {
  try {
    closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // ENXIO: nobody is waiting on it.
  }
}

/**
 * `work`'s result, or 'hung' if it has not settled after `ms`. A hang on a FIFO is then released
 * (so the test process can end); the work goes on in the background and is not awaited.
 */
export async function withinMs<T>(work: Promise<T>, ms: number, fifos: readonly string[] = []): Promise<T | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), ms);
  });
  const result = await Promise.race([work, late]);
  clearTimeout(timer);
  if (result === 'hung') for (const fifo of fifos) releaseFifo(fifo);
  return result;
}

/** A file of `bytes` zero bytes that takes no disk space (sparse). */
export async function sparseFile(path: string, bytes: number): Promise<void> {
  await writeFile(path, '');
  await truncate(path, bytes);
}
