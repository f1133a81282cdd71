import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deviceInfoPath, FORMAT_PATH, segmentPath } from '../../../shared/sync/layout.ts';
import { testSigningKey } from './keys.ts';
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

/** A device file naming the test key of `device` (keys.ts), or `key` to swap one in. */
export function putDevice(root: string, device: string, key = testSigningKey(device).publicKey, extra: Record<string, unknown> = {}): Promise<string> {
  const info = { device, name: `laptop ${device.slice(0, 4)}`, createdAt: '2026-11-23T08:00:00.000Z', app: 'test', key, ...extra };
  return putFile(root, deviceInfoPath(device), `${JSON.stringify(info, null, 2)}\n`);
}
