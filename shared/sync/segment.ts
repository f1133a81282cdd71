import { hashOp } from '../ops/chain.ts';
import type { OpEnvelope, OpParser } from '../ops/envelope.ts';
import { canonicalJson } from '../util/canonicalJson.ts';
import type { SegmentRef } from './layout.ts';

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
  /** Every seq first..last arrived valid with an intact chain: only then may a cursor pass it. */
  complete: boolean;
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

/** What a line must be to belong in segment `ref`: an op of its device folder, inside its range. */
export function belongsIn(ref: SegmentRef): (op: OpEnvelope) => string | null {
  return (op) => {
    if (op.device !== ref.device) return `an op of device ${op.device} in the folder of ${ref.device}`;
    if (op.seq < ref.first || op.seq > ref.last) return `seq ${op.seq} is outside this file's range ${ref.first}–${ref.last}`;
    return null;
  };
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

/**
 * Validate a segment line by line (docs/sync-format.md#reading-a-segment): a bad line is reported
 * and skipped, never fatal. Each line is parsed and hashed exactly once.
 */
export function decodeSegment<O extends OpEnvelope>(parseOp: OpParser<O>, text: string, ref: SegmentRef): DecodedSegment<O> {
  const out: DecodedSegment<O> = { ops: [], pending: [], problems: [], complete: false };
  const problem = (line: number, reason: string) => out.problems.push({ file: ref.path, line, reason });
  const { lines, truncated } = segmentLines(text);
  const check = belongsIn(ref);

  let last: { seq: number; hash: string } | null = null;
  let accepted = 0;
  let previousLineBad = false;
  for (let index = 0; index < lines.length; index += 1) {
    const number = index + 1;
    const result = decodeOpLine(parseOp, lines[index]!, check);
    if (result.status === 'bad') {
      problem(number, result.reason);
      previousLineBad = true;
      continue;
    }
    const op = result.op;
    const expected = last ? last.seq + 1 : ref.first;
    if (op.seq < expected) {
      problem(number, `seq ${op.seq} out of order: expected ${expected}`);
      previousLineBad = true;
      continue;
    }
    if (last && op.seq === expected && op.prev !== last.hash) {
      problem(number, `broken chain: prev does not match the hash of seq ${last.seq}`);
      previousLineBad = true;
      continue;
    }
    // A gap right after a bad line is explained by it; an unexplained one is reported here.
    if (op.seq > expected && !previousLineBad) problem(number, `gap: ${range(expected, op.seq - 1)} missing before this line`);
    previousLineBad = false;
    last = { seq: op.seq, hash: op.hash };
    accepted += 1;
    if (result.status === 'ok') out.ops.push(result.op);
    else out.pending.push({ op: result.op, reason: result.reason });
  }
  const reached = last?.seq ?? ref.first - 1;
  if (truncated) problem(lines.length + 1, TRUNCATED);
  else if (reached < ref.last && !previousLineBad) problem(lines.length + 1, `ends early: ${range(reached + 1, ref.last)} missing`);
  // Accepted seqs strictly increase within [first, last] and each neighbour's prev was checked,
  // so a full count means every seq arrived with an intact chain.
  out.complete = accepted === ref.last - ref.first + 1;
  return out;
}
