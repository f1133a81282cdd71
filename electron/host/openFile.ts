import { isAbsolute } from 'node:path';
import type { BridgeResult } from '../../shared/bridge/contract.ts';
import { readBackupFile } from './backup/readBackupFile.ts';
import type { HandlerArgs } from './dispatch.ts';

export type OpenFileArgs = HandlerArgs<'file.open'>;

export interface OpenDialogRequest {
  title: string;
  filters: { name: string; extensions: string[] }[];
}

export interface OpenFileDeps {
  /** The native "Open" dialog; resolves to the chosen absolute path, or undefined if cancelled. */
  chooseOpenPath(request: OpenDialogRequest): Promise<string | undefined>;
}

const FILTERS: Record<OpenFileArgs['format'], OpenDialogRequest['filters']> = {
  warroom: [{ name: 'War Room backup file', extensions: ['warroom'] }],
};

/**
 * Reads the file the person chose. Only reads: whether it is a valid backup file is the renderer's
 * call (decodeBackup), where the error can be shown beside the import.
 */
export async function openFile(args: OpenFileArgs, deps: OpenFileDeps): Promise<BridgeResult<'file.open'>> {
  const path = await deps.chooseOpenPath({ title: args.title, filters: FILTERS[args.format] });
  if (path === undefined || path === '') return null;
  if (!isAbsolute(path)) throw new Error(`refusing to open a relative path: ${path}`);
  return { path, content: await readBackupFile(path) };
}
