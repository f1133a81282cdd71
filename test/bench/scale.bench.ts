import { execFile } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { exchange, listTarget, setUpTarget } from '../../electron/host/transports/index.ts';
import { decodeSegment, runSyncRound } from '../../shared/entities/index.ts';
import { OPS_DIR, parseSegmentName, type SegmentRef } from '../../shared/sync/layout.ts';
import type { TargetPort } from '../../shared/sync/ports.ts';
import type { TargetConfig } from '../../shared/sync/wire.ts';
import { deviceId, LeanStore, T_END, writeTeam, type Team, type TeamShape } from './scaleTeam.ts';
import { median, row, type BenchRow } from './stats.ts';

/**
 * Team scale (docs/sync-format.md#team-scale): 100 laptops × a year — 500k ops in the small
 * segments real rounds leave (about 50k files) — on a shared folder and on a git remote with one
 * commit per segment. Each figure beside the same work on a 1k-op team, or beside the least a
 * reader could do with the same bytes, measured in the same run.
 */

const run = promisify(execFile);
const git = (cwd: string, ...args: string[]) =>
  run('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 1 << 26 });

const LARGE: TeamShape = { devices: 100, opsPerDevice: 5000, meanSegment: 10, seed: 15 };
const SMALL: TeamShape = { devices: 10, opsPerDevice: 100, meanSegment: 10, seed: 15 };
const ROUNDS = 5;
/** A first sync still reading after this long is stopped and its total projected from the share read. */
const FIRST_SYNC_DEADLINE_MS = 90_000;
const MB = 1 << 20;

interface Built {
  team: Team;
  remote: string;
}

async function build(scratch: string, name: string, shape: TeamShape): Promise<Built> {
  const remote = join(scratch, `${name}.git`);
  const begin = performance.now();
  const team = await writeTeam(join(scratch, name), remote, shape);
  console.log(
    `scale: ${name}: ${team.ops} ops in ${team.segments.length} files (${(team.opBytes / MB).toFixed(1)} MB) ` +
      `written with a ${team.segments.length + 1}-commit history in ${Math.round(performance.now() - begin)} ms`,
  );
  return { team, remote };
}

function portOf(target: TargetConfig, onRead?: (files: number) => string | null): TargetPort {
  return {
    list: () => listTarget(target),
    exchange: async (request) => {
      const stop = onRead?.(request.read.length);
      if (stop) return { ok: false, fault: { code: 'unreachable', message: stop } };
      return exchange(target, request);
    },
  };
}

/**
 * The least the app's reader must do with a target's bytes: read every segment (timed), and
 * decode each one — parse, validate, hash, chain (timed on every 10th file, scaled to all ops).
 */
async function leastRead(root: string): Promise<{ readMs: number; decodeMsPerOp: number }> {
  const begin = performance.now();
  const sample: { ref: SegmentRef; text: string }[] = [];
  let files = 0;
  for (const device of await readdir(join(root, OPS_DIR))) {
    for (const name of await readdir(join(root, OPS_DIR, device))) {
      const text = await readFile(join(root, OPS_DIR, device, name), 'utf8');
      const ref = parseSegmentName(device, name);
      if (ref && files++ % 10 === 0) sample.push({ ref, text });
    }
  }
  const readMs = performance.now() - begin;
  let ops = 0;
  const decodeMs = await timed(async () => {
    for (const { ref, text } of sample) ops += decodeSegment(text, ref).ops.length;
  });
  return { readMs, decodeMsPerOp: decodeMs / ops };
}

/** A laptop that already holds the whole team, as after its first sync. */
function syncedLaptop(team: Team, index: number, target: string): LeanStore {
  const store = new LeanStore({ device: deviceId('cd', index), name: `Laptop cd${index}`, createdAt: new Date(T_END).toISOString(), app: 'bench' });
  store.holdUpTo(target, team.cursors);
  return store;
}

/** `ROUNDS` rounds of one laptop that each push 10 new ops and receive nothing. */
async function pushRounds(store: LeanStore, target: TargetConfig): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    store.write(10, T_END + i * 60_000);
    const begin = performance.now();
    const report = await runSyncRound(store, portOf(target), 'tgt-scale');
    samples.push(performance.now() - begin);
    if (!report.ok || report.pushed !== 10 || report.received !== 0) throw new Error(`unexpected round: ${JSON.stringify(report).slice(0, 300)}`);
  }
  return samples;
}

/**
 * A new laptop's first round, reading everything. Past the deadline the round is stopped (as a
 * fault) and the total projected linearly from the files read so far — on the high side while
 * early exchanges cost more than late ones (each one re-plans over the unread segments).
 */
async function firstSync(team: Team, target: TargetConfig, laptop: number): Promise<{ ms: number; note: string }> {
  const store = new LeanStore({ device: deviceId('ce', laptop), name: 'New laptop', createdAt: new Date(T_END).toISOString(), app: 'bench' });
  let read = 0;
  const begin = performance.now();
  const stop = (files: number) => {
    if (performance.now() - begin > FIRST_SYNC_DEADLINE_MS) return `bench deadline: ${read} of ${team.segments.length} files read`;
    read += files;
    return null;
  };
  const report = await runSyncRound(store, portOf(target, stop), 'tgt-scale');
  const ms = performance.now() - begin;
  if (report.ok) {
    if (report.received !== team.ops) throw new Error(`first sync received ${report.received} of ${team.ops}: ${JSON.stringify(report.problems.slice(0, 3))}`);
    return { ms, note: '' };
  }
  if (!report.fault?.message.startsWith('bench deadline') || read === 0) throw new Error(`first sync failed: ${report.fault?.message}`);
  const share = read / team.segments.length;
  return { ms: ms / share, note: `projected: ${Math.round(ms / 1000)} s read ${(share * 100).toFixed(1)}% of the files` };
}

/** Bytes the files take: as listed, and as allocated on this disk. */
async function sizeOf(path: string): Promise<{ bytes: number; allocated: number; files: number }> {
  const info = await lstat(path);
  if (!info.isDirectory()) return { bytes: info.size, allocated: info.blocks * 512, files: 1 };
  const total = { bytes: 0, allocated: info.blocks * 512, files: 0 };
  for (const name of await readdir(path)) {
    const inner = await sizeOf(join(path, name));
    total.bytes += inner.bytes;
    total.allocated += inner.allocated;
    total.files += inner.files;
  }
  return total;
}

const timed = async (fn: () => Promise<unknown>) => {
  const begin = performance.now();
  await fn();
  return performance.now() - begin;
};

async function folderRows(small: Built, large: Built, label: string): Promise<{ rows: BenchRow[]; leastMs: number }> {
  const target = (team: Team): TargetConfig => ({ kind: 'folder', path: team.root });
  const first = await firstSync(large.team, target(large.team), 1);
  // After the round, so both decode with a warm JIT.
  const least = await leastRead(large.team.root);
  const plain = least.readMs + least.decodeMsPerOp * large.team.ops;
  console.log(
    `scale: folder first sync ${Math.round(first.ms)} ms ${first.note}; reading every file takes ${Math.round(least.readMs)} ms, ` +
      `decoding every op ${Math.round(least.decodeMsPerOp * large.team.ops)} ms (${Math.round(least.decodeMsPerOp * 1000)} µs an op)`,
  );
  const size = await sizeOf(large.team.root);
  console.log(`scale: folder holds ${size.files} files, ${(size.bytes / MB).toFixed(1)} MB (${(size.allocated / MB).toFixed(1)} MB allocated on this disk)`);
  const smallRounds = await pushRounds(syncedLaptop(small.team, 1, 'tgt-scale'), target(small.team));
  const largeRounds = await pushRounds(syncedLaptop(large.team, 1, 'tgt-scale'), target(large.team));
  const rows = [
    row(`sync: ${label} folder round pushing 10 ops vs the same on a 1k-op team (median of ${ROUNDS})`, median(largeRounds), 'ms', median(smallRounds), '≤ 2× the 1k-op team', (_v, r) => r !== null && r <= 2),
    row(
      `sync: ${label} folder first sync of a new laptop (a round reading all) vs reading every file + decoding every op`,
      first.ms,
      'ms',
      plain,
      `≤ 2× the least read${first.note ? ` (${first.note})` : ''}`,
      (_v, r) => r !== null && r <= 2 && first.note === '',
    ),
    row(`sync: ${label} folder size on disk, ${size.files} files, vs the ops' bytes`, size.allocated / MB, 'MB', large.team.opBytes / MB, '≤ 1.5× the ops (small files waste blocks)', (_v, r) => r !== null && r <= 1.5),
  ];
  return { rows, leastMs: plain };
}

/** The plain git CLI pushing one 10-op file from a clone: pull, write, add, commit, push. */
async function cliRounds(clone: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const begin = performance.now();
    await git(clone, 'pull', '--quiet', '--rebase', 'origin', 'main');
    await mkdir(join(clone, 'plain'), { recursive: true });
    await writeFile(join(clone, 'plain', `${i}.jsonl`), `${'{"op":1}\n'.repeat(10)}`);
    await git(clone, 'add', `plain/${i}.jsonl`);
    await git(clone, 'commit', '--quiet', '-m', `plain ${i}`);
    await git(clone, 'push', '--quiet', 'origin', 'HEAD:main');
    samples.push(performance.now() - begin);
  }
  return samples;
}

async function gitRows(scratch: string, small: Built, large: Built, label: string, least: number): Promise<BenchRow[]> {
  const target = ({ remote }: Built, cloneDir: string): TargetConfig => ({ kind: 'git', url: `file://${remote}`, branch: 'main', cloneDir });
  const plainClone = join(scratch, 'plain-clone');
  const cloneMs = await timed(() => git(scratch, 'clone', '--quiet', '--no-tags', `file://${large.remote}`, plainClone));
  // The clone's files are the folder's bytes on the same disk: their read and decode times carry over.
  const plain = cloneMs + least;

  const appClone = join(scratch, 'app-clone');
  const appTarget = target(large, appClone);
  const setUpMs = await timed(async () => {
    const setUp = await setUpTarget(appTarget);
    if (!setUp.ok) throw new Error(setUp.fault.message);
  });
  const first = await firstSync(large.team, appTarget, 2);
  console.log(`scale: git first sync: set-up (clone) ${Math.round(setUpMs)} ms + first round ${Math.round(first.ms)} ms ${first.note}; plain git clone ${Math.round(cloneMs)} ms`);

  const smallTarget = target(small, join(scratch, 'small-clone'));
  const smallSetUp = await setUpTarget(smallTarget);
  if (!smallSetUp.ok) throw new Error(smallSetUp.fault.message);
  const smallRounds = await pushRounds(syncedLaptop(small.team, 2, 'tgt-scale'), smallTarget);
  const largeRounds = await pushRounds(syncedLaptop(large.team, 2, 'tgt-scale'), appTarget);
  const cli = await cliRounds(plainClone);
  const status = await timed(() => git(plainClone, 'status', '--porcelain', '--untracked-files=all'));
  const remote = await sizeOf(large.remote);
  const clone = await sizeOf(join(appClone, '.git'));
  const index = (await lstat(join(plainClone, '.git', 'index'))).size;
  console.log(
    `scale: git round ${Math.round(median(largeRounds))} ms vs the plain git CLI doing the same in a clone of the same remote ${Math.round(median(cli))} ms; ` +
      `git status there ${Math.round(status)} ms, index ${(index / MB).toFixed(1)} MB`,
  );
  const ops = large.team.opBytes / MB;
  return [
    row(`sync: ${label} git round pushing 10 ops vs the same on a 1k-op team (median of ${ROUNDS})`, median(largeRounds), 'ms', median(smallRounds), '≤ 2× the 1k-op team', (_v, r) => r !== null && r <= 2),
    row(
      `sync: ${label} git first sync of a new laptop (set-up + a round reading all) vs git clone + reading every file + decoding every op`,
      setUpMs + first.ms,
      'ms',
      plain,
      `≤ 2× the plain clone and least read${first.note ? ` (${first.note})` : ''}`,
      (_v, r) => r !== null && r <= 2 && first.note === '',
    ),
    row(`sync: ${label} git remote size (bare) vs the ops' bytes`, remote.allocated / MB, 'MB', ops, '≤ 1× the ops (history is compressed)', (_v, r) => r !== null && r <= 1),
    row(`sync: ${label} git clone's .git size vs the ops' bytes`, clone.allocated / MB, 'MB', ops, '≤ 1× the ops (history is compressed)', (_v, r) => r !== null && r <= 1),
  ];
}

export async function scaleBench(): Promise<BenchRow[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'warroom-bench-scale-'));
  try {
    const small = await build(scratch, 'small', SMALL);
    const large = await build(scratch, 'large', LARGE);
    const label = `team scale (${LARGE.devices} laptops × a year, ${large.team.ops / 1000}k ops, ${large.team.segments.length} files)`;
    const folder = await folderRows(small, large, label);
    return [...folder.rows, ...(await gitRows(scratch, small, large, label, folder.leastMs))];
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
