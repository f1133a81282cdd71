import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { dirname, isAbsolute } from 'node:path';
import type { BridgeResult } from '../../shared/bridge/contract.ts';
import type { HandlerArgs } from './dispatch.ts';
import { syncDirectory } from './syncDirectory.ts';

export type SaveFileArgs = HandlerArgs<'file.save'>;
export type SaveFormat = SaveFileArgs['format'];

export interface SaveDialogRequest {
  suggestedName: string;
  filters: { name: string; extensions: string[] }[];
}

export interface SaveFileDeps {
  /** The native "Save as" dialog; resolves to the chosen absolute path, or undefined if cancelled. */
  chooseSavePath(request: SaveDialogRequest): Promise<string | undefined>;
}

const FILTERS: Record<SaveFormat, SaveDialogRequest['filters']> = {
  markdown: [{ name: 'Markdown', extensions: ['md'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
  warroom: [{ name: 'War Room backup file', extensions: ['warroom'] }],
  html: [{ name: 'Web page', extensions: ['html'] }],
};

export async function saveFile(args: SaveFileArgs, deps: SaveFileDeps): Promise<BridgeResult<'file.save'>> {
  const path = await deps.chooseSavePath({
    suggestedName: args.suggestedName,
    filters: FILTERS[args.format],
  });
  if (path === undefined || path === '') return { saved: false };
  if (!isAbsolute(path)) throw new Error(`refusing to save to a relative path: ${path}`);
  await writeFileAtomic(path, args.content);
  return { saved: true, path };
}

/**
 * Writes beside the target, flushes, then renames over it, so a crash or full disk leaves
 * either the old file or the new one — never a truncated export.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const tmp = `${path}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

