import { createHash } from 'node:crypto';
import { basename, isAbsolute } from 'node:path';
import type { BridgeHandlers } from './dispatch.ts';
import { openBackupFile } from './backup/readBackupFile.ts';
import type { OpenDialogRequest } from './openFile.ts';

/** Bytes read per step: the file is hashed as it streams past, never held whole in memory. */
const CHUNK = 1024 * 1024;

export interface FileDigest {
  /** Bytes hashed: what the file held while it was read (it may have changed since the dialog). */
  size: number;
  sha256: string;
}

/**
 * The SHA-256 of a file, streamed in 1 MiB steps. Like every file War Room opens, it may be
 * hostile: a symbolic link is not followed and anything but a regular file (a FIFO, a device, a
 * folder) is refused without waiting on it (openBackupFile). Throws an Error that can be shown.
 */
export async function hashFile(path: string): Promise<FileDigest> {
  const { handle } = await openBackupFile(path);
  try {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of handle.createReadStream({ highWaterMark: CHUNK, autoClose: false }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
    }
    return { size, sha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}

export interface EvidenceHandlerDeps<Ctx> {
  /** The native "Open" dialog (modal to the caller's window); undefined when cancelled. */
  chooseOpenPath(request: OpenDialogRequest, ctx: Ctx): Promise<string | undefined>;
}

/**
 * `evidence.hashFile`: the person chooses a file, the host hashes it where it is. The path never
 * crosses the bridge: the page learns only the name, the size and the SHA-256.
 */
export function evidenceHandlers<Ctx>(deps: EvidenceHandlerDeps<Ctx>): Pick<BridgeHandlers<Ctx>, 'evidence.hashFile'> {
  return {
    'evidence.hashFile': async ({ title }, ctx) => {
      const path = await deps.chooseOpenPath({ title, filters: [{ name: 'All files', extensions: ['*'] }] }, ctx);
      if (path === undefined || path === '') return null;
      if (!isAbsolute(path)) throw new Error(`refusing to open a relative path: ${path}`);
      return { name: basename(path), ...(await hashFile(path)) };
    },
  };
}
