import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FORMAT_PATH, segmentPath } from '../../../shared/sync/layout.ts';
import { line } from './chains.ts';

/** Hand-made sync archives on disk, for the `warroom` command and the app's reader alike. */

export const FORMAT_V1 = '{"format":"warroom-sync","version":1}\n';

export async function putFile(root: string, rel: string, bytes: string | Buffer): Promise<string> {
  const path = join(root, ...rel.split('/'));
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  return path;
}

export function putFormat(root: string, text = FORMAT_V1): Promise<string> {
  return putFile(root, FORMAT_PATH, text);
}

/** A segment named `<first>-<last>` holding `content`: ops (one canonical line each) or raw text. */
export function putSegment(root: string, device: string, first: number, last: number, content: readonly unknown[] | string): Promise<string> {
  const text = typeof content === 'string' ? content : content.map(line).join('');
  return putFile(root, segmentPath(device, first, last, false), text);
}
