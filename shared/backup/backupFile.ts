import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { z } from 'zod';
import { DeviceId, IsoTime } from '../ops/ids.ts';
import { type Op, decodeOpLine } from '../entities/index.ts';
import type { OpEnvelope } from '../ops/envelope.ts';
import { describeZodError } from '../util/zodError.ts';
import { canonicalJson } from '../util/canonicalJson.ts';
import { PublicKeyHex, vouchedPrefix, type DeviceTrust } from '../ops/signature.ts';

/**
 * The "Export all" / backup file (`<name>.warroom`): every op of the local store in one UTF-8 text.
 *
 *   line 1     the header, one JSON object:
 *              {"format":"warroom-backup","version":1,"createdAt":…,"device":…,"opCount":…,"digest":…,"keys":…}
 *   line 2…    one op per line, exactly as in a sync segment (docs/sync-format.md): the full envelope in
 *              RFC 8785 canonical JSON, `\n`-terminated, sorted by device, seq, hash
 *
 * - Ops from a newer app (unknown kind or field) are written too: the store keeps them (the
 *   pending table) and so must a backup of it. Decoding sorts them back into `pending`.
 * - `digest` is the SHA-256 of the op lines exactly as written (each with its `\n`), so a lost
 *   tail, a dropped, added, reordered or edited line is detected even where each op's own hash
 *   still holds. It proves integrity, not authorship: anyone can recompute it. Authorship is the
 *   ops' own signatures, checked against `keys` (docs/sync-format.md#the-backup-file).
 * - `createdAt` and `device` are outside the digest: two backups of the same ops share it, which
 *   is how the rotating backups notice that nothing changed.
 * - Chains are not required to be whole: the store may legitimately hold a gap (a bad line
 *   skipped by sync) or a fork, and a backup reproduces the store as it is.
 */
export const BACKUP_FORMAT = 'warroom-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_EXTENSION = 'warroom';
/** Larger files are refused before they are read (the bridge and the file dialog use it too). */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;
/** A real header is ~250 characters; this bound keeps a huge one-line file from being JSON-parsed as one. */
const MAX_HEADER_CHARS = 64 * 1024;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256');

/** Unknown header members are ignored (a later v1 writer may add informational ones); a breaking change bumps `version`. */
export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: IsoTime,
  /** The device that wrote the backup. */
  device: DeviceId,
  opCount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  digest: Sha256Hex,
  /** Signing keys of the devices whose ops the file holds, as the writer trusts them (docs/sync-format.md#signatures). */
  keys: z.record(DeviceId, z.object({ key: PublicKeyHex, signedFrom: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }).strict()).optional(),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

export interface EncodeBackupInput {
  /** Every op of the store: applied ones and pending ones alike. Duplicates (same hash) are written once. */
  ops: readonly OpEnvelope[];
  device: string;
  /** ISO-8601 UTC with milliseconds (`new Date().toISOString()`). */
  createdAt: string;
  /** The keys the writer trusts, per device (its own and those it pinned). */
  keys?: Record<string, DeviceTrust>;
}

/** `ops` and `pending` are as read (segment.ts OpLine): import stores them unchanged. */
export type DecodedBackup =
  | { ok: true; header: BackupHeader; ops: Op[]; pending: { op: OpEnvelope; reason: string }[] }
  | { ok: false; error: string };

function compareOps(a: OpEnvelope, b: OpEnvelope): number {
  if (a.device !== b.device) return a.device < b.device ? -1 : 1;
  if (a.seq !== b.seq) return a.seq - b.seq;
  return a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0;
}

/** Hashed line by line so a large backup file is never copied into one more byte array. */
function digestOf(lines: Iterable<string>): string {
  const hash = sha256.create();
  const newline = utf8ToBytes('\n');
  for (const line of lines) hash.update(utf8ToBytes(line)).update(newline);
  return bytesToHex(hash.digest());
}

/** Throws on input that would make a backup file no reader accepts (a bad device or time). */
export function encodeBackup({ ops, device, createdAt, keys }: EncodeBackupInput): string {
  const unique = [...new Map(ops.map((op) => [op.hash, op])).values()].sort(compareOps);
  const lines = unique.map((op) => canonicalJson(op));
  const header = BackupHeader.parse({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    device,
    opCount: lines.length,
    digest: digestOf(lines),
    ...(keys && Object.keys(keys).length > 0 ? { keys } : {}),
  });
  // Written in this member order, not canonically: the header is not hashed, and `format` first
  // reads better to a person running `head` on the file.
  const head = JSON.stringify({
    format: header.format,
    version: header.version,
    createdAt: header.createdAt,
    device: header.device,
    opCount: header.opCount,
    digest: header.digest,
    ...(header.keys ? { keys: header.keys } : {}),
  });
  return `${head}\n${lines.map((line) => `${line}\n`).join('')}`;
}

const NOT_A_BACKUP = 'not a War Room backup file (first line is not a warroom-backup header)';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function decodeHeader(line: string): { ok: true; header: BackupHeader } | { ok: false; error: string } {
  if (line.length > MAX_HEADER_CHARS) return { ok: false, error: NOT_A_BACKUP };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, error: NOT_A_BACKUP };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, error: NOT_A_BACKUP };
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return { ok: false, error: `backup file from a newer War Room (version ${version}); update War Room to open it` };
  }
  const header = BackupHeader.safeParse(json);
  if (!header.success) return { ok: false, error: `backup file header is damaged: ${describeZodError(header.error)}` };
  return { ok: true, header: header.data };
}

/** The header of a backup file, from its first line, without reading the ops; null when it has none. */
export function readBackupHeader(text: string): BackupHeader | null {
  const decoded = decodeHeader(splitHeader(text).head);
  return decoded.ok ? decoded.header : null;
}

/** The first line and the rest, past a BOM an editor may have added. */
function splitHeader(text: string): { head: string; rest: string } {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const end = source.indexOf('\n');
  return end === -1 ? { head: source.replace(/\r$/, ''), rest: '' } : { head: source.slice(0, end).replace(/\r$/, ''), rest: source.slice(end + 1) };
}

/**
 * Read a backup file. All or nothing: one bad line fails the whole file. A sync segment skips a bad
 * line because the rest of its ops stand on their own and the next round reads again; a backup
 * is a restore point, and applying part of one would build a state that never existed while
 * hiding what was lost. Never throws, whatever `text` is.
 */
export function decodeBackup(text: unknown, pinned: TrustLookup = () => null): DecodedBackup {
  try {
    return decode(text, pinned);
  } catch (error) {
    // Nothing above should throw; this keeps the promise for inputs nobody thought of.
    return { ok: false, error: `unreadable backup file: ${error instanceof Error ? error.message : 'unknown error'}` };
  }
}

/** The key this laptop already trusts for a device (its own, or pinned); null when it has none. */
export type TrustLookup = (device: string) => DeviceTrust | null;

/**
 * Every chained run of every device must be vouched for by a signature (docs/sync-format.md#signatures),
 * under the key this laptop trusts, or else the one the file's header names. The first op no
 * signature vouches for refuses the file; null when all are vouched for or have no key to check.
 */
function unsignedLine(entries: readonly { op: OpEnvelope; line: number }[], pinned: TrustLookup, named: BackupHeader['keys']): string | null {
  let run: { op: OpEnvelope; line: number }[] = [];
  const judge = (): string | null => {
    const first = run[0];
    if (!first) return null;
    const trust = pinned(first.op.device) ?? named?.[first.op.device] ?? null;
    const vouched = trust ? vouchedPrefix(run.map((entry) => entry.op), trust) : run.length;
    const bad = run[vouched];
    if (!bad || !trust) return null;
    return `line ${bad.line} (op ${bad.op.id}): not vouched for by a signature of device ${bad.op.device}'s key ${trust.key.slice(0, 16)}… (unsigned, signed with another key, or forged)`;
  };
  for (const entry of entries) {
    const previous = run[run.length - 1]?.op;
    const chained = previous && previous.device === entry.op.device && entry.op.seq === previous.seq + 1 && entry.op.prev === previous.hash;
    if (!chained) {
      const problem = judge();
      if (problem) return problem;
      run = [];
    }
    run.push(entry);
  }
  return judge();
}

function decode(text: unknown, pinned: TrustLookup): DecodedBackup {
  if (typeof text !== 'string') return { ok: false, error: 'not a War Room backup file (not text)' };
  const { head, rest } = splitHeader(text);
  const decodedHeader = decodeHeader(head);
  if (!decodedHeader.ok) return decodedHeader;
  const header = decodedHeader.header;

  // Line endings changed to CRLF on the way (a mail client, git autocrlf) do not alter an op:
  // canonical JSON never holds a raw CR, so one at a line's end is dropped.
  const lines = rest
    .split('\n')
    .map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  // After the final `\n` split leaves ''; anything else there is a last line without its `\n`.
  let partial = lines.pop() ?? '';
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop(); // blank lines an editor appended
  // An editor that strips the final newline leaves a whole op; a cut-off line never decodes.
  if (partial !== '' && lines.length + 1 === header.opCount && decodeOpLine(partial).status !== 'bad') {
    lines.push(partial);
    partial = '';
  }
  const count = lines.length;
  if (count < header.opCount) {
    const tail = partial === '' ? '' : ' and the last line is cut off';
    return { ok: false, error: `backup file is truncated: header says ${plural(header.opCount, 'op')}, file has ${count}${tail}` };
  }
  if (count > header.opCount || partial !== '') {
    const found = count + (partial === '' ? 0 : 1);
    return { ok: false, error: `backup file has more than its header says: header says ${plural(header.opCount, 'op')}, file has ${plural(found, 'line')} of ops` };
  }

  const ops: Op[] = [];
  const pending: { op: OpEnvelope; reason: string }[] = [];
  const inOrder: { op: OpEnvelope; line: number }[] = [];
  const seen = new Map<string, number>();
  for (let index = 0; index < count; index += 1) {
    const lineNumber = index + 2; // as an editor numbers them: the header is line 1
    const result = decodeOpLine(lines[index]!);
    if (result.status === 'bad') {
      const which = result.id === undefined ? '' : ` (op ${result.id})`;
      return { ok: false, error: `line ${lineNumber}${which}: ${result.reason}` };
    }
    const earlier = seen.get(result.op.hash);
    if (earlier !== undefined) return { ok: false, error: `line ${lineNumber}: op ${result.op.id} appears twice (also line ${earlier})` };
    seen.set(result.op.hash, lineNumber);
    inOrder.push({ op: result.op, line: lineNumber });
    if (result.status === 'ok') ops.push(result.op);
    else pending.push({ op: result.op, reason: result.reason });
  }
  if (digestOf(lines) !== header.digest) {
    return { ok: false, error: 'digest mismatch: the file was altered (its ops are each intact, but not the set or order the header records)' };
  }
  const unsigned = unsignedLine(inOrder, pinned, header.keys);
  if (unsigned) return { ok: false, error: unsigned };
  return { ok: true, header, ops, pending };
}
