import { hashOp } from '../../../shared/ops/chain.ts';
import { createOp, type Op } from '../../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../../shared/ops/createOp.ts';
import type { OpEnvelope } from '../../../shared/ops/envelope.ts';
import { segmentPath, type SegmentRef, type TargetListing } from '../../../shared/sync/layout.ts';
import { canonicalJson } from '../../../shared/util/canonicalJson.ts';
import { testSigner } from './keys.ts';

export const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);
export const DEV_A = 'aaaaaaaaaaaaaaaa';
export const DEV_B = 'bbbbbbbbbbbbbbbb';
export const DEV_C = 'cccccccccccccccc';

/** The same chain, every op signed with the device's test key (keys.ts). */
export function signedChainOf(device: string, count: number): Op[] {
  const sign = testSigner(device);
  return chainOf(device, count).map((op) => ({ ...op, sig: sign(op.hash) }));
}

/** `count` entry.add ops of one device's chain, seq 1..count, unsigned (a device older than signing). */
export function chainOf(device: string, count: number, start: DeviceState = freshDeviceState(device)): Op[] {
  let state = start;
  const ops: Op[] = [];
  for (let i = 1; i <= count; i += 1) {
    const made = createOp(
      state,
      { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'entry.add', data: { entry: `ent-${device.slice(0, 4)}${String(state.seq + 1).padStart(6, '0')}`, fields: { text: `line ${state.seq + 1}`, kind: 'note', eventAt: new Date(T0).toISOString(), pinned: false, tags: [] } } },
      T0 + i,
    );
    state = made.state;
    ops.push(made.op);
  }
  return ops;
}

export function refOf(device: string, first: number, last: number): SegmentRef {
  return { device, first, last, encrypted: false, path: segmentPath(device, first, last, false) };
}

export function listingOf(segments: SegmentRef[]): TargetListing {
  return { format: { format: 'warroom-sync', version: 1 }, devices: [], segments };
}

/** A validly hashed envelope with arbitrary changes (e.g. a kind from a newer app). */
export function rehashed(op: OpEnvelope, changes: Record<string, unknown>): OpEnvelope {
  const body = { ...op, ...changes, hash: undefined };
  return { ...(body as unknown as OpEnvelope), hash: hashOp(body as unknown as OpEnvelope) };
}

export const line = (op: unknown) => `${canonicalJson(op)}\n`;

/** Recompute prev and hash along a (possibly edited) chain so it is valid again. */
export function rechain(ops: readonly OpEnvelope[]): OpEnvelope[] {
  const out: OpEnvelope[] = [];
  for (const op of ops) out.push(rehashed(op, { prev: out.length ? out[out.length - 1]!.hash : op.prev }));
  return out;
}
