import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { Artefact } from '../../../shared/entities/index.ts';
import { hostBridge } from '../../bridge/hostBridge.ts';

/** Whether the desktop host hashes files (it streams them where they are, the page never sees the bytes). */
export function hostHashes(): boolean {
  return hostBridge() !== null;
}

/** The desktop app: the host's file dialog, then its SHA-256 streamed in the host; null when cancelled. */
export async function hashWithHost(title: string): Promise<Artefact | null> {
  const bridge = hostBridge();
  if (!bridge) throw new Error('no desktop host: choose the file in the page instead');
  const reply = await bridge.invoke('evidence.hashFile', { title });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

/**
 * The web preview: the file the person chose in the page, read here chunk by chunk (the browser
 * streams it; it is never uploaded or stored) into an incremental SHA-256, so a large file is
 * never held whole.
 */
export async function hashInPage(file: File): Promise<Artefact> {
  const hash = sha256.create();
  const reader = file.stream().getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
    size += value.length;
  }
  return { name: file.name, size, sha256: bytesToHex(hash.digest()) };
}
