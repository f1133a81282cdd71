import type { OpEnvelope } from '../ops/envelope.ts';
import type { DeviceTrust } from '../ops/signature.ts';
import type { DeviceInfo, SegmentRef, TargetListing } from './layout.ts';
import type { Progress } from './plan.ts';
import type { SyncFault } from './wire.ts';

/**
 * The two sides a sync round (shared/sync/round.ts) talks to. The renderer implements
 * LocalStore over Dexie and TargetPort over the host bridge; the simulator and the tests
 * implement both in memory. Everything between them — what to send, what is new, what to
 * apply, when a cursor may move — is decided in shared/.
 */

export type Outcome<T> = { ok: true; value: T } | { ok: false; fault: SyncFault };

export interface ReadSegment {
  ref: SegmentRef;
  /** The segment's plaintext (the host decrypts), or why it could not be read. */
  result: { ok: true; text: string } | { ok: false; fault: SyncFault };
}

export interface TargetPort {
  /** Bring the target up to date (git: fetch and rebase) and list it. */
  list(): Promise<Outcome<TargetListing>>;
  /** Write this device's new segments and device file, then read the segments asked for. */
  exchange(request: {
    device: DeviceInfo;
    write: { first: number; last: number; text: string }[];
    read: SegmentRef[];
  }): Promise<Outcome<{ written: string[]; files: ReadSegment[] }>>;
}

/** Per target and per device: every op with seq ≤ the cursor has been applied here. */
export type Cursors = Record<string, number>;

/** Set on an op held because its stamp is far ahead (docs/sync-format.md#far-future-stamps). */
export interface ClockHold {
  /** Its device's name on the target, for the Sync dialog. */
  deviceName: string | null;
}

/** A valid op kept aside, not applied: from a newer app, or held for its stamp (`clock`). */
export interface PendingOp {
  op: OpEnvelope;
  reason: string;
  clock?: ClockHold;
}

/** `O`: the app's typed op (an envelope whose data passed its kind's schema). */
export interface LocalStore<O extends OpEnvelope = OpEnvelope> {
  /** This install: id, display name, creation time, app version, signing key (devices/<id>.json). */
  device(): Promise<DeviceInfo>;
  /** Other devices' keys as first seen (docs/sync-format.md#signatures), on any target. */
  pinnedKeys(): Promise<Record<string, DeviceTrust>>;
  /** Pin keys seen for the first time; a device already pinned keeps its first key. */
  pinKeys(pins: Record<string, DeviceTrust>): Promise<void>;
  /** This device's own ops with seq in [from, to], in seq order. */
  ownOps(from: number, to: number): Promise<OpEnvelope[]>;
  /** The highest seq this device has written (0 before its first op). */
  ownMaxSeq(): Promise<number>;
  /** Hashes of ops held locally with these ids (`<device>-<seq>`); a fork shows as a different hash. */
  hashesOf(ids: readonly string[]): Promise<Map<string, string[]>>;
  /**
   * Apply validated ops and keep pending ones (newer app version, far-ahead stamp) in ONE
   * transaction, and in that same transaction store the target's new progress: a crash leaves
   * either both or neither.
   * Both come as read (segment.ts OpLine): store them unchanged, fold what parseOp makes of them.
   */
  apply(batch: { ops: O[]; pending: PendingOp[]; target: string; progress: Progress }): Promise<{ applied: number; duplicates: number }>;
  /** How far this laptop has read the target (docs/sync-format.md#reading-a-segment). */
  progress(target: string): Promise<Progress>;
}
