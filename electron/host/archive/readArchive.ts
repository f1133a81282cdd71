import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseOp, type OpEnvelope } from '../../../shared/ops/envelope.ts';

/** FORMAT.md: warroom/v1/ops/<device>/<first>-<last>.jsonl; anything else (e.g. *.tmp) is ignored. */
export const SEGMENT_NAME = /^(\d{12})-(\d{12})\.jsonl$/;
const DEVICE_DIR = /^[0-9a-f]{16}$/;

export interface LineProblem {
  file: string;
  line: number;
  reason: string;
}

export interface ArchiveContents {
  /** Ops whose envelope is valid (known kinds and pending ones alike), in file order. */
  ops: OpEnvelope[];
  /** Valid envelopes this app cannot apply yet (newer kind or field). */
  pending: number;
  problems: LineProblem[];
  segments: number;
}

/** Resolve a target folder to its ops folder, accepting the target root or warroom/ inside it. */
function opsDir(target: string): string[] {
  return [join(target, 'warroom', 'v1', 'ops'), join(target, 'v1', 'ops')];
}

async function listDir(path: string): Promise<string[] | null> {
  try {
    return await readdir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}

function parseLine(text: string, device: string): { op: OpEnvelope; pending: boolean } | { reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { reason: 'not JSON' };
  }
  const parsed = parseOp(json);
  if (parsed.status === 'invalid') return { reason: parsed.reason };
  const op = parsed.op as OpEnvelope;
  if (op.device !== device) return { reason: `op of device ${op.device} in the folder of ${device}` };
  return { op, pending: parsed.status === 'pending' };
}

/**
 * Read every segment of a sync archive and validate each line on its own: a bad line is
 * reported with file, line and reason and skipped; it never stops the rest.
 * Returns null when the target holds no archive (missing = "not there", never "empty").
 */
export async function readArchive(target: string): Promise<ArchiveContents | null> {
  let root: string | null = null;
  let devices: string[] | null = null;
  for (const candidate of opsDir(target)) {
    devices = await listDir(candidate);
    if (devices) {
      root = candidate;
      break;
    }
  }
  if (!root || !devices) return null;
  const contents: ArchiveContents = { ops: [], pending: 0, problems: [], segments: 0 };
  for (const device of devices.filter((name) => DEVICE_DIR.test(name)).sort()) {
    const files = (await listDir(join(root, device))) ?? [];
    for (const name of files.filter((file) => SEGMENT_NAME.test(file)).sort()) {
      const file = join(root, device, name);
      contents.segments += 1;
      const lines = (await readFile(file, 'utf8')).split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      else contents.problems.push({ file, line: lines.length, reason: 'truncated: the last line has no newline' });
      lines.forEach((text, index) => {
        const result = parseLine(text, device);
        if ('reason' in result) contents.problems.push({ file, line: index + 1, reason: result.reason });
        else {
          if (result.pending) contents.pending += 1;
          contents.ops.push(result.op);
        }
      });
    }
  }
  return contents;
}
