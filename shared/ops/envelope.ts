import { z } from 'zod';
import type { KindCatalog } from '../state/registry.ts';
import { HLC_PATTERN, parseHlc } from './hlc.ts';
import { Actor, DeviceId, RecordId } from './ids.ts';
import { describeZodError } from '../util/zodError.ts';
import { SignatureHex } from './signature.ts';

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256');

/** The envelope version this app writes and applies. */
export const ENVELOPE_VERSION = 1;

/** The members of the envelope (docs/sync-format.md#fields), but `v`. */
const members = {
  id: z.string(),
  device: DeviceId,
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  hlc: z.string().regex(HLC_PATTERN, 'an HLC stamp <ISO ms>-<4 hex>-<device>'),
  actor: Actor,
  incident: RecordId.nullable(),
  kind: z.string().regex(/^[a-z][a-z-]*\.[a-z][a-z-]*$/, 'a kind such as entry.add'),
  data: z.record(z.string(), z.unknown()),
  prev: Sha256Hex.nullable(),
  hash: Sha256Hex,
  /** The device's Ed25519 signature of `hash` (signature.ts); outside the hash. Absent on ops older than the device's key. */
  sig: SignatureHex.optional(),
};

type Members = z.output<z.ZodObject<typeof members>>;

function crossFieldRules(op: Members, ctx: z.RefinementCtx): void {
  if (op.id !== `${op.device}-${op.seq}`) ctx.addIssue({ code: 'custom', path: ['id'], message: 'id must be <device>-<seq>' });
  if (!op.hlc.endsWith(`-${op.device}`)) ctx.addIssue({ code: 'custom', path: ['hlc'], message: 'hlc must end with the device id' });
  // A stamp of the right shape but no real time (month 99) would sort after every honest one and win every register.
  else if (parseHlc(op.hlc) === null) ctx.addIssue({ code: 'custom', path: ['hlc'], message: 'hlc is not a real UTC time' });
  if ((op.seq === 1) !== (op.prev === null)) {
    ctx.addIssue({ code: 'custom', path: ['prev'], message: 'prev is null exactly when seq is 1' });
  }
}

/** The envelope of docs/sync-format.md, field for field. `data` is checked per kind by `parseOp`. */
export const OpEnvelope = z
  .object({ v: z.literal(ENVELOPE_VERSION), ...members })
  .strict()
  .superRefine(crossFieldRules);
export type OpEnvelope = z.infer<typeof OpEnvelope>;

/**
 * An envelope from a newer War Room: a higher integer `v`, or members this version does not know,
 * around members that still validate as above. The format keeps the meaning of those members and
 * of `hash` across envelope versions (a change to them is a new format.json version), so such an
 * op is hash- and chain-checked like any other and kept until an upgrade.
 */
const NewerEnvelope = z
  .object({ v: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), ...members })
  .loose()
  .superRefine(crossFieldRules);

/** `O` is the op type of a known kind, with `data` narrowed (and its values normalized) by that kind's schema. */
export type ParsedOp<O = OpEnvelope> =
  | { status: 'ok'; op: O }
  /**
   * From a newer app (a kind, a `data` member or an envelope it does not know): keep it, apply
   * after an upgrade. `op` is the input itself, unchanged, for it is kept and re-published as
   * it is; so a newer envelope's `v` and members survive although the type names only v1's.
   */
  | { status: 'pending'; op: OpEnvelope; reason: string }
  | { status: 'invalid'; reason: string };

/** How the sync and backup readers judge one op: parseOpWith bound to the app's registry. */
export type OpParser<O = OpEnvelope> = (input: unknown) => ParsedOp<O>;

const KNOWN_MEMBERS = new Set(['v', ...Object.keys(members)]);

/** Why an envelope that is not v1's is from a newer War Room, or null when it is simply invalid. */
function newerEnvelope(input: unknown): string | null {
  if (!NewerEnvelope.safeParse(input).success) return null;
  const { v } = input as { v: number };
  const unknown = Object.keys(input as object).filter((key) => !KNOWN_MEMBERS.has(key));
  if (v === ENVELOPE_VERSION && unknown.length === 0) return null;
  const what = [...(v === ENVELOPE_VERSION ? [] : [`v ${v}`]), ...(unknown.length ? [`member${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 5).join(', ')}`] : [])];
  return `envelope from a newer War Room (${what.join('; ')}): kept until an upgrade`;
}

/** Validate an untrusted op (from a file, a sync target, an import) against the kinds a catalog knows. Never throws. */
export function parseOpWith(catalog: KindCatalog, input: unknown): ParsedOp {
  const envelope = OpEnvelope.safeParse(input);
  if (!envelope.success) {
    const newer = newerEnvelope(input);
    return newer ? { status: 'pending', op: input as OpEnvelope, reason: newer } : { status: 'invalid', reason: describeZodError(envelope.error) };
  }
  const op = envelope.data;
  const kept = input as OpEnvelope;
  const schema = catalog.dataSchema(op.kind);
  if (!schema) return { status: 'pending', op: kept, reason: `unknown kind ${op.kind}` };
  const needsIncident = catalog.needsIncident(op.kind);
  if (needsIncident !== (op.incident !== null)) {
    return { status: 'invalid', reason: `incident: ${op.kind} ${needsIncident ? 'must name an incident' : 'is team-wide: incident must be null'}` };
  }
  const data = schema.safeParse(op.data);
  if (!data.success) {
    const unknownField = data.error.issues.some((issue) => issue.code === 'unrecognized_keys');
    const reason = `data.${describeZodError(data.error)}`;
    return unknownField ? { status: 'pending', op: kept, reason } : { status: 'invalid', reason };
  }
  return { status: 'ok', op: { ...op, data: data.data as Record<string, unknown> } };
}
