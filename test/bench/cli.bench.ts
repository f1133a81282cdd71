import { execFile } from 'node:child_process';
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOp } from '../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../shared/ops/createOp.ts';
import { formatHlc } from '../../shared/ops/hlc.ts';
import { deviceInfoPath, DEVICES_DIR, FORMAT_PATH, segmentPath } from '../../shared/sync/layout.ts';
import { newSigningKey, signerOf } from '../../shared/ops/signature.ts';
import { encodeSegment } from '../../shared/sync/segment.ts';
import { row, type BenchRow } from './stats.ts';

/**
 * `warroom verify` on 1M ops (10 devices × 100k, 1000-op segments, about 500 MB), run as a user
 * runs it: the built out/cli/warroom.js in its own node process, whose peak RSS and CPU time a
 * preloaded hook reports at exit.
 */
const CLI = fileURLToPath(new URL('../../out/cli/warroom.js', import.meta.url));
const DEVICES = 10;
const PER_DEVICE = 100_000;
const SEGMENT = 1000;
const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);
const MEASURED = 'WARROOM_BENCH_MEASURED=';

const deviceId = (d: number) => `c1c1${String(d).padStart(12, '0')}`;
const intentOf = (d: number, seq: number) => ({
  actor: `Scribe ${d}`,
  incident: `inc-bench${String(d).padStart(4, '0')}`,
  kind: 'entry.add' as const,
  data: { entry: `ent-${String(seq).padStart(9, '0')}`, fields: { text: `entry ${seq}: pool stats on db-${seq % 7}`, kind: 'note' as const, eventAt: new Date(T0 + seq * 1000).toISOString(), pinned: false, tags: [] } },
});

/** Each device's signing key from a fixed seed: OpenSSL signs here (fast), noble in checkTemplate; Ed25519 is deterministic. */
const seedOf = (d: number) => new Uint8Array(32).fill(d + 1);
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const opensslKeys = Array.from({ length: DEVICES }, (_, d) => createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seedOf(d)]), format: 'der', type: 'pkcs8' }));

/**
 * One op's line, written straight as RFC 8785 text, hashed and signed with node:crypto: createOp
 * and encodeSegment take ~500 µs a signed op, ~8 minutes for 1M. `checkTemplate` proves it byte-identical.
 */
function templateLine(d: number, seq: number, prev: string | null): { line: string; hash: string } {
  const device = deviceId(d);
  const { actor, incident, data } = intentOf(d, seq);
  const { fields } = data;
  const head = `{"actor":"${actor}","data":{"entry":"${data.entry}","fields":{"eventAt":"${fields.eventAt}","kind":"note","pinned":false,"tags":[],"text":"${fields.text}"}},"device":"${device}",`;
  const tail = `"hlc":"${formatHlc({ wall: T0 + seq, counter: 0, device })}","id":"${device}-${seq}","incident":"${incident}","kind":"entry.add","prev":${prev === null ? 'null' : `"${prev}"`},"seq":${seq},"v":1}`;
  const hash = createHash('sha256').update(head + tail).digest('hex');
  const sig = sign(null, Buffer.from(`warroom-op-v1:${hash}`, 'ascii'), opensslKeys[d]!).toString('hex');
  return { line: `${head}"hash":"${hash}",${tail.replace(',"v":1}', `,"sig":"${sig}","v":1}`)}\n`, hash };
}

function checkTemplate(): void {
  const signer = signerOf(newSigningKey(() => seedOf(0)));
  let state: DeviceState = freshDeviceState(deviceId(0));
  const ops = [];
  let text = '';
  let prev: string | null = null;
  for (let seq = 1; seq <= SEGMENT; seq += 1) {
    const made = createOp(state, intentOf(0, seq), T0 + seq, signer);
    state = made.state;
    ops.push(made.op);
    const next = templateLine(0, seq, prev);
    text += next.line;
    prev = next.hash;
  }
  if (encodeSegment(ops) !== text) throw new Error('cli bench: the template no longer matches createOp + encodeSegment');
}

async function writeArchive(root: string): Promise<number> {
  await mkdir(join(root, 'warroom'), { recursive: true });
  await writeFile(join(root, FORMAT_PATH), '{"format":"warroom-sync","version":1}\n');
  let bytes = 0;
  await mkdir(join(root, DEVICES_DIR), { recursive: true });
  for (let d = 0; d < DEVICES; d += 1) {
    await writeFile(join(root, deviceInfoPath(deviceId(d))), deviceFile(d));
    await mkdir(join(root, 'warroom', 'v1', 'ops', deviceId(d)), { recursive: true });
    let prev: string | null = null;
    for (let first = 1; first <= PER_DEVICE; first += SEGMENT) {
      let text = '';
      for (let seq = first; seq < first + SEGMENT; seq += 1) {
        const next = templateLine(d, seq, prev);
        text += next.line;
        prev = next.hash;
      }
      await writeFile(join(root, segmentPath(deviceId(d), first, first + SEGMENT - 1, false)), text);
      bytes += Buffer.byteLength(text);
    }
  }
  return bytes;
}

/** A device file naming the device's key: verify checks every run's signature against it. */
function deviceFile(d: number): string {
  const key = newSigningKey(() => seedOf(d)).publicKey;
  return `${JSON.stringify({ device: deviceId(d), name: `Laptop ${d}`, createdAt: new Date(T0).toISOString(), app: 'bench', key, signedFrom: 1 }, null, 2)}\n`;
}

/** The same archive with one device only: 100k ops, hard-linked, for the linearity row. */
async function oneDevice(from: string, to: string): Promise<void> {
  await mkdir(join(to, 'warroom', 'v1', 'ops', deviceId(0)), { recursive: true });
  await mkdir(join(to, DEVICES_DIR), { recursive: true });
  await link(join(from, deviceInfoPath(deviceId(0))), join(to, deviceInfoPath(deviceId(0))));
  await link(join(from, FORMAT_PATH), join(to, FORMAT_PATH));
  for (let first = 1; first <= PER_DEVICE; first += SEGMENT) {
    const rel = segmentPath(deviceId(0), first, first + SEGMENT - 1, false);
    await link(join(from, rel), join(to, rel));
  }
}

interface Measured {
  stdout: string;
  /** User + system CPU time: unlike wall time, barely moved by other work on a shared machine. */
  cpuS: number;
  peakMb: number;
}

/**
 * Preloaded into each measured process: its CPU time and peak RSS at exit. Peak is VmHWM, not
 * getrusage's maxRSS, which survives execve and so can report this (large) bench process's size.
 */
const HOOK = `
process.on('exit', () => {
  let kb = process.resourceUsage().maxRSS;
  try {
    const hwm = /VmHWM:\\s+(\\d+) kB/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'));
    if (hwm) kb = Number(hwm[1]);
  } catch {}
  const { user, system } = process.cpuUsage();
  process.stderr.write('\\n${MEASURED}' + JSON.stringify({ kb, cpuUs: user + system }) + '\\n');
});
`;

function measure(hook: string, args: string[]): Promise<Measured> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['--require', hook, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const at = stderr.lastIndexOf(MEASURED);
      if (error || at < 0) return reject(new Error(`${args.join(' ')}: exit ${String(error?.code)}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
      const { kb, cpuUs } = JSON.parse(stderr.slice(at + MEASURED.length)) as { kb: number; cpuUs: number };
      resolve({ stdout, cpuS: cpuUs / 1e6, peakMb: kb / 1024 });
    }),
  );
}

/** Verify `root` with the built CLI, failing unless it judged every op valid. */
async function verifyRun(hook: string, root: string, ops: number): Promise<Measured> {
  const run = await measure(hook, [CLI, 'verify', root]);
  if (!run.stdout.startsWith(`${ops} ops verified`) || !run.stdout.includes('; 0 problem(s)') || run.stdout.includes('unverified:')) throw new Error(`cli bench: unexpected report: ${run.stdout.slice(0, 500)}`);
  return run;
}

/** The floor any verifier pays: read each file, JSON.parse and SHA-256 every line, in plain node. */
const BASELINE = `
const { readdirSync, readFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { join } = require('node:path');
const ops = join(process.argv[1], 'warroom', 'v1', 'ops');
let lines = 0;
for (const device of readdirSync(ops)) for (const name of readdirSync(join(ops, device))) {
  for (const line of readFileSync(join(ops, device, name), 'utf8').split('\\n')) {
    if (line === '') continue;
    JSON.parse(line);
    createHash('sha256').update(line).digest('hex');
    lines += 1;
  }
}
console.log(lines);
`;

export async function cliBench(): Promise<BenchRow[]> {
  if (!existsSync(CLI)) throw new Error('cli bench: out/cli/warroom.js is missing; run npm run build first');
  checkTemplate();
  const dir = await mkdtemp(join(tmpdir(), 'warroom-bench-cli-'));
  try {
    const hook = join(dir, 'measure.cjs');
    await writeFile(hook, HOOK);
    const full = join(dir, 'full');
    const archiveMb = (await writeArchive(full)) / 1024 / 1024;
    const small = join(dir, 'one-device');
    await oneDevice(full, small);

    const baseline = await measure(hook, ['-e', BASELINE, full]);
    if (Number(baseline.stdout.trim()) !== DEVICES * PER_DEVICE) throw new Error(`cli bench: baseline read ${baseline.stdout.trim()} lines`);
    const large = await verifyRun(hook, full, DEVICES * PER_DEVICE);
    const tenth = await verifyRun(hook, small, PER_DEVICE);
    // Node's start and module load are paid once per run, not per op: left out of the linearity row.
    let startup = Infinity;
    for (let i = 0; i < 3; i += 1) startup = Math.min(startup, (await measure(hook, [CLI, 'help'])).cpuS);
    return [
      row('sync: warroom verify 1M ops', large.peakMb, 'MB', archiveMb, '≤ 256 MB peak RSS (baseline: the archive size)', (v) => v <= 256),
      row('sync: warroom verify 1M ops, CPU time vs JSON.parse + SHA-256 of every line in plain node', large.cpuS, 's', baseline.cpuS, '≤ 5× plain parse + hash', (_v, r) => r !== null && r <= 5),
      row('sync: warroom verify, CPU time at 1M ops vs 10× at 100k, start-up excluded', large.cpuS - startup, 's', 10 * (tenth.cpuS - startup), '≤ 1.25× (linear)', (_v, r) => r !== null && r <= 1.25),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
