import { basename, dirname, join, resolve } from 'node:path';
import type { OpEnvelope } from '../../shared/ops/envelope.ts';
import { ENCRYPTION_PATH, FORMAT_PATH, type ListingProblem, type SegmentRef } from '../../shared/sync/layout.ts';
import { segmentLines, type DecodedSegment, type LineProblem } from '../../shared/sync/segment.ts';
import { decodeOpLine, decodeSegment, type Op } from '../../shared/entities/index.ts';
import type { ReadSegment } from '../../shared/sync/ports.ts';
import { hasFormat, listDevices, listSegments, openArchive, readSegments, type Archive } from '../host/transports/archive.ts';
import type { DeviceTrust } from '../../shared/ops/signature.ts';
import { declaredTrust } from '../../shared/sync/trust.ts';
import { FaultError } from '../host/transports/faults.ts';

/** An archive that cannot be judged at all: not one, gone, newer, or locked without its passphrase (exit 2). */
export class ArchiveError extends Error {}

export interface OpenedArchive {
  /** The folder that holds warroom/. */
  root: string;
  archive: Archive;
  /** The segments the app reads, sorted by device then first seq. */
  segments: SegmentRef[];
  /** Segments of the other kind (sealed on a plain target, plain on an encrypted one): no reader opens them. */
  strays: SegmentRef[];
  /** Names the app refuses to open (a link, a FIFO, a folder under a segment's name), with why. */
  refused: ListingProblem[];
  /** The key each device's file names (docs/sync-format.md#signatures). */
  trust: Map<string, DeviceTrust>;
}

/** One segment as the app reads it, or why it could not be read. `file` is its full path, for a person to open. */
export type SegmentRead =
  | { ref: SegmentRef; file: string; error: string }
  | {
      ref: SegmentRef;
      file: string;
      decoded: DecodedSegment<Op>;
      /** Complete lines in the file (problems past the end are reported as line `lines + 1`). */
      lines: number;
      /** The 1-based line an accepted op was read from. */
      lineOf: (op: OpEnvelope) => number;
    };

/**
 * Open a target exactly as the app does (`openArchive`: format.json, key file, passphrase) and
 * list its segments with the app's `listSegments`. Accepts the target root or its `warroom/`
 * folder. Throws ArchiveError, in plain words, when there is nothing that can be judged.
 */
export async function openTarget(target: string, passphrase?: string): Promise<OpenedArchive> {
  const root = await rootOf(resolve(target));
  try {
    const archive = await openArchive(root, { kind: 'folder', path: root, ...(passphrase === undefined ? {} : { encryption: { passphrase } }) });
    const encrypted = archive.key !== null;
    const refused: ListingProblem[] = [];
    const segments = await listSegments(root, encrypted, refused);
    // Only for their keys: a device file that cannot be read leaves that device unverified.
    const devices = await listDevices(archive, []).catch(() => []);
    return { root, archive, segments, strays: await listSegments(root, !encrypted), refused, trust: declaredTrust(devices) };
  } catch (error) {
    if (!(error instanceof FaultError)) throw error;
    if (error.fault.code === 'unreachable' && error.fault.file === FORMAT_PATH) {
      throw new ArchiveError(`${target}: not a War Room archive: ${FORMAT_PATH} is missing (is the drive mounted, and is this the folder that holds warroom/?); nothing was judged`);
    }
    if (error.fault.code === 'not-encrypted') throw new ArchiveError(`${target}: ${await notEncrypted(root)}; nothing was judged`);
    throw new ArchiveError(`${target}: ${error.fault.message}`);
  }
}

/** A passphrase was given for a target without a key file: lost key file, or wrong target? */
async function notEncrypted(root: string): Promise<string> {
  const sealed = await listSegments(root, true).catch(() => []);
  return sealed.length > 0
    ? `${ENCRYPTION_PATH} is missing, yet the target holds ${sealed.length} sealed segment(s): restore the key file from another copy of the target`
    : `the target is not encrypted (it has no ${ENCRYPTION_PATH}): run without --passphrase-env`;
}

/** The target itself, or its parent when given warroom/ itself: whichever holds warroom/format.json. */
async function rootOf(target: string): Promise<string> {
  if (basename(target) === 'warroom' && !(await stillAnArchive(target)) && (await stillAnArchive(dirname(target)))) return dirname(target);
  return target;
}

async function stillAnArchive(root: string): Promise<boolean> {
  return hasFormat(root).catch(() => false);
}

/** Why a stray segment is a problem, for `strays`. */
export function strayReason(encrypted: boolean): string {
  return encrypted
    ? 'a plain segment on an encrypted target: no reader opens it, and anyone with the folder can read it'
    : `a sealed segment, but ${ENCRYPTION_PATH} is missing: nothing can open or check it (restore the key file from another copy of the target)`;
}

/**
 * Each segment, read and decoded by the app's own code (`readSegments`, `decodeSegment`) one at
 * a time, so only one segment's text is held. A file that cannot be read is reported alone; the
 * archive vanishing mid-read (an unplugged drive) throws ArchiveError rather than reporting
 * every later file as missing.
 */
export async function* eachSegment(opened: OpenedArchive): AsyncGenerator<SegmentRead> {
  for (const ref of opened.segments) {
    const file = join(opened.root, ref.path);
    let read: ReadSegment | undefined;
    try {
      [read] = await readSegments(opened.archive, [ref]);
    } catch (error) {
      // Not a fault: V8 refuses to make a string of a file this big ("Invalid string length").
      yield { ref, file, error: error instanceof RangeError ? `${ref.path} is too large to be read as text` : `${ref.path} could not be read (${String(error)})` };
      continue;
    }
    if (!read) continue;
    if (!read.result.ok) {
      if (read.result.fault.code === 'unreachable') await stillThere(opened.root);
      yield { ref, file, error: read.result.fault.message };
      continue;
    }
    const { text } = read.result;
    yield { ref, file, decoded: decodeSegment(text, ref, opened.trust.get(ref.device) ?? null), lines: segmentLines(text).lines.length, lineOf: lineFinder(text) };
  }
  // A folder gone before or during the listing lists as empty: never report that as "all valid".
  await stillThere(opened.root);
}

async function stillThere(root: string): Promise<void> {
  if (!(await stillAnArchive(root))) {
    throw new ArchiveError(`${root}: the archive disappeared while it was read (is the drive still mounted?); the check is incomplete`);
  }
}

/**
 * decodeSegment returns ops without their line numbers; the few problems that need one (across
 * segments) find it here: the first line whose own judgement yields that very op. Built lazily,
 * so a segment without such a problem costs nothing more.
 */
function lineFinder(text: string): (op: OpEnvelope) => number {
  let lines: string[] | undefined;
  return (op) => {
    lines ??= segmentLines(text).lines;
    const index = lines.findIndex((line) => {
      if (!line.includes(op.hash)) return false;
      const judged = decodeOpLine(line);
      return judged.status !== 'bad' && judged.op.hash === op.hash && judged.op.seq === op.seq;
    });
    return index + 1;
  };
}

export interface ArchiveContents {
  /** Ops the app would apply, in file order. */
  ops: Op[];
  /** `file` is the segment's full path. */
  problems: LineProblem[];
}

/** Every applicable op of an archive with the app's line rules, for commands that need them all (export). */
export async function readArchive(target: string, passphrase?: string): Promise<ArchiveContents> {
  const opened = await openTarget(target, passphrase);
  const contents: ArchiveContents = { ops: [], problems: [] };
  const reason = strayReason(opened.archive.key !== null);
  for (const ref of opened.strays) contents.problems.push({ file: join(opened.root, ref.path), line: 0, reason });
  for (const { file, reason: why } of opened.refused) contents.problems.push({ file: join(opened.root, file), line: 0, reason: why });
  for await (const read of eachSegment(opened)) {
    if ('error' in read) {
      contents.problems.push({ file: read.file, line: 0, reason: read.error });
      continue;
    }
    for (const { line, reason: why } of read.decoded.problems) contents.problems.push({ file: read.file, line, reason: why });
    contents.ops.push(...read.decoded.ops);
  }
  return contents;
}
