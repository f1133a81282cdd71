import { createOp, type OpIntent, type Op, type Doc, foldOps } from '../../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../../shared/ops/createOp.ts';
import type { OpEnvelope } from '../../../shared/ops/envelope.ts';
import { farAheadOf, parseHlc, receive } from '../../../shared/ops/hlc.ts';
import type { DeviceInfo } from '../../../shared/sync/layout.ts';
import type { Progress } from '../../../shared/sync/plan.ts';
import type { Cursors, LocalStore, PendingOp } from '../../../shared/sync/ports.ts';
import { canonicalJson } from '../../../shared/util/canonicalJson.ts';
import { signerOf, type DeviceTrust, type SigningKey } from '../../../shared/ops/signature.ts';
import { testSigningKey } from './keys.ts';

/** A replica's state in a form that compares byte for byte. */
export function snapshot(docs: Map<string, Doc>): string {
  return canonicalJson(Object.fromEntries([...docs.entries()].sort(([a], [b]) => (a < b ? -1 : 1))));
}

export interface MemoryStoreOptions {
  /** The simulation's true time; this laptop's clock reads it plus skewMs. */
  now: () => number;
  skewMs?: number;
  maxDriftMs?: number;
  name?: string;
  /** False: a device from before signing (no key, unsigned ops). */
  signs?: boolean;
}

/** LocalStore in memory: ops by hash, pending aside, cursors per target, its own chain and clock. */
export class MemoryStore implements LocalStore<Op> {
  readonly ops = new Map<string, Op>();
  readonly pendingOps = new Map<string, PendingOp>();
  private readonly own: OpEnvelope[] = [];
  private readonly idIndex = new Map<string, Set<string>>();
  private readonly targetProgress = new Map<string, Progress>();
  private state: DeviceState;
  private key: SigningKey | null;
  readonly pins = new Map<string, DeviceTrust>();
  skewMs: number;
  applyCalls = 0;

  constructor(
    public id: string,
    private readonly options: MemoryStoreOptions,
  ) {
    this.state = freshDeviceState(id);
    this.key = options.signs === false ? null : testSigningKey(id);
    this.skewMs = options.skewMs ?? 0;
  }

  /** This laptop's wall clock. */
  now(): number {
    return this.options.now() + this.skewMs;
  }

  /** A local change: the next op of this device's chain. */
  make(intent: OpIntent): Op {
    const { op, state } = createOp(this.state, intent, this.now(), this.key ? signerOf(this.key) : undefined);
    this.state = state;
    this.own.push(op);
    this.hold(op);
    return op;
  }

  /** A copied profile: another install with this one's data, device id included. */
  copy(name: string): MemoryStore {
    const twin = new MemoryStore(this.id, { ...this.options, name });
    for (const [hash, op] of this.ops) twin.ops.set(hash, op);
    for (const [hash, item] of this.pendingOps) twin.pendingOps.set(hash, item);
    for (const [id, hashes] of this.idIndex) twin.idIndex.set(id, new Set(hashes));
    for (const [target, progress] of this.targetProgress) twin.targetProgress.set(target, structuredClone(progress));
    twin.own.push(...this.own);
    twin.state = { ...this.state };
    twin.key = this.key;
    for (const [device, trust] of this.pins) twin.pins.set(device, trust);
    twin.skewMs = this.skewMs;
    return twin;
  }

  /**
   * The copied-profile remedy (renderer/db/newIdentity.ts): a new device id, and this install's
   * stranded ops — past what the target holds as read back, or twinned by another install's op —
   * recorded again under it; the stranded originals are dropped (no one else holds them).
   */
  takeNewIdentity(newId: string, verified: number, now: number): { dropped: string[]; reissued: string[] } {
    const stranded = this.own.filter((op) => op.seq > verified || (this.idIndex.get(op.id)?.size ?? 0) > 1);
    let state = { ...freshDeviceState(newId), clock: this.state.clock };
    const reissued: Op[] = [];
    this.key = this.key ? testSigningKey(newId) : null;
    for (const op of stranded) {
      const made = createOp(state, { actor: op.actor, incident: op.incident, kind: op.kind, data: op.data } as OpIntent, now, this.key ? signerOf(this.key) : undefined);
      state = made.state;
      reissued.push(made.op);
    }
    for (const op of stranded) {
      this.ops.delete(op.hash);
      this.idIndex.get(op.id)?.delete(op.hash);
    }
    this.id = newId;
    this.own.length = 0;
    this.own.push(...reissued);
    this.state = state;
    for (const op of reissued) this.hold(op);
    for (const progress of this.targetProgress.values()) delete progress.cursors[newId];
    return { dropped: stranded.map((op) => op.hash), reissued: reissued.map((op) => op.hash) };
  }

  /** A copied profile: the next op of this store's chain as another install wrote it. */
  adopt(op: OpEnvelope): void {
    const stamp = parseHlc(op.hlc);
    this.state = { ...this.state, seq: op.seq, head: op.hash, clock: stamp ? { wall: stamp.wall, counter: stamp.counter } : this.state.clock };
    this.own.push(op);
    this.hold(op as Op);
  }

  private hold(op: Op): boolean {
    if (this.ops.has(op.hash)) return false;
    this.ops.set(op.hash, op);
    this.index(op);
    return true;
  }

  private index(op: OpEnvelope): void {
    const hashes = this.idIndex.get(op.id) ?? new Set<string>();
    hashes.add(op.hash);
    this.idIndex.set(op.id, hashes);
  }

  async device(): Promise<DeviceInfo> {
    const key = this.key ? { key: this.key.publicKey, signedFrom: 1 } : {};
    return { device: this.id, name: this.options.name ?? `laptop ${this.id.slice(0, 4)}`, createdAt: '2026-11-23T08:00:00.000Z', app: 'test', ...key };
  }

  async pinnedKeys(): Promise<Record<string, DeviceTrust>> {
    return Object.fromEntries(this.pins);
  }

  async pinKeys(pins: Record<string, DeviceTrust>): Promise<void> {
    for (const [device, trust] of Object.entries(pins)) if (!this.pins.has(device)) this.pins.set(device, trust);
  }

  async ownOps(from: number, to: number): Promise<OpEnvelope[]> {
    return this.own.slice(Math.max(0, from - 1), Math.max(0, to));
  }

  async ownMaxSeq(): Promise<number> {
    return this.state.seq;
  }

  async hashesOf(ids: readonly string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    for (const id of ids) {
      const hashes = this.idIndex.get(id);
      if (hashes) found.set(id, [...hashes]);
    }
    return found;
  }

  private get maxDrift(): number {
    return this.options.maxDriftMs ?? 86_400_000;
  }

  private receiveOp(op: Op): boolean {
    if (!this.hold(op)) return false;
    const stamp = parseHlc(op.hlc);
    // Receiving never moves our clock backwards, nor drags it far into the future.
    if (stamp) this.state = { ...this.state, clock: receive(this.state.clock, stamp, this.now(), this.maxDrift) };
    return true;
  }

  async apply(batch: Parameters<LocalStore<Op>['apply']>[0]): Promise<{ applied: number; duplicates: number }> {
    this.applyCalls += 1;
    let applied = 0;
    let duplicates = 0;
    for (const op of batch.ops) {
      if (this.receiveOp(op)) applied += 1;
      else duplicates += 1;
    }
    for (const item of batch.pending) {
      if (this.pendingOps.has(item.op.hash)) continue;
      this.pendingOps.set(item.op.hash, item);
      this.index(item.op);
    }
    this.targetProgress.set(batch.target, structuredClone(batch.progress));
    return { applied, duplicates };
  }

  /**
   * What the app's replayPending does after each round: apply the ops held for their stamp whose
   * time has come (within the drift), and those a person accepts.
   */
  release(accept: (op: OpEnvelope) => boolean = () => false): number {
    let released = 0;
    const farAhead = farAheadOf(this.now(), this.maxDrift);
    for (const [hash, item] of this.pendingOps) {
      if (!item.clock || (farAhead(item.op.hlc) && !accept(item.op))) continue;
      this.pendingOps.delete(hash);
      // Held ops passed the kind's schema when they were read: they are this app's ops.
      this.receiveOp(item.op as Op);
      released += 1;
    }
    return released;
  }

  /** This laptop's HLC wall time (for checks that a receive never drags it ahead). */
  clockWall(): number {
    return this.state.clock.wall;
  }

  async progress(target: string): Promise<Progress> {
    return structuredClone(this.targetProgress.get(target) ?? { cursors: {}, beyond: {} });
  }

  async cursors(target: string): Promise<Cursors> {
    return (await this.progress(target)).cursors;
  }

  /** A lost or reset cursor table: everything is read (and delivered) again. */
  forgetCursors(target: string): void {
    this.targetProgress.delete(target);
  }

  opCount(): number {
    return this.ops.size + this.pendingOps.size;
  }

  /** Every op and pending op held, as sorted hashes. */
  opSet(): string[] {
    return [...this.ops.keys(), ...this.pendingOps.keys()].sort();
  }

  /** Materialized state, canonical JSON. */
  snapshot(): string {
    return snapshot(foldOps(this.ops.values()));
  }

  /** The seqs of `device` held here (for cursor-safety checks). */
  seqsOf(device: string): Set<number> {
    const seqs = new Set<number>();
    for (const op of [...this.ops.values(), ...[...this.pendingOps.values()].map((p) => p.op)]) if (op.device === device) seqs.add(op.seq);
    return seqs;
  }
}
