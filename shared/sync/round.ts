import type { OpEnvelope, OpParser } from '../ops/envelope.ts';
import { farAheadOf } from '../ops/hlc.ts';
import { attributeOrigins, CLOCK_HOLD_REASON, type FarAhead } from './farAhead.ts';
import { segmentFileName, segmentPath, type DeviceInfo, type SegmentRef, type TargetListing } from './layout.ts';
import { advanceCursors, freshRanges, isTaken, mergeRanges, planPush, planRead, uncovered, type Progress, type SeqRange } from './plan.ts';
import type { Cursors, LocalStore, Outcome, PendingOp, ReadSegment, TargetPort } from './ports.ts';
import { decodeSegment, encodeSegment } from './segment.ts';
import { planTrust } from './trust.ts';
import type { SyncFault } from './wire.ts';
import type { DeviceTrust } from '../ops/signature.ts';

export interface SyncProblem {
  file: string;
  line?: number;
  reason: string;
}

export interface SyncReport {
  /** False when a fault stopped the round (or a fork stopped pushing); problems alone keep it true. */
  ok: boolean;
  fault?: SyncFault;
  /** Own ops written to the target this round. */
  pushed: number;
  /** Ops new to this laptop, applied this round. */
  received: number;
  duplicates: number;
  /** Ops from a newer app, new to this laptop, kept aside. */
  pending: number;
  problems: SyncProblem[];
  /** New ops stamped further ahead of this laptop's clock than maxDriftMs: held in pending (not applied), flagged with the device whose clock is wrong. */
  future: FarAhead[];
  /** The target's cursors as stored at the end of the round. */
  cursors: Cursors;
  /** Runs taken past each cursor (plan.ts Progress). */
  beyond: Progress['beyond'];
  /**
   * This laptop's own ops the target holds byte-identical (hash for hash with our chain), as
   * read back: seqs 1..ownVerified all are. Below ownMaxSeq the laptop is not in step.
   */
  ownVerified: number;
  /** This laptop's highest seq when the round started. */
  ownMaxSeq: number;
  /** New ops applied (or kept) per device that publishes no signing key: nothing vouches for who wrote them. */
  unverified: Record<string, number>;
}

export interface SyncRoundOptions {
  now?: () => number;
  maxDriftMs?: number;
  /** Segments read per exchange; each batch is applied in one store transaction. */
  readBatch?: number;
  maxOpsPerSegment?: number;
}

const DAY_MS = 86_400_000;
const DEFAULT_READ_BATCH = 50;
/** The bridge accepts up to 1000 writes per exchange (wire.ts); stay well below. */
const WRITES_PER_EXCHANGE = 100;

/** A throwing transport is a bug, but bad luck with a target must never crash a round. */
async function guard<T>(call: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await call();
  } catch (error) {
    return { ok: false, fault: { code: 'unreachable', message: `The sync target could not be used: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

/** Own ops for each planned range; a range this laptop cannot produce whole is not sent. */
async function encodeWrites(store: LocalStore<OpEnvelope>, me: string, ranges: readonly SeqRange[], report: SyncReport) {
  const writes: { first: number; last: number; text: string }[] = [];
  for (const { first, last } of ranges) {
    const ops = await store.ownOps(first, last);
    if (ops.length !== last - first + 1 || ops.some((op, i) => op.seq !== first + i)) {
      report.problems.push({ file: segmentPath(me, first, last, false), reason: `this laptop cannot find all of its own ops seq ${first}–${last}; they were not sent` });
      continue;
    }
    writes.push({ first, last, text: encodeSegment(ops) });
  }
  return writes;
}

interface RoundState<O extends OpEnvelope> {
  parseOp: OpParser<O>;
  store: LocalStore<O>;
  targetId: string;
  me: string;
  ownMaxSeq: number;
  now: number;
  maxDriftMs: number;
  /** Device names from the target's device files. */
  names: Map<string, string>;
  report: SyncReport;
  progress: Progress;
  /** Own seqs read back from the target with a hash other than our chain's: another install's. */
  forked: SeqRange[];
  /** Own seqs a file of ours claims but does not hold intact: to be written again under a new name. */
  republish: SeqRange[];
  /** The key each device's ops are checked against (trust.ts). */
  trust: Map<string, DeviceTrust>;
}

/** Seqs of our own chain by hash, for reading our files back. */
async function ownHashes<O extends OpEnvelope>(state: RoundState<O>, first: number, last: number): Promise<Map<number, string>> {
  const upper = Math.min(last, state.ownMaxSeq);
  if (upper < first) return new Map();
  return new Map((await state.store.ownOps(first, upper)).map((op) => [op.seq, op.hash]));
}

/**
 * One of our own files, read back: which of its seqs the target holds exactly as we wrote them
 * (taken), which it holds as another install's op (a fork), and which it claims but lacks or
 * holds damaged (to be written again).
 */
async function judgeOwn<O extends OpEnvelope>(state: RoundState<O>, ref: SegmentRef, held: readonly OpEnvelope[], taken: (SeqRange & { device: string })[]): Promise<Set<string>> {
  const mine = await ownHashes(state, Math.min(ref.first, ...held.map((op) => op.seq)), Math.max(ref.last, ...held.map((op) => op.seq)));
  const good: SeqRange[] = [];
  const ours = new Set<string>();
  for (const op of held) {
    if (mine.get(op.seq) === op.hash) {
      good.push({ first: op.seq, last: op.seq });
      ours.add(op.hash);
    } else state.forked.push({ first: op.seq, last: op.seq });
  }
  for (const range of mergeRanges(good)) taken.push({ device: state.me, ...range });
  const claimed = { first: ref.first, last: Math.min(ref.last, state.ownMaxSeq) };
  if (claimed.first <= claimed.last) state.republish.push(...uncovered(claimed.first, claimed.last, [...good, ...state.forked]));
  return ours;
}

/** Decode, check for forks and clock drift, and apply one exchange's files in one store call. */
async function applyFiles<O extends OpEnvelope>(state: RoundState<O>, asked: readonly SegmentRef[], files: readonly ReadSegment[]) {
  const { report } = state;
  const farAhead = farAheadOf(state.now, state.maxDriftMs);
  const byPath = new Map(asked.map((ref) => [ref.path, ref]));
  const ops: O[] = [];
  const pending: PendingOp[] = [];
  const arrivals: { op: OpEnvelope; file: string; pending: boolean }[] = [];
  const taken: (SeqRange & { device: string })[] = [];
  // Each run's first op must chain onto the op before it, which may be held from an earlier round.
  const links: { op: OpEnvelope; file: string }[] = [];
  for (const file of files) {
    // Only what was asked for, each once: a transport repeating a file changes nothing.
    const ref = byPath.get(file.ref.path);
    if (!ref) continue;
    byPath.delete(ref.path);
    if (!file.result.ok) {
      report.problems.push({ file: ref.path, reason: file.result.fault.message });
      // A file of ours that cannot be read (refused, vanished) delivers nothing: write its seqs again.
      if (ref.device === state.me && ref.first <= state.ownMaxSeq) state.republish.push({ first: ref.first, last: Math.min(ref.last, state.ownMaxSeq) });
      continue;
    }
    const segment = decodeSegment(state.parseOp, file.result.text, ref, state.trust.get(ref.device) ?? null);
    report.problems.push(...segment.problems);
    const all = [...segment.ops, ...segment.pending.map((p) => p.op)];
    // Our own ops, read back as we wrote them, are held already: only another install's are news.
    const ours = ref.device === state.me ? await judgeOwn(state, ref, all, taken) : new Set<string>();
    if (ref.device !== state.me) for (const run of segment.runs) taken.push({ device: ref.device, ...run });
    for (const op of segment.ops) {
      if (ours.has(op.hash)) continue;
      ops.push(op);
      arrivals.push({ op, file: ref.path, pending: false });
    }
    for (const item of segment.pending) {
      if (ours.has(item.op.hash)) continue;
      pending.push(item);
      arrivals.push({ op: item.op, file: ref.path, pending: true });
    }
    for (const run of segment.runs) {
      const head = all.find((op) => op.seq === run.first);
      if (head && head.seq > 1) links.push({ op: head, file: ref.path });
    }
  }

  const asks = [...arrivals.map((a) => a.op.id), ...links.map((l) => `${l.op.device}-${l.op.seq - 1}`)];
  const local = asks.length ? await state.store.hashesOf([...new Set(asks)]) : new Map<string, string[]>();
  const held = new Map([...local].map(([id, hashes]) => [id, new Set(hashes)]));
  for (const { op, file, pending: isPending } of arrivals) {
    const hashes = held.get(op.id) ?? new Set<string>();
    if (hashes.has(op.hash)) continue;
    if (hashes.size > 0) {
      report.problems.push({ file, reason: `fork: device ${op.device} seq ${op.seq} differs from the op already held under that id (two installs share a device id?); both are kept` });
    }
    hashes.add(op.hash);
    held.set(op.id, hashes);
    if (isPending) report.pending += 1;
    if (!state.trust.has(op.device)) report.unverified[op.device] = (report.unverified[op.device] ?? 0) + 1;
    if (farAhead(op.hlc)) {
      const name = state.names.get(op.device) ?? null;
      report.future.push({ opId: op.id, hlc: op.hlc, device: { id: op.device, name }, origin: null });
      // Held, not applied: it would win every register until its time (a known one is held or accepted already).
      if (!isPending) pending.push({ op, reason: CLOCK_HOLD_REASON, clock: { deviceName: name } });
    }
  }
  report.future = attributeOrigins(report.future, state.names);

  for (const { op, file } of links) {
    const before = held.get(`${op.device}-${op.seq - 1}`);
    // Nothing held for seq-1 yet (a gap): judged when it arrives, by this same check or verify.
    if (before && before.size > 0 && !before.has(op.prev ?? '')) {
      report.problems.push({ file, line: 1, reason: `broken chain: seq ${op.seq} does not follow the seq ${op.seq - 1} this laptop holds for device ${op.device} (two installs share a device id?); both are kept` });
    }
  }

  const progress = advanceCursors(state.progress, taken);
  const moved = JSON.stringify(progress) !== JSON.stringify(state.progress);
  if (ops.length === 0 && pending.length === 0 && !moved) return;
  const result = await state.store.apply({ ops: ops.filter((op) => !farAhead(op.hlc)), pending, target: state.targetId, progress });
  report.received += result.applied;
  report.duplicates += result.duplicates;
  state.progress = progress;
}

/** Our own files the round has not judged yet: read before anything is written, so a fork is seen first. */
function unjudgedOwn(listing: TargetListing, progress: Progress, me: string): boolean {
  return listing.segments.some((s) => s.device === me && !isTaken(progress, me, s.first, s.last));
}

function forkFault(me: string, forked: readonly SeqRange[]): SyncFault {
  const seqs = mergeRanges(forked).map((r) => (r.first === r.last ? `${r.first}` : `${r.first}–${r.last}`)).join(', ');
  return {
    code: 'fork',
    message: `Another install is writing under this laptop's device id ${me} (a copied profile?): the target holds other changes as seq ${seqs}. Nothing more was sent; give this laptop a new identity to deliver its changes.`,
  };
}

/**
 * One sync round with one target (docs/architecture.md#sync): list, read back what is ours and
 * new from others in batches, write what the target lacks of ours, validate, apply. Every file is
 * judged by its content, never its name. Bad remote data becomes problems in the report; a fault
 * in list or exchange ends the round before anything more is applied. Never throws for anything
 * a target holds.
 */
export async function runSyncRoundWith<O extends OpEnvelope>(parseOp: OpParser<O>, store: LocalStore<O>, port: TargetPort, targetId: string, options: SyncRoundOptions = {}): Promise<SyncReport> {
  const now = options.now ?? Date.now;
  const start = await store.progress(targetId);
  const ownMaxSeq = await store.ownMaxSeq();
  const device: DeviceInfo = await store.device();
  const me = device.device;
  const report: SyncReport = { ok: true, pushed: 0, received: 0, duplicates: 0, pending: 0, problems: [], future: [], cursors: start.cursors, beyond: start.beyond, ownVerified: 0, ownMaxSeq, unverified: {} };
  const state: RoundState<O> = { parseOp, store, targetId, me, ownMaxSeq, now: now(), maxDriftMs: options.maxDriftMs ?? DAY_MS, names: new Map(), report, progress: start, forked: [], republish: [], trust: new Map() };
  const finish = (fault?: SyncFault): SyncReport => {
    const { cursors, beyond } = state.progress;
    return { ...report, cursors, beyond, ownVerified: Math.min(ownMaxSeq, cursors[me] ?? 0), ...(fault ? { ok: false, fault } : {}) };
  };

  const listed = await guard(() => port.list());
  if (!listed.ok) return finish(listed.fault);
  const listing = listed.value;
  report.problems.push(...(listing.problems ?? []));
  state.names = new Map(listing.devices.map((info) => [info.device, info.name]));
  const trust = planTrust(device, listing.devices, await store.pinnedKeys());
  report.problems.push(...trust.problems);
  // Pinned before anything signed with a new key is applied: a crash in between only pins early.
  if (Object.keys(trust.pin).length > 0) await store.pinKeys(trust.pin);
  state.trust = trust.trust;
  const encrypted = listing.encrypted === true;
  const size = options.maxOpsPerSegment ?? 1000;
  const ownNames = new Set(listing.segments.filter((s) => s.device === me).map((s) => segmentFileName(s.first, s.last, s.encrypted)));
  let toWrite = planPush(listing, me, ownMaxSeq, size).write;
  const readBatch = Math.max(1, options.readBatch ?? DEFAULT_READ_BATCH);
  const readPaths = new Set<string>();
  const republished: SeqRange[] = [];

  for (let exchanges = 0; ; exchanges += 1) {
    const read = planRead(listing, state.progress, { skip: readPaths, maxSegments: readBatch });
    for (const ref of read) readPaths.add(ref.path);
    // Our own files not judged yet are read before anything is written, so a fork shows first;
    // once one has, nothing more is written.
    const unread = { ...listing, segments: listing.segments.filter((s) => !readPaths.has(s.path)) };
    const holdWrites = state.forked.length > 0 || read.some((ref) => ref.device === me) || unjudgedOwn(unread, state.progress, me);
    const write = holdWrites ? [] : await encodeWrites(store, me, toWrite.slice(0, WRITES_PER_EXCHANGE), report);
    if (!holdWrites) toWrite = toWrite.slice(WRITES_PER_EXCHANGE);
    // One exchange even when idle: it also (re)writes this laptop's device file.
    if (exchanges > 0 && write.length === 0 && read.length === 0) break;
    // What we write is read back in the same exchange: only a byte-identical copy counts as sent.
    const readBack = write.map(({ first, last }): SegmentRef => ({ device: me, first, last, encrypted, path: segmentPath(me, first, last, encrypted) }));
    for (const ref of readBack) ownNames.add(segmentFileName(ref.first, ref.last, encrypted));
    const exchanged = await guard(() => port.exchange({ device, write, read: [...read, ...readBack] }));
    if (!exchanged.ok) return finish(exchanged.fault);
    const prior = state.progress;
    await applyFiles(state, [...read, ...readBack], exchanged.value.files);
    report.pushed += countTaken(state.progress, me, write) - countTaken(prior, me, write);
    if (state.republish.length > 0 && state.forked.length === 0) {
      // Seqs a file of ours claims but lacks: written again under names not used yet.
      const { cursors, beyond } = state.progress;
      // Each seq at most once a round: a target that mangles every copy must not loop us.
      const missing = mergeRanges(state.republish).flatMap((r) => uncovered(r.first, r.last, [{ first: 1, last: cursors[me] ?? 0 }, ...(beyond[me] ?? []), ...republished]));
      republished.push(...missing);
      toWrite = [...toWrite, ...freshRanges(missing, ownNames, size, ownMaxSeq)];
      state.republish = [];
    }
  }
  return state.forked.length > 0 ? finish(forkFault(me, state.forked)) : finish();
}

/** How many seqs of `ranges` the progress has taken for `device`. */
function countTaken(progress: Progress, device: string, ranges: readonly SeqRange[]): number {
  let count = 0;
  for (const { first, last } of ranges) for (let seq = first; seq <= last; seq += 1) if (isTaken(progress, device, seq, seq)) count += 1;
  return count;
}
