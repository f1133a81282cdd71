import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { OpEnvelope } from '../../shared/ops/envelope.ts';
import { ENCRYPTION_PATH, OPS_DIR, type SegmentRef } from '../../shared/sync/layout.ts';
import { belongsIn, segmentLines, TRUNCATED, type LineProblem } from '../../shared/sync/segment.ts';
import { parseOpLine } from '../../shared/entities/index.ts';
import { isDirectory } from '../host/transports/files.ts';
import { listSegments, openArchive, readSegments } from '../host/transports/archive.ts';
import { FaultError } from '../host/transports/faults.ts';

export interface ArchiveContents {
  /** Ops whose envelope is valid (known kinds and pending ones alike), in file order; hashes and chains are the caller's to verify. */
  ops: OpEnvelope[];
  /** Valid envelopes this app cannot apply yet (newer kind or field). */
  pending: number;
  /** `file` is the segment's full path, for a person to open. */
  problems: LineProblem[];
  segments: number;
}

/** One segment's text, or why it could not be had. */
type SegmentText = { ref: SegmentRef; text: string } | { ref: SegmentRef; error: string };

/** An archive that cannot be read at all: unreachable, not set up, or locked without its passphrase. */
export class ArchiveError extends Error {}

/**
 * Read every segment of a sync archive with the app's own rules (segment names, line checks,
 * truncation from shared/sync): a bad line is reported with file, line and reason and skipped;
 * it never stops the rest. Returns null when the target holds no archive (missing = "not
 * there", never "empty"). An encrypted target needs its passphrase; a wrong one throws
 * ArchiveError, nothing is read.
 */
export async function readArchive(target: string, passphrase?: string): Promise<ArchiveContents | null> {
  const root = await rootOf(resolve(target));
  if (root === null) return null;
  const texts = existsSync(join(root, ENCRYPTION_PATH)) ? await encryptedTexts(root, passphrase) : await plainTexts(root);
  const contents: ArchiveContents = { ops: [], pending: 0, problems: [], segments: 0 };
  for (const segment of texts) {
    const file = join(root, segment.ref.path);
    contents.segments += 1;
    if ('error' in segment) {
      contents.problems.push({ file, line: 0, reason: segment.error });
      continue;
    }
    const { lines, truncated } = segmentLines(segment.text);
    const check = belongsIn(segment.ref);
    lines.forEach((text, index) => {
      const result = parseOpLine(text, check);
      if (result.status === 'bad') contents.problems.push({ file, line: index + 1, reason: result.reason });
      else {
        if (result.status === 'pending') contents.pending += 1;
        contents.ops.push(result.op);
      }
    });
    if (truncated) contents.problems.push({ file, line: lines.length + 1, reason: TRUNCATED });
  }
  return contents;
}

/** The folder that holds warroom/: the target itself, or its parent when given warroom/ itself. */
async function rootOf(target: string): Promise<string | null> {
  const candidates = basename(target) === 'warroom' ? [target, dirname(target)] : [target];
  for (const root of candidates) {
    // An encrypted target with no segments yet still has its passphrase checked.
    if ((await isDirectory(join(root, OPS_DIR))) || existsSync(join(root, ENCRYPTION_PATH))) return root;
  }
  return null;
}

async function plainTexts(root: string): Promise<SegmentText[]> {
  const texts: SegmentText[] = [];
  for (const ref of await listSegments(root, false)) texts.push({ ref, text: await readFile(join(root, ref.path), 'utf8') });
  return texts;
}

/** Through the sync transport's own archive code: the same key check and decryption as the app. */
async function encryptedTexts(root: string, passphrase: string | undefined): Promise<SegmentText[]> {
  try {
    const archive = await openArchive(root, { kind: 'folder', path: root, ...(passphrase ? { encryption: { passphrase } } : {}) });
    return (await readSegments(archive, await listSegments(root, true))).map(({ ref, result }) => (result.ok ? { ref, text: result.text } : { ref, error: result.fault.message }));
  } catch (error) {
    if (error instanceof FaultError) throw new ArchiveError(error.fault.message);
    throw error;
  }
}
