import type { OpEnvelope, OpParser } from '../ops/envelope.ts';
import { parseHlc } from '../ops/hlc.ts';
import { parseSegmentName, segmentPath, type DeviceInfo, type SegmentRef } from './layout.ts';
import { advanceCursors, planPush, planRead, type SeqRange } from './plan.ts';
import type { Cursors, LocalStore, Outcome, ReadSegment, TargetPort } from './ports.ts';
import { decodeSegment, encodeSegment } from './segment.ts';
import type { SyncFault } from './wire.ts';

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
  /** New ops stamped further ahead of this laptop's clock than maxDriftMs: applied, but flagged. */
  future: { opId: string; hlc: string }[];
  /** The target's cursors as stored at the end of the round. */
  cursors: Cursors;
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

/** The ranges the host confirms it wrote, recognised by their file names. */
function confirmedWrites(me: string, writes: readonly { first: number; last: number }[], written: readonly string[]): (SeqRange & { device: string })[] {
  const names = new Set(written.map((path) => parseSegmentName(me, path.slice(path.lastIndexOf('/') + 1))).flatMap((ref) => (ref ? [`${ref.first}-${ref.last}`] : [])));
  return writes.filter((w) => names.has(`${w.first}-${w.last}`)).map((w) => ({ device: me, first: w.first, last: w.last }));
}

interface BatchContext<O extends OpEnvelope> {
  parseOp: OpParser<O>;
  store: LocalStore<O>;
  targetId: string;
  now: number;
  maxDriftMs: number;
  report: SyncReport;
}

/** Decode, check for forks and clock drift, and apply one exchange's files in one store call. Adds complete segments to `done`. */
async function applyFiles<O extends OpEnvelope>(ctx: BatchContext<O>, asked: readonly SegmentRef[], files: readonly ReadSegment[], done: (SeqRange & { device: string })[]) {
  const { report } = ctx;
  const byPath = new Map(asked.map((ref) => [ref.path, ref]));
  const ops: O[] = [];
  const pending: { op: OpEnvelope; reason: string }[] = [];
  const arrivals: { op: OpEnvelope; file: string; pending: boolean }[] = [];
  // Each segment's first op must chain onto the op before it, which may be held from an earlier round.
  const links: { op: OpEnvelope; file: string }[] = [];
  for (const file of files) {
    // Only what was asked for, each once: a transport repeating a file changes nothing.
    const ref = byPath.get(file.ref.path);
    if (!ref) continue;
    byPath.delete(ref.path);
    if (!file.result.ok) {
      report.problems.push({ file: ref.path, reason: file.result.fault.message });
      continue;
    }
    const segment = decodeSegment(ctx.parseOp, file.result.text, ref);
    report.problems.push(...segment.problems);
    if (segment.complete) done.push(ref);
    ops.push(...segment.ops);
    pending.push(...segment.pending);
    for (const op of segment.ops) arrivals.push({ op, file: ref.path, pending: false });
    for (const { op } of segment.pending) arrivals.push({ op, file: ref.path, pending: true });
    const head = [...segment.ops, ...segment.pending.map((p) => p.op)].find((op) => op.seq === ref.first);
    if (head && head.seq > 1) links.push({ op: head, file: ref.path });
  }

  const asks = [...arrivals.map((a) => a.op.id), ...links.map((l) => `${l.op.device}-${l.op.seq - 1}`)];
  const local = asks.length ? await ctx.store.hashesOf([...new Set(asks)]) : new Map<string, string[]>();
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
    const stamp = parseHlc(op.hlc);
    if (stamp && stamp.wall > ctx.now + ctx.maxDriftMs) report.future.push({ opId: op.id, hlc: op.hlc });
  }

  for (const { op, file } of links) {
    const before = held.get(`${op.device}-${op.seq - 1}`);
    // Nothing held for seq-1 yet (a gap): judged when it arrives, by this same check or verify.
    if (before && before.size > 0 && !before.has(op.prev ?? '')) {
      report.problems.push({ file, line: 1, reason: `broken chain: seq ${op.seq} does not follow the seq ${op.seq - 1} this laptop holds for device ${op.device} (two installs share a device id?); both are kept` });
    }
  }

  const cursors = advanceCursors(report.cursors, done);
  const moved = Object.keys(cursors).some((device) => cursors[device] !== report.cursors[device]);
  if (ops.length === 0 && pending.length === 0 && !moved) return;
  const result = await ctx.store.apply({ ops, pending, target: ctx.targetId, cursors });
  report.received += result.applied;
  report.duplicates += result.duplicates;
  report.cursors = cursors;
}

/**
 * One sync round with one target (docs/architecture.md#sync): list, push this laptop's new segments, read
 * what is new in batches, validate, apply. Bad remote data becomes problems in the report; a
 * fault in list or exchange ends the round before anything more is applied. Never throws for
 * anything a target holds.
 */
export async function runSyncRoundWith<O extends OpEnvelope>(parseOp: OpParser<O>, store: LocalStore<O>, port: TargetPort, targetId: string, options: SyncRoundOptions = {}): Promise<SyncReport> {
  const now = options.now ?? Date.now;
  const report: SyncReport = { ok: true, pushed: 0, received: 0, duplicates: 0, pending: 0, problems: [], future: [], cursors: await store.cursors(targetId) };
  const fail = (fault: SyncFault): SyncReport => ({ ...report, ok: false, fault });

  const listed = await guard(() => port.list());
  if (!listed.ok) return fail(listed.fault);
  const listing = listed.value;
  report.problems.push(...(listing.problems ?? []));
  const device: DeviceInfo = await store.device();
  const me = device.device;
  const push = planPush(listing, me, await store.ownMaxSeq(), options.maxOpsPerSegment);
  let toWrite = push.ok ? push.write : [];
  const readBatch = Math.max(1, options.readBatch ?? DEFAULT_READ_BATCH);
  const readPaths = new Set<string>();
  // Ranges known whole this round: complete segments read, and our own segments written (we
  // know their content). Kept across batches: a cursor may reach one only in a later batch.
  const done: (SeqRange & { device: string })[] = [];

  for (let exchanges = 0; ; exchanges += 1) {
    const write = await encodeWrites(store, me, toWrite.slice(0, WRITES_PER_EXCHANGE), report);
    toWrite = toWrite.slice(WRITES_PER_EXCHANGE);
    const read = planRead(listing, report.cursors, { skip: readPaths, maxSegments: readBatch });
    // One exchange even when idle: it also (re)writes this laptop's device file.
    if (exchanges > 0 && write.length === 0 && read.length === 0 && toWrite.length === 0) break;
    for (const ref of read) readPaths.add(ref.path);
    const exchanged = await guard(() => port.exchange({ device, write, read }));
    if (!exchanged.ok) return fail(exchanged.fault);
    for (const range of confirmedWrites(me, write, exchanged.value.written)) {
      report.pushed += range.last - range.first + 1;
      done.push(range);
    }
    await applyFiles({ parseOp, store, targetId, now: now(), maxDriftMs: options.maxDriftMs ?? DAY_MS, report }, read, exchanged.value.files, done);
  }
  return push.ok ? report : fail(push.fault);
}
