import { execFile, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { createOp, type Op, type OpIntent } from '../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../shared/ops/createOp.ts';
import type { OpEnvelope } from '../../shared/ops/envelope.ts';
import { FORMAT_PATH, deviceInfoPath, opsFolderPath, segmentPath, type DeviceInfo } from '../../shared/sync/layout.ts';
import type { Cursors, LocalStore } from '../../shared/sync/ports.ts';
import type { Progress } from '../../shared/sync/plan.ts';
import { encodeSegment } from '../../shared/sync/segment.ts';
import { mulberry32 } from '../unit/support/simulator.ts';

/**
 * A team's year on a sync target, written straight to disk: every device's ops in the small
 * segments real rounds leave behind (a laptop syncing every minute pushes a few ops at a time),
 * and the same history as a git remote with one commit per segment, as the app would have pushed.
 */

const run = promisify(execFile);
const YEAR_MS = 365 * 86_400_000;
export const T_END = Date.UTC(2026, 10, 23, 8, 0, 0);
const T_START = T_END - YEAR_MS;

export interface TeamShape {
  devices: number;
  opsPerDevice: number;
  /** Segments hold 1..2×mean−1 ops, uniformly: mean ops per file. */
  meanSegment: number;
  seed: number;
}

export interface TeamSegment {
  path: string;
  device: string;
}

export interface Team {
  root: string;
  devices: DeviceInfo[];
  segments: TeamSegment[];
  ops: number;
  /** Bytes of every segment: the raw op lines. */
  opBytes: number;
  /** Every device's seq reached: the cursors of a laptop that holds everything. */
  cursors: Cursors;
}

const LINES = [
  'checked the connection pool on db-{n}: 212 of 250 in use, p99 latency back under 40 ms',
  'rolled back deploy {n} of the checkout service; error rate falling',
  'paged the storage on-call, waiting for an answer',
  'customer support reports {n} tickets about failed logins since 09:10',
  'CDN purge finished for region eu-west-{n}',
];

function intentFor(device: number, i: number, pick: () => number): OpIntent {
  const incident = `inc-y${String((Math.floor(i / 40) * 7 + device) % 400).padStart(4, '0')}`;
  const n = Math.floor(pick() * 1000);
  return {
    actor: `Scribe ${device}`,
    incident,
    kind: 'entry.add',
    data: {
      entry: `ent-${String(device).padStart(3, '0')}${String(i).padStart(7, '0')}`,
      fields: { text: LINES[n % LINES.length]!.replace('{n}', String(n)), kind: 'note', eventAt: new Date(T_START + i).toISOString(), pinned: false, tags: n % 5 === 0 ? ['db'] : [] },
    },
  };
}

export function deviceId(prefix: string, index: number): string {
  return `${prefix}${String(index).padStart(16 - prefix.length, '0')}`;
}

function deviceInfo(device: string, index: number): DeviceInfo {
  return { device, name: `Laptop ${index}`, createdAt: new Date(T_START).toISOString(), app: 'War Room 0.1' };
}

interface Planned {
  device: number;
  first: number;
  last: number;
  /** When its device pushed it: the wall time of its last op. */
  at: number;
}

const opTime = (shape: TeamShape, device: number, seq: number) => T_START + Math.floor((seq / shape.opsPerDevice) * YEAR_MS) + device;

/** Every device's segment ranges (1..2×mean−1 ops each), in the order they were pushed. */
function plan(shape: TeamShape, pick: () => number): Planned[] {
  const planned: Planned[] = [];
  for (let device = 0; device < shape.devices; device += 1) {
    for (let first = 1; first <= shape.opsPerDevice; ) {
      const last = Math.min(shape.opsPerDevice, first + Math.floor(pick() * (2 * shape.meanSegment - 1)));
      planned.push({ device, first, last, at: opTime(shape, device, last) });
      first = last + 1;
    }
  }
  return planned.sort((a, b) => a.at - b.at || a.device - b.device);
}

/**
 * Write the team's archive under `root` and, in the same pass, its history into the bare repo
 * `remote`: one commit per segment in push order (a device's first commit also adds its device
 * file), as the app would have pushed them. `git fast-import` writes 50k commits in seconds,
 * where 50k `git commit`s would take most of an hour.
 */
export async function writeTeam(root: string, remote: string, shape: TeamShape, prefix = 'ab'): Promise<Team> {
  // The simulator's seeded PRNG: the same team for the same seed, run after run.
  const pick = mulberry32(shape.seed);
  const team: Team = { root, devices: [], segments: [], ops: 0, opBytes: 0, cursors: {} };
  const history = await fastImport(remote);
  await mkdir(join(root, 'warroom', 'v1', 'devices'), { recursive: true });
  const format = Buffer.from(`${JSON.stringify({ format: 'warroom-sync', version: 1 })}\n`);
  await writeFile(join(root, FORMAT_PATH), format);
  await history.commit(null, T_START - 60_000, 'warroom: create the sync archive (format v1)', [[FORMAT_PATH, format]]);
  const states: DeviceState[] = [];
  for (let d = 0; d < shape.devices; d += 1) {
    const info = deviceInfo(deviceId(prefix, d), d);
    team.devices.push(info);
    states.push(freshDeviceState(info.device));
    await mkdir(join(root, opsFolderPath(info.device)), { recursive: true });
  }
  for (const { device, first, last, at } of plan(shape, pick)) {
    const info = team.devices[device]!;
    const files: [string, Buffer][] = [];
    if (first === 1) {
      const bytes = Buffer.from(`${JSON.stringify(info, null, 2)}\n`);
      await writeFile(join(root, deviceInfoPath(info.device)), bytes);
      files.push([deviceInfoPath(info.device), bytes]);
    }
    const batch: OpEnvelope[] = [];
    for (let seq = first; seq <= last; seq += 1) {
      const made = createOp(states[device]!, intentFor(device, seq, pick), opTime(shape, device, seq));
      states[device] = made.state;
      batch.push(made.op);
    }
    const path = segmentPath(info.device, first, last, false);
    const bytes = Buffer.from(encodeSegment(batch));
    await writeFile(join(root, path), bytes);
    files.push([path, bytes]);
    await history.commit(info, at, `warroom: ${info.device} ops ${first}-${last}`, files);
    team.segments.push({ path, device: info.device });
    team.opBytes += bytes.length;
    team.ops += batch.length;
    team.cursors[info.device] = last;
  }
  await history.done();
  return team;
}

/** A `git fast-import` into a new bare repo, fed one commit at a time on branch main. */
async function fastImport(remote: string) {
  await mkdir(remote, { recursive: true });
  await run('git', ['init', '--bare', '--quiet', '--initial-branch=main'], { cwd: remote });
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: remote, stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  // Sent in 1 MB batches: a pipe write per file would wake fast-import 50k times.
  let pending: Buffer[] = [];
  let size = 0;
  const flush = async () => {
    const ready = child.stdin.write(Buffer.concat(pending));
    pending = [];
    size = 0;
    if (!ready) await new Promise((resolve) => child.stdin.once('drain', resolve));
  };
  const send = async (chunk: string | Buffer) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    pending.push(bytes);
    size += bytes.length;
    if (size >= 1 << 20) await flush();
  };
  return {
    async commit(who: DeviceInfo | null, at: number, message: string, files: readonly [string, Buffer][]) {
      const ident = who ? `${who.name} <${who.device}@warroom.invalid>` : 'War Room <warroom@warroom.invalid>';
      const when = `${Math.floor(at / 1000)} +0000`;
      await send(`commit refs/heads/main\nauthor ${ident} ${when}\ncommitter ${ident} ${when}\ndata ${Buffer.byteLength(message)}\n${message}\n`);
      for (const [path, bytes] of files) {
        await send(`M 100644 inline ${path}\ndata ${bytes.length}\n`);
        await send(bytes);
        await send('\n');
      }
    },
    async done() {
      await send('done\n');
      await flush();
      child.stdin.end();
      const code = await exited;
      if (code !== 0) throw new Error(`git fast-import failed (${code}): ${stderr}`);
    },
  };
}

/**
 * A laptop's store for these rows: keeps each op's hash by id (all a round asks of a store) and
 * its own chain. The IndexedDB apply is left out on purpose — it costs the same whatever the
 * target holds, and the ingest row measures it in Chromium.
 */
export class LeanStore implements LocalStore<Op> {
  private readonly hashes = new Map<string, string>();
  private readonly own: OpEnvelope[] = [];
  private readonly targetProgress = new Map<string, Progress>();
  private state: DeviceState;
  applied = 0;

  constructor(private readonly info: DeviceInfo) {
    this.state = freshDeviceState(info.device);
  }

  /** `count` new ops of this laptop, the way a scribe's entries are made. */
  write(count: number, now: number): void {
    for (let k = 0; k < count; k += 1) {
      const seq = this.state.seq + 1;
      const made = createOp(this.state, intentFor(999, seq, () => k / count), now + k);
      this.state = made.state;
      this.own.push(made.op);
      this.hashes.set(made.op.id, made.op.hash);
    }
  }

  /** A laptop that already holds everything up to these cursors (it never asks for those hashes). */
  holdUpTo(target: string, cursors: Cursors): void {
    this.targetProgress.set(target, { cursors: { ...cursors }, beyond: {} });
  }

  async device() {
    return this.info;
  }

  async pinnedKeys() {
    return {};
  }

  async pinKeys() {}

  async ownOps(from: number, to: number) {
    return this.own.slice(Math.max(0, from - 1), Math.max(0, to));
  }

  async ownMaxSeq() {
    return this.state.seq;
  }

  async hashesOf(ids: readonly string[]) {
    const found = new Map<string, string[]>();
    for (const id of ids) {
      const hash = this.hashes.get(id);
      if (hash) found.set(id, [hash]);
    }
    return found;
  }

  async apply(batch: Parameters<LocalStore<Op>['apply']>[0]) {
    let applied = 0;
    for (const op of [...batch.ops, ...batch.pending.map((p) => p.op)]) {
      if (this.hashes.get(op.id) === op.hash) continue;
      this.hashes.set(op.id, op.hash);
      applied += 1;
    }
    this.applied += applied;
    this.targetProgress.set(batch.target, structuredClone(batch.progress));
    return { applied, duplicates: batch.ops.length + batch.pending.length - applied };
  }

  async progress(target: string): Promise<Progress> {
    return structuredClone(this.targetProgress.get(target) ?? { cursors: {}, beyond: {} });
  }
}
