import type { KindCatalog } from '../state/registry.ts';
import { hashOp } from './chain.ts';
import type { OpEnvelope } from './envelope.ts';
import { formatHlc, tick, type HlcState } from './hlc.ts';
import { Actor } from './ids.ts';
import type { Signer } from './signature.ts';

/** What a device must remember between its own ops: the chain head and its clock. */
export interface DeviceState {
  device: string;
  /** seq of this device's latest op; 0 before the first. */
  seq: number;
  /** hash of that op; null before the first. */
  head: string | null;
  clock: HlcState;
}

export function freshDeviceState(device: string): DeviceState {
  return { device, seq: 0, head: null, clock: { wall: 0, counter: 0 } };
}

/** A change someone asks for, before it is stamped and chained. */
export interface OpIntentBase {
  actor: string;
  incident: string | null;
  kind: string;
  data: unknown;
}

/**
 * The next op of this device's chain. Validates the payload with its kind's schema
 * (throws a ZodError naming the field) before anything is stamped. `sign` is the device's
 * signing key (signature.ts); every op the app writes is signed, a test may write unsigned ones.
 */
export function createOpWith(catalog: KindCatalog, state: DeviceState, intent: OpIntentBase, now: number, sign?: Signer): { op: OpEnvelope; state: DeviceState } {
  const schema = catalog.dataSchema(intent.kind);
  if (!schema) throw new Error(`unknown op kind ${intent.kind}`);
  if (catalog.needsIncident(intent.kind) !== (intent.incident !== null)) throw new Error(`${intent.kind}: incident ${intent.incident === null ? 'missing' : 'must be null'}`);
  const data = schema.parse(intent.data) as Record<string, unknown>;
  const clock = tick(state.clock, now);
  const seq = state.seq + 1;
  const body = {
    v: 1 as const,
    id: `${state.device}-${seq}`,
    device: state.device,
    seq,
    hlc: formatHlc({ ...clock, device: state.device }),
    // Written as every reader's schema normalizes it (trimmed), so the op is the same before and after parsing.
    actor: Actor.parse(intent.actor),
    incident: intent.incident,
    kind: intent.kind,
    data,
    prev: state.head,
  };
  const hash = hashOp(body);
  const op: OpEnvelope = sign ? { ...body, hash, sig: sign(hash) } : { ...body, hash };
  return { op, state: { device: state.device, seq, head: hash, clock } };
}
