import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseOp, type OpEnvelope } from '../../../shared/ops/envelope.ts';
import { ENCRYPTION_PATH } from '../../../shared/sync/layout.ts';
import { listArchive, openArchive, readSegments } from '../transports/archive.ts';
import { FaultError } from '../transports/faults.ts';

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

/** One segment's text, or why it could not be had. */
type SegmentText = { file: string; device: string; text: string } | { file: string; device: string; error: string };

/** An archive that cannot be read at all: unreachable, not set up, or locked without its passphrase. */
export class ArchiveError extends Error {}

/**
 * Read every segment of a sync archive and validate each line on its own: a bad line is
 * reported with file, line and reason and skipped; it never stops the rest.
 * Returns null when the target holds no archive (missing = "not there", never "empty").
 * An encrypted target needs its passphrase; a wrong one throws ArchiveError, nothing is read.
 */
export async function readArchive(target: string, passphrase?: string): Promise<ArchiveContents | null> {
  const texts = existsSync(join(target, ENCRYPTION_PATH)) ? await encryptedTexts(target, passphrase) : await plainTexts(target);
  if (!texts) return null;
  const contents: ArchiveContents = { ops: [], pending: 0, problems: [], segments: 0 };
  for (const segment of texts) {
    contents.segments += 1;
    if ('error' in segment) {
      contents.problems.push({ file: segment.file, line: 0, reason: segment.error });
      continue;
    }
    const lines = segment.text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    else contents.problems.push({ file: segment.file, line: lines.length, reason: 'truncated: the last line has no newline' });
    lines.forEach((text, index) => {
      const result = parseLine(text, segment.device);
      if ('reason' in result) contents.problems.push({ file: segment.file, line: index + 1, reason: result.reason });
      else {
        if (result.pending) contents.pending += 1;
        contents.ops.push(result.op);
      }
    });
  }
  return contents;
}

async function plainTexts(target: string): Promise<SegmentText[] | null> {
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
  const texts: SegmentText[] = [];
  for (const device of devices.filter((name) => DEVICE_DIR.test(name)).sort()) {
    const files = (await listDir(join(root, device))) ?? [];
    for (const name of files.filter((file) => SEGMENT_NAME.test(file)).sort()) {
      const file = join(root, device, name);
      texts.push({ file, device, text: await readFile(file, 'utf8') });
    }
  }
  return texts;
}

/** Through the sync transport's own archive code: the same key check and decryption as the app. */
async function encryptedTexts(target: string, passphrase: string | undefined): Promise<SegmentText[]> {
  const root = resolve(target);
  try {
    const archive = await openArchive(root, { kind: 'folder', path: root, ...(passphrase ? { encryption: { passphrase } } : {}) });
    const listing = await listArchive(archive);
    return (await readSegments(archive, listing.segments)).map(({ ref, result }) =>
      result.ok ? { file: join(root, ref.path), device: ref.device, text: result.text } : { file: join(root, ref.path), device: ref.device, error: result.fault.message },
    );
  } catch (error) {
    if (error instanceof FaultError) throw new ArchiveError(error.fault.message);
    throw error;
  }
}
