import fc from 'fast-check';
import { type OpIntent, runSyncRound } from '../../../shared/entities/index.ts';
import { type SyncReport } from '../../../shared/sync/round.ts';
import { historyArb } from './opScripts.ts';
import { segmentPath } from '../../../shared/sync/layout.ts';
import { MemoryArchive, type MemoryTarget } from './memoryTarget.ts';
import { MemoryStore } from './memoryStore.ts';

/**
 * A seeded multi-device sync simulator: random local ops, sync rounds, offline spells, files
 * that arrive late or half-copied, duplicate deliveries, lost cursors and skewed clocks (in some
 * seeds one laptop's clock is years ahead: its ops are held until accepted), a
 * copied profile (two installs, one device id), hostile files (misnamed copies, garbage, files
 * the host refuses to read such as symlinks and FIFOs) and hand-made foreign edits in one
 * laptop's clone that never reach the others — then everyone syncs until quiet (an install
 * whose changes lost to its twin takes a new identity, as the Sync dialog offers) and must
 * hold the same ops and the same state.
 */

const TARGET = 'sim';
const DAY = 86_400_000;
const YEAR = 365 * DAY;
const START = Date.UTC(2026, 10, 23, 8, 0, 0);

/** Tiny seeded PRNG (mulberry32): the whole schedule follows from the seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Peer {
  label: string;
  store: MemoryStore;
  port: MemoryTarget;
  options: { readBatch: number; maxOpsPerSegment: number };
}

/** Intents from the fold tests' generator (opScripts), replayed by whichever device acts. */
function intentsFor(seed: number, count: number): OpIntent[] {
  const [ops] = fc.sample(historyArb(count, count), { seed, numRuns: 1 });
  return (ops ?? []).map(({ actor, incident, kind, data }) => ({ actor, incident, kind, data }) as OpIntent);
}

const hours = (ms: number) => `${ms >= 0 ? '+' : ''}${(ms / 3_600_000).toFixed(1)}h`;

/** Runs one seed; returns null when every device converged, else a message naming the seed. */
export type SimStats = Record<'ops' | 'rounds' | 'failedRounds' | 'offline' | 'outages' | 'forgets' | 'dupes' | 'lost' | 'delayed' | 'truncated' | 'hostile' | 'copies' | 'edits' | 'forks' | 'released', number>;

export async function simulate(seed: number, observe?: (stats: SimStats) => void): Promise<string | null> {
  const rng = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const archive = new MemoryArchive();
  archive.time = START;
  const stats: SimStats = { ops: 0, rounds: 0, failedRounds: 0, offline: 0, outages: 0, forgets: 0, dupes: 0, lost: 0, delayed: 0, truncated: 0, hostile: 0, copies: 0, edits: 0, forks: 0, released: 0 };
  /** Paths of files no honest writer made: a problem about them is expected, every round. */
  const hostile = new Set<string>();
  const newId = () => Array.from({ length: 16 }, () => int(0, 15).toString(16)).join('');
  const trace: string[] = [];

  archive.delivery = (_path, text) => {
    const roll = rng();
    if (roll < 0.2) {
      stats.delayed += 1;
      const at = archive.time + int(1, 300_000);
      return { visibleAt: at, completeAt: at, cut: 0 };
    }
    if (roll < 0.4) {
      stats.truncated += 1;
      return { visibleAt: archive.time, completeAt: archive.time + int(1, 600_000), cut: int(0, Math.max(0, text.length - 1)) };
    }
    return { visibleAt: archive.time, completeAt: archive.time, cut: 0 };
  };

  const ids = new Set<string>();
  const deviceCount = int(2, 4);
  while (ids.size < deviceCount) ids.add(newId());
  const peers: Peer[] = [...ids].map((id, i) => ({
    label: String.fromCharCode(97 + i),
    store: new MemoryStore(id, { now: () => archive.time, skewMs: int(-DAY, DAY) }),
    port: archive.port(id),
    options: { readBatch: int(1, 4), maxOpsPerSegment: int(1, 6) },
  }));
  // Its own dice, so that every other schedule stays what it was for this seed.
  const clockDice = mulberry32(seed ^ 0x2036);
  const farAhead = clockDice() < 0.25 ? peers[Math.floor(clockDice() * peers.length)] : undefined;
  if (farAhead) farAhead.store.skewMs = Math.round((1 + clockDice() * 9) * YEAR);
  const intents = intentsFor(seed, int(10, 80));
  const created = new Set<string>();

  const summary = () =>
    `${peers.length} devices (skew ${peers.map((p) => hours(p.store.skewMs)).join(' ')}; readBatch ${peers.map((p) => p.options.readBatch).join('/')}; ` +
    `segment ${peers.map((p) => p.options.maxOpsPerSegment).join('/')}); ${stats.ops} ops, ${stats.rounds} rounds (${stats.failedRounds} failed), ` +
    `${stats.offline} offline toggles, ${stats.outages} target outages, ${stats.forgets} lost cursors, ${stats.dupes} duplicate toggles, ` +
    `${stats.lost} lost exchanges, ${stats.delayed} delayed + ${stats.truncated} half-copied files, ${stats.hostile} hostile files, ` +
    `${stats.copies} copied profiles (${stats.forks} new identities), ${stats.edits} foreign edits; ${stats.released} held ops released; trace: ${trace.join(' ').slice(0, 400)}`;
  const failure = (what: string) => `seed ${seed}: ${what}\n    schedule: ${summary()}`;

  /** A cursor may only pass seqs this store really holds. */
  const cursorsSafe = async (peer: Peer): Promise<string | null> => {
    const cursors = await peer.store.cursors(TARGET);
    for (const [device, cursor] of Object.entries(cursors)) {
      const seqs = peer.store.seqsOf(device);
      for (let s = 1; s <= cursor; s += 1) if (!seqs.has(s)) return `${peer.label}'s cursor for ${device} is ${cursor} but seq ${s} is missing`;
    }
    return null;
  };

  /** Two installs sharing one id: a round of either may end in fault `fork`, by design. */
  const shared = (peer: Peer) => peers.filter((p) => p.store.id === peer.store.id).length > 1;
  /** Every id a laptop whose clock is years ahead has written under. */
  const farIds = new Set(farAhead ? [farAhead.store.id] : []);
  /**
   * No receive drags a clock more than the drift ahead; no laptop applies another's op stamped
   * years ahead; a far-ahead op is blamed on a laptop whose clock really is over a day ahead of
   * this one's (a stamp's time is its originator's reading: wall = then + skew ≤ now + skew).
   */
  const clocksSane = (peer: Peer, report: SyncReport): string | null => {
    if (peer.store.clockWall() > peer.store.now() + DAY) return `${peer.label}'s clock was dragged to ${new Date(peer.store.clockWall()).toISOString()}`;
    if (peer.store.skewMs < YEAR && [...peer.store.ops.values()].some((op) => farIds.has(op.device))) return `${peer.label} applied an op stamped years ahead`;
    for (const { opId, origin } of report.future) {
      const blamed = origin ? peers.find((p) => p.store.id === origin.id) : undefined;
      if (blamed && blamed.store.skewMs - peer.store.skewMs <= DAY) return `${peer.label} blamed ${blamed.label} (skew ${hours(blamed.store.skewMs)}) for ${opId}; its own skew is ${hours(peer.store.skewMs)}`;
    }
    return null;
  };

  const round = async (peer: Peer): Promise<{ report: SyncReport } | { error: string }> => {
    const unreachable = peer.port.offline || archive.offline;
    const losing = peer.port.failNextExchange !== null;
    const before = { count: peer.store.opCount(), cursors: JSON.stringify(await peer.store.cursors(TARGET)) };
    let report: SyncReport;
    try {
      report = await runSyncRound(peer.store, peer.port, TARGET, { now: () => peer.store.now(), ...peer.options });
    } catch (error) {
      return { error: `round of ${peer.label} threw ${error instanceof Error ? error.stack : String(error)}` };
    }
    stats.rounds += 1;
    if (!report.ok) stats.failedRounds += 1;
    if (unreachable) {
      if (report.ok || report.fault?.code !== 'unreachable') return { error: `${peer.label} synced while offline` };
      if (peer.store.opCount() !== before.count || JSON.stringify(await peer.store.cursors(TARGET)) !== before.cursors) return { error: `an offline round changed ${peer.label}` };
    } else if (!report.ok && !(losing && report.fault?.code === 'write-failed' && report.fault.message === 'lost') && !(report.fault?.code === 'fork' && shared(peer))) {
      return { error: `${peer.label}'s round failed: ${JSON.stringify(report.fault)}` };
    }
    // The hand edit is set aside by the clone's repair: the next round sees the target again.
    archive.localEdits.delete(peer.store.id);
    if (report.ok && report.ownVerified !== report.ownMaxSeq && !unreachable) {
      return { error: `${peer.label}'s round succeeded but the target holds only ${report.ownVerified} of its ${report.ownMaxSeq} ops as written` };
    }
    const unsafe = await cursorsSafe(peer);
    if (unsafe) return { error: unsafe };
    // As the app does after every round: apply the held ops whose time has come.
    stats.released += peer.store.release();
    const clocks = clocksSane(peer, report);
    return clocks ? { error: clocks } : { report };
  };

  const steps = int(40, 160);
  for (let step = 0; step < steps; step += 1) {
    archive.time += int(1, 90_000);
    const peer = peers[int(0, peers.length - 1)]!;
    const roll = rng();
    if (roll < 0.4) {
      const intent = intents.shift();
      if (!intent) continue;
      created.add(peer.store.make(intent).hash);
      stats.ops += 1;
      trace.push(`${peer.label}+`);
    } else if (roll < 0.8) {
      const result = await round(peer);
      if ('error' in result) return failure(result.error);
      trace.push(`${peer.label}${result.report.ok ? '>' : '×'}`);
    } else if (roll < 0.87) {
      peer.port.offline = !peer.port.offline;
      stats.offline += 1;
      trace.push(`${peer.label}${peer.port.offline ? ':off' : ':on'}`);
    } else if (roll < 0.9) {
      archive.offline = !archive.offline;
      stats.outages += 1;
      trace.push(archive.offline ? 'T:off' : 'T:on');
    } else if (roll < 0.93) {
      peer.store.forgetCursors(TARGET);
      stats.forgets += 1;
      trace.push(`${peer.label}:forget`);
    } else if (roll < 0.95) {
      peer.port.duplicateReads = !peer.port.duplicateReads;
      peer.port.duplicateListing = peer.port.duplicateReads;
      stats.dupes += 1;
      trace.push(`${peer.label}:dup`);
    } else if (roll < 0.965) {
      const path = plantHostile(archive, rng, peers.map((p) => p.store.id));
      if (path) {
        hostile.add(path);
        stats.hostile += 1;
        trace.push('H');
      }
    } else if (roll < 0.975) {
      if (stats.copies === 0 && rng() < 0.5) {
        const copy = peer.store.copy(`${peer.label}'`);
        peers.push({ label: `${peer.label}'`, store: copy, port: archive.port(copy.id), options: { ...peer.options } });
        stats.copies += 1;
        trace.push(`${peer.label}:copy`);
      } else if (foreignEdit(archive, rng, peer.store.id)) {
        stats.edits += 1;
        trace.push(`${peer.label}:edit`);
      }
    } else {
      peer.port.failNextExchange = { code: 'write-failed', message: 'lost' };
      stats.lost += 1;
      trace.push(`${peer.label}:lose`);
    }
  }

  // Everyone back online, every file fully arrived; sync until a whole pass moves nothing.
  archive.offline = false;
  archive.time += 7 * DAY;
  archive.settle();
  archive.delivery = () => ({ visibleAt: archive.time, completeAt: archive.time, cut: 0 });
  for (const peer of peers) Object.assign(peer.port, { offline: false, duplicateReads: false, duplicateListing: false, failNextExchange: null });
  archive.localEdits.clear();
  let quiet = false;
  for (let pass = 0; pass < 6 && !quiet; pass += 1) {
    quiet = true;
    for (const peer of peers) {
      const result = await round(peer);
      if ('error' in result) return failure(result.error);
      const { report } = result;
      if (report.fault?.code === 'fork') {
        // The install whose changes lost takes a new identity, as the Sync dialog offers.
        const { dropped, reissued } = peer.store.takeNewIdentity(newId(), report.ownVerified, peer.store.now());
        if (peer.store.skewMs >= YEAR) farIds.add(peer.store.id);
        peer.port = archive.port(peer.store.id);
        for (const hash of dropped) created.delete(hash);
        for (const hash of reissued) created.add(hash);
        stats.forks += 1;
        trace.push(`${peer.label}:new-id`);
        quiet = false;
        continue;
      }
      const unexpected = report.problems.filter((p) => !hostile.has(p.file) && !/^fork: /.test(p.reason));
      if (unexpected.length) return failure(`${peer.label} saw problems after settling: ${JSON.stringify(unexpected.slice(0, 3))}`);
      if (report.pushed || report.received) quiet = false;
    }
  }
  if (!quiet) return failure('not quiescent after 6 passes');

  // Someone accepts, on every laptop, what is still held (a clock years ahead): then all agree.
  for (const peer of peers) peer.store.release(() => true);
  const expected = [...created].sort();
  const states = new Set(peers.map((p) => p.store.snapshot()));
  for (const peer of peers) {
    const held = peer.store.opSet();
    if (held.length !== expected.length || held.some((h, i) => h !== expected[i])) {
      return failure(`${peer.label} holds ${held.length} ops, ${expected.length} were made`);
    }
    const cursors = await peer.store.cursors(TARGET);
    for (const other of peers) {
      const top = await other.store.ownMaxSeq();
      if ((cursors[other.store.id] ?? 0) !== top) return failure(`${peer.label}'s cursor for ${other.label} is ${cursors[other.store.id] ?? 0}, ${other.label} wrote ${top}`);
    }
  }
  if (states.size !== 1) return failure(`${states.size} different materialized states`);
  observe?.(stats);
  return null;
}

/**
 * A file no honest writer made, in some device's folder under a name no file has: a misnamed copy
 * of a real segment (valid ops, wrong range), garbage, or one the host refuses to read (a
 * symlink to /dev/zero, a FIFO). Returns its path, or null when nothing was planted.
 */
function plantHostile(archive: MemoryArchive, rng: () => number, devices: readonly string[]): string | null {
  const device = devices[Math.floor(rng() * devices.length)]!;
  const first = 1 + Math.floor(rng() * 12);
  const last = first + Math.floor(rng() * 8);
  const path = segmentPath(device, first, last, false);
  if (archive.files.has(path) || archive.refused.has(path)) return null;
  const kind = rng();
  if (kind < 0.4) {
    const real = [...archive.files.entries()].filter(([p, f]) => p.includes('/ops/') && f.writer !== null && archive.time >= f.completeAt);
    const source = real[Math.floor(rng() * real.length)];
    if (!source) return null;
    const owner = source[0].split('/')[3]!;
    const misnamed = segmentPath(owner, first, last, false);
    if (archive.files.has(misnamed)) return null;
    archive.inject(misnamed, source[1].text);
    return misnamed;
  }
  if (kind < 0.7) archive.inject(path, 'garbage from a broken tool\n');
  else archive.refused.set(path, `${path} is a symbolic link: sync files must be regular files inside the target; it was not read.`);
  return path;
}

/** One laptop's clone gets a hand-made edit of another device's file (never published). */
function foreignEdit(archive: MemoryArchive, rng: () => number, viewer: string): boolean {
  const others = [...archive.files.entries()].filter(([p, f]) => p.includes('/ops/') && f.writer !== null && f.writer !== viewer && archive.time >= f.completeAt);
  const picked = others[Math.floor(rng() * others.length)];
  if (!picked) return false;
  const edits = archive.localEdits.get(viewer) ?? new Map<string, string>();
  edits.set(picked[0], picked[1].text.replace(/"text":"/, '"text":"edited by hand: '));
  archive.localEdits.set(viewer, edits);
  return true;
}
