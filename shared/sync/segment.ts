import { hashOp } from '../ops/chain.ts';
import type { OpEnvelope, OpParser } from '../ops/envelope.ts';
import { canonicalJson } from '../util/canonicalJson.ts';
import { vouchedPrefix, type DeviceTrust } from '../ops/signature.ts';
import type { SegmentRef } from './layout.ts';
import type { SeqRange } from './plan.ts';

/** docs/sync-format.md: one RFC 8785 op per line, each `\n`-terminated, in seq order. */
export function encodeSegment(ops: readonly OpEnvelope[]): string {
  return [...ops]
    .sort((a, b) => a.seq - b.seq)
    .map((op) => `${canonicalJson(op)}\n`)
    .join('');
}

export interface LineProblem {
  file: string;
  /** 1-based; one past the last line for "the file ends early". */
  line: number;
  reason: string;
}

export interface DecodedSegment<O = OpEnvelope> {
  ops: O[];
  /** Valid, hash-checked envelopes from a newer app (unknown kind or field). */
  pending: { op: OpEnvelope; reason: string }[];
  problems: LineProblem[];
  /**
   * What the file holds, judged by content: runs of accepted seqs, each chained line to line
   * (ops and pending alike). Only these may move a cursor; the file name is a hint.
   */
  runs: SeqRange[];
  /** The file holds exactly first..last of its name, every line valid: a relay may copy it as it is. */
  complete: boolean;
  /** Ops taken with no key to check them against (their device publishes none yet): counted, reported by the round. */
  unverified: number;
}

/**
 * One op line judged on its own. `op` is the object exactly as the line holds it (JSON.parse's,
 * never a schema's normalized copy): what its hash covers, so what is stored and re-published
 * unchanged. For `ok` it passed O's schemas, but their normalizing (trimmed strings) is not
 * applied: whoever folds it takes the op parseOp returns for it. `id` names the op when its
 * envelope parsed but a later check failed.
 */
export type OpLine<O = OpEnvelope> = { status: 'ok'; op: O } | { status: 'pending'; op: OpEnvelope; reason: string } | { status: 'bad'; reason: string; id?: string };

/**
 * Everything one line can be judged on without its neighbours: JSON, the envelope and kind
 * schemas (parseOp), the caller's own `check` (run before hashing, the costly part), then `hash`
 * over the op as read. Shared by sync segments and backup files so both read an op line
 * identically. Never throws.
 */
export function decodeOpLine<O extends OpEnvelope>(parseOp: OpParser<O>, text: string, check?: (op: OpEnvelope) => string | null): OpLine<O> {
  const parsed = parseOpLine(parseOp, text, check);
  return parsed.status === 'bad' ? parsed : checkHash(parsed);
}

/**
 * All of decodeOpLine but the hash, for a reader that verifies hashes and chains across
 * segments itself (the `warroom verify` command) and so reports a tampered op by its id.
 */
export function parseOpLine<O extends OpEnvelope>(parseOp: OpParser<O>, text: string, check?: (op: OpEnvelope) => string | null): OpLine<O> {
  // A line that cannot open an object is refused without JSON.parse's exception, which costs
  // microseconds: a hostile file of a million newlines would otherwise take seconds.
  if (text.trimStart()[0] !== '{') return { status: 'bad', reason: 'not JSON' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: 'bad', reason: 'not JSON' };
  }
  const parsed = parseOp(json);
  if (parsed.status === 'invalid') return { status: 'bad', reason: parsed.reason };
  const refused = check?.(parsed.op);
  if (refused) return { status: 'bad', reason: refused, id: parsed.op.id };
  // The object read, not parsed.op: a writer's "Ana " is trimmed by the schema but hashed as written.
  return parsed.status === 'ok' ? { status: 'ok', op: json as O } : { status: 'pending', op: parsed.op, reason: parsed.reason };
}

function checkHash<O extends OpEnvelope>(line: Exclude<OpLine<O>, { status: 'bad' }>): OpLine<O> {
  const { op } = line;
  let actual: string;
  try {
    actual = hashOp(op);
  } catch {
    // canonicalJson can overflow the stack on absurdly nested pending data.
    return { status: 'bad', reason: 'cannot be hashed', id: op.id };
  }
  if (actual !== op.hash) {
    return { status: 'bad', reason: `hash mismatch: the content hashes to ${actual.slice(0, 12)}…, the line says ${op.hash.slice(0, 12)}…`, id: op.id };
  }
  return line;
}

/** What a line must be to belong in a device's folder: an op of that device (its seq is judged by content). */
export function belongsIn(ref: SegmentRef): (op: OpEnvelope) => string | null {
  return (op) => (op.device !== ref.device ? `an op of device ${op.device} in the folder of ${ref.device}` : null);
}

/**
 * A segment's complete lines. A file still being copied by a shared drive ends mid-line: that
 * line is not there yet, and `truncated` says so (reported as line `lines.length + 1`).
 */
export function segmentLines(text: string): { lines: string[]; truncated: boolean } {
  const lines = text.split('\n');
  const truncated = lines.pop() !== '';
  return { lines, truncated };
}

export const TRUNCATED = 'truncated: the last line has no newline';

function range(from: number, to: number): string {
  return from === to ? `seq ${from}` : `seq ${from}–${to}`;
}

/** Why a line of a run its device's key does not vouch for is refused. */
function unsignedReason(op: OpEnvelope, trust: DeviceTrust, last: boolean): string {
  const who = `device ${op.device}'s key ${trust.key.slice(0, 16)}…`;
  if (!last) return `not signed: the ops after it that would vouch for it are not signed by ${who} (a forged or altered op?)`;
  return op.sig === undefined ? `unsigned: ${who} signs every op from seq ${trust.signedFrom}, and this one has no signature` : `bad signature: not signed by ${who} (a forged op, or a swapped key?)`;
}

interface Accepted<O> {
  line: number;
  result: Exclude<OpLine<O>, { status: 'bad' }>;
}

/**
 * Validate a segment line by line (docs/sync-format.md#reading-a-segment): a bad line is reported
 * and skipped, never fatal. Each line is parsed and hashed exactly once. The name's range is
 * only compared with what the lines hold: a misnamed file (narrower or wider) is reported, and
 * its valid ops still count. With `trust` (the device's pinned key), every chained run must be
 * vouched for by a signature (docs/sync-format.md#signatures); without one, what is taken is
 * counted as `unverified`.
 */
export function decodeSegment<O extends OpEnvelope>(parseOp: OpParser<O>, text: string, ref: SegmentRef, trust: DeviceTrust | null = null): DecodedSegment<O> {
  const out: DecodedSegment<O> = { ops: [], pending: [], problems: [], runs: [], complete: false, unverified: 0 };
  const problem = (line: number, reason: string) => out.problems.push({ file: ref.path, line, reason });
  const { lines, truncated } = segmentLines(text);
  const check = belongsIn(ref);

  let last: { seq: number; hash: string } | null = null;
  const runs: Accepted<O>[][] = [];
  let outside = 0;
  let badLines = 0;
  let previousLineBad = false;
  for (let index = 0; index < lines.length; index += 1) {
    const number = index + 1;
    const result = decodeOpLine(parseOp, lines[index]!, check);
    if (result.status === 'bad') {
      problem(number, result.reason);
      previousLineBad = true;
      badLines += 1;
      continue;
    }
    const op = result.op;
    const expected = last ? last.seq + 1 : ref.first;
    if (last && op.seq < expected) {
      problem(number, `seq ${op.seq} out of order: expected ${expected}`);
      previousLineBad = true;
      badLines += 1;
      continue;
    }
    if (last && op.seq === expected && op.prev !== last.hash) {
      problem(number, `broken chain: prev does not match the hash of seq ${last.seq}`);
      previousLineBad = true;
      badLines += 1;
      continue;
    }
    if (op.seq < ref.first || op.seq > ref.last) {
      // Reported, and kept: the op is judged by what it is, not by where the name says it belongs.
      problem(number, `seq ${op.seq} is outside the range ${ref.first}–${ref.last} this file's name gives (its valid ops are kept)`);
      outside += 1;
    } else if (op.seq > expected && !previousLineBad) {
      // A gap right after a bad line is explained by it; an unexplained one is reported here.
      problem(number, `gap: ${range(expected, op.seq - 1)} missing before this line`);
    }
    previousLineBad = false;
    const run = runs[runs.length - 1];
    if (run && last && op.seq === last.seq + 1) run.push({ line: number, result });
    else runs.push([{ line: number, result }]);
    last = { seq: op.seq, hash: op.hash };
  }
  for (const run of runs) {
    const vouched = trust ? vouchedPrefix(run.map((entry) => entry.result.op), trust) : run.length;
    if (!trust) out.unverified += run.length;
    for (const [index, { line, result }] of run.entries()) {
      if (index >= vouched) {
        problem(line, unsignedReason(result.op, trust!, index === run.length - 1));
        badLines += 1;
      } else if (result.status === 'ok') out.ops.push(result.op);
      else out.pending.push({ op: result.op, reason: result.reason });
    }
    if (vouched > 0) out.runs.push({ first: run[0]!.result.op.seq, last: run[vouched - 1]!.result.op.seq });
  }
  out.problems.sort((a, b) => a.line - b.line);
  const reached = last?.seq ?? ref.first - 1;
  if (truncated) problem(lines.length + 1, TRUNCATED);
  else if (reached < ref.last && !previousLineBad) problem(lines.length + 1, `ends early: ${range(reached + 1, ref.last)} missing`);
  out.complete = !truncated && badLines === 0 && outside === 0 && out.runs.length === 1 && out.runs[0]!.first === ref.first && out.runs[0]!.last === ref.last;
  return out;
}
