import { Actor } from '../domain/ids.ts';
import { formatHlc, tick, type HlcState } from './hlc.ts';
import { hashOp } from './chain.ts';
import type { Op } from './envelope.ts';
import { opKinds, type OpData, type OpKind } from './kinds.ts';

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

export interface OpIntent<K extends OpKind = OpKind> {
  actor: string;
  incident: string | null;
  kind: K;
  data: OpData<K>;
}

/**
 * The next op of this device's chain. Validates the payload with its kind's schema
 * (throws a ZodError naming the field) before anything is stamped.
 */
export function createOp<K extends OpKind>(state: DeviceState, intent: OpIntent<K>, now: number): { op: Op<K>; state: DeviceState } {
  const data = opKinds[intent.kind].parse(intent.data) as OpData<K>;
  const clock = tick(state.clock, now);
  const seq = state.seq + 1;
  const body = {
    v: 1 as const,
    id: `${state.device}-${seq}`,
    device: state.device,
    seq,
    hlc: formatHlc({ ...clock, device: state.device }),
    // Normalized exactly as readers parse it, or they would see a hash mismatch.
    actor: Actor.parse(intent.actor),
    incident: intent.incident,
    kind: intent.kind,
    data,
    prev: state.head,
  };
  const hash = hashOp(body);
  const op = { ...body, hash } as unknown as Op<K>;
  return { op, state: { device: state.device, seq, head: hash, clock } };
}
