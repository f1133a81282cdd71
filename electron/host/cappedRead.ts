import type { FileHandle } from 'node:fs/promises';

/**
 * The bytes of an open file, reading at most `maxBytes` + 1: null when it holds more, so a file
 * that grows past the cap while being read is refused too. The first read asks for the size
 * fstat gave plus one byte, so a file that does not change is read in one go.
 */
export async function readUpTo(handle: FileHandle, size: number, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  let want = Math.min(size + 1, maxBytes + 1);
  while (want > 0) {
    const buffer = Buffer.allocUnsafe(want);
    const { bytesRead } = await handle.read(buffer, 0, want, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    want = Math.min(1024 * 1024, maxBytes + 1 - total);
  }
  if (total > maxBytes) return null;
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
}
