import 'fake-indexeddb/auto';
import { execFile, spawn } from 'node:child_process';
import { chmod, mkdir, readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, onTestFinished } from 'vitest';
import { exchange, listTarget, setUpTarget, type SyncOptions } from '../../../electron/host/transports/index.ts';
import { applyRemoteOps } from '../../../renderer/db/applyRemote.ts';
import { commit } from '../../../renderer/db/commit.ts';
import { WarRoomDb, type SyncTargetRow } from '../../../renderer/db/database.ts';
import { dexieLocalStore } from '../../../renderer/db/localStore.ts';
import type { EntryFields } from '../../../shared/domain/entry.ts';
import type { IncidentFields, Role } from '../../../shared/domain/incident.ts';
import { freshDeviceState } from '../../../shared/ops/createOp.ts';
import { type Op, runSyncRound } from '../../../shared/entities/index.ts';
import type { OpEnvelope } from '../../../shared/ops/envelope.ts';
import type { LocalStore, Outcome, TargetPort } from '../../../shared/sync/ports.ts';
import { type SyncReport, type SyncRoundOptions } from '../../../shared/sync/round.ts';
import type { TargetConfig } from '../../../shared/sync/wire.ts';
import { canonicalJson } from '../../../shared/util/canonicalJson.ts';
import { bareRemote, scratch, sh } from './hostSync.ts';

/**
 * The whole sync stack, for real: each laptop is a WarRoomDb (fake-indexeddb) behind the real
 * Dexie LocalStore, talking through the real host transports (files on disk, the system git) to a
 * temp folder or a bare repository, with `runSyncRound` deciding everything in between.
 */

export { scratch, sh };

export const TARGET_ID = 'tgt-stack';
export const DEVICE_IDS = ['a1a1a1a1a1a1a1a1', 'b2b2b2b2b2b2b2b2', 'c3c3c3c3c3c3c3c3'] as const;
export const PASSPHRASE = 'correct horse battery staple';

export function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected ok, got ${outcome.fault.code}: ${outcome.fault.message}`);
  return outcome.value;
}

// ---------------------------------------------------------------------------------------------
// Targets

export interface World {
  kind: 'folder' | 'git';
  /** The scratch folder everything of this world lives in. */
  root: string;
  /** The shared folder, or the bare remote. */
  place: string;
  /** This device's config (git: its own clone of the one remote). */
  config(index: number, extra?: Partial<{ encryption: { passphrase: string } }>): TargetConfig;
}

/** A shared folder at `<root>/share`; created (empty, not set up) unless `create` is false. */
export async function folderWorld(create = true): Promise<World> {
  const root = await scratch('warroom-stack-');
  const place = join(root, 'share');
  if (create) await mkdir(place);
  return { kind: 'folder', root, place, config: (_index, extra = {}) => ({ kind: 'folder', path: place, ...extra }) };
}

/** A bare repository on `main`, reached over file://, with one clone folder per device. */
export async function gitWorld(): Promise<World> {
  const root = await scratch('warroom-stack-');
  const place = await bareRemote(root);
  return {
    kind: 'git',
    root,
    place,
    config: (index, extra = {}) => ({ kind: 'git', url: `file://${place}`, branch: 'main', cloneDir: join(root, 'clones', `device-${index}`), ...extra }),
  };
}

export const worlds: [string, () => Promise<World>][] = [
  ['folder', () => folderWorld()],
  ['git', () => gitWorld()],
];

// ---------------------------------------------------------------------------------------------
// Laptops

export interface Laptop {
  name: string;
  device: string;
  db: WarRoomDb;
  store: LocalStore;
  /** The config the port uses; tests may swap it (a fixed passphrase, a remounted drive). */
  target: TargetConfig;
  /** Passed to every host call (git: push retries and back-off). */
  hostOptions: SyncOptions;
  port: TargetPort;
  /** Defaults for this laptop's rounds (e.g. small read batches). */
  roundOptions: SyncRoundOptions;
  sync(options?: SyncRoundOptions): Promise<SyncReport>;
}

let dbCounter = 0;

/** An empty IndexedDB, deleted when the test ends. */
export function freshDb(): WarRoomDb {
  const db = new WarRoomDb(`sync-stack-${process.pid}-${dbCounter++}`);
  onTestFinished(async () => {
    db.close();
    await db.delete();
  });
  return db;
}

/** The TargetPort over the host transports, as the bridge would call them for this device's config. */
export function hostPort(laptop: Pick<Laptop, 'target' | 'hostOptions'>): TargetPort {
  return {
    list: () => listTarget(laptop.target, laptop.hostOptions),
    exchange: (request) => exchange(laptop.target, request, laptop.hostOptions),
  };
}

export function targetRow(config: TargetConfig): SyncTargetRow {
  return {
    id: TARGET_ID,
    label: 'stack test target',
    config,
    createdAt: Date.now(),
    cursors: {},
    pushedSeq: 0,
    lastAttemptAt: null,
    lastSuccessAt: null,
    lastFault: null,
    lastProblems: 0,
  };
}

/** Wrap an existing database (e.g. a copied profile) as a laptop syncing with `target`. */
export function laptopOver(name: string, device: string, db: WarRoomDb, target: TargetConfig, hostOptions: SyncOptions = {}): Laptop {
  const laptop: Laptop = {
    name,
    device,
    db,
    store: dexieLocalStore(db),
    target,
    hostOptions: { notice: () => {}, pushAttempts: 8, backoffMs: 10, ...hostOptions },
    port: { list: () => laptop.port.list(), exchange: (r) => laptop.port.exchange(r) },
    roundOptions: {},
    sync: (options) => runSyncRound(laptop.store, laptop.port, TARGET_ID, { ...laptop.roundOptions, ...options }),
  };
  laptop.port = hostPort(laptop);
  return laptop;
}

/**
 * A laptop with a fixed device id and name and a target row (as addTarget leaves it). The
 * target is not set up here: `joinTarget` does that, the way the app's "add target" does.
 */
export async function laptop(index: number, name: string, target: TargetConfig, hostOptions: SyncOptions = {}): Promise<Laptop> {
  const db = freshDb();
  const device = DEVICE_IDS[index] as string;
  await db.meta.bulkPut([
    { key: 'device', value: freshDeviceState(device) },
    { key: 'deviceProfile', value: { name, createdAt: '2026-11-23T08:00:00.000Z' } },
  ]);
  await db.syncTargets.put(targetRow(target));
  return laptopOver(name, device, db, target, hostOptions);
}

/** Set the target up for this device (git: clone), then make the laptop. */
export async function joinTarget(world: World, index: number, name: string, hostOptions: SyncOptions = {}): Promise<Laptop> {
  const target = world.config(index);
  value(await setUpTarget(target, { notice: () => {} }));
  return laptop(index, name, target, hostOptions);
}

// ---------------------------------------------------------------------------------------------
// State

/** Everything a user could see, in a form that compares byte for byte. */
export async function snapshot(db: WarRoomDb): Promise<string> {
  const [incidents, entries, settings, checklists, postmortems, actions] = await Promise.all([
    db.incidents.orderBy('key').toArray(),
    db.entries.orderBy('key').toArray(),
    db.settings.orderBy('key').toArray(),
    db.checklists.orderBy('key').toArray(),
    db.postmortems.orderBy('key').toArray(),
    db.actions.orderBy('key').toArray(),
  ]);
  return canonicalJson({ incidents, entries, settings, checklists, postmortems, actions });
}

export async function opHashes(db: WarRoomDb): Promise<string[]> {
  return (await db.ops.toCollection().primaryKeys()).sort();
}

export interface LocalState {
  ops: string[];
  snapshot: string;
  pending: number;
  cursors: Record<string, number>;
}

export async function localState(db: WarRoomDb): Promise<LocalState> {
  return { ops: await opHashes(db), snapshot: await snapshot(db), pending: await db.pending.count(), cursors: (await db.syncTargets.get(TARGET_ID))?.cursors ?? {} };
}

/** What a laptop holding exactly these ops must show: folded afresh in another database. */
export async function snapshotOf(ops: readonly OpEnvelope[]): Promise<string> {
  const db = freshDb();
  await applyRemoteOps(db, ops as Op[]);
  return snapshot(db);
}

/** The laptop holds `before` plus exactly `received`, and shows what those ops fold to. */
export async function expectHolds(db: WarRoomDb, before: readonly OpEnvelope[], received: readonly OpEnvelope[]): Promise<void> {
  const all = [...before, ...received];
  expect(await opHashes(db)).toEqual(all.map((op) => op.hash).sort());
  expect(await snapshot(db)).toBe(await snapshotOf(all));
}

/** Sync everyone, pass after pass, until a whole pass moves nothing; every round must be clean. */
export async function quiesce(laptops: readonly Laptop[], maxPasses = 4): Promise<number> {
  for (let pass = 1; pass <= maxPasses; pass++) {
    let moved = 0;
    for (const laptop of laptops) {
      const report = await laptop.sync();
      expect(report, `${laptop.name}, pass ${pass}`).toMatchObject({ ok: true, problems: [], pending: 0, future: [] });
      moved += report.pushed + report.received;
    }
    if (moved === 0) return pass;
  }
  throw new Error(`not quiescent after ${maxPasses} passes`);
}

/** Same ops, same materialized state, same cursors everywhere. */
export async function expectConverged(laptops: readonly Laptop[]): Promise<void> {
  const [first, ...rest] = await Promise.all(laptops.map((l) => localState(l.db)));
  for (const [i, state] of rest.entries()) {
    expect(state.ops, `${laptops[i + 1]?.name} ops`).toEqual(first?.ops);
    expect(state.snapshot, `${laptops[i + 1]?.name} state`).toBe(first?.snapshot);
    expect(state.cursors, `${laptops[i + 1]?.name} cursors`).toEqual(first?.cursors);
  }
}

// ---------------------------------------------------------------------------------------------
// What people do (each a real `commit`, so ops are stamped, chained and materialized)

const iso = (ms = Date.now()) => new Date(ms).toISOString();

export function actions(laptop: Laptop, actor: string, now?: () => number) {
  const { db } = laptop;
  return {
    declare: (incident: string, title: string, more: Partial<IncidentFields> = {}) =>
      commit(db, { actor, incident, kind: 'incident.declare', data: { title, severity: 'P1', type: 'availability', declaredAt: iso(), ...more } }, now),
    set: (incident: string, fields: Partial<IncidentFields>) => commit(db, { actor, incident, kind: 'incident.set', data: { fields } }, now),
    assign: (incident: string, role: Role, person: string | null) => commit(db, { actor, incident, kind: 'incident.assign', data: { role, person } }, now),
    add: (incident: string, entry: string, text: string, more: Partial<EntryFields> = {}) =>
      commit(db, { actor, incident, kind: 'entry.add', data: { entry, fields: { text, kind: 'note', eventAt: iso(), pinned: false, tags: [], ...more } } }, now),
    edit: (incident: string, entry: string, fields: Partial<EntryFields>) => commit(db, { actor, incident, kind: 'entry.edit', data: { entry, fields } }, now),
    strike: (incident: string, entry: string, reason: string) => commit(db, { actor, incident, kind: 'entry.strike', data: { entry, reason } }, now),
  };
}

/** A few ops of everyday work on this laptop's own incident. */
export async function someWork(laptop: Laptop, actor: string, tag: string): Promise<Op[]> {
  const act = actions(laptop, actor);
  const incident = `inc-${tag}`;
  return [
    await act.declare(incident, `${actor}'s incident ${tag}`),
    await act.add(incident, `ent-${tag}-1`, `first note from ${actor} ✓`),
    await act.add(incident, `ent-${tag}-2`, 'second note'),
    await act.edit(incident, `ent-${tag}-1`, { text: 'first note, corrected' }),
    await act.set(incident, { status: 'identified' }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Looking at the target behind the app's back

/** Every file under a folder with its bytes. */
export async function filesUnder(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out[relative(root, path)] = (await readFile(path)).toString('base64');
    }
  };
  await walk(root);
  return out;
}

// ---------------------------------------------------------------------------------------------
// A Git remote over HTTP that can start asking for a password

export interface GitHttpServer {
  /** The URL of a repository under the served root, e.g. `url('remote.git')`. */
  url(path: string): string;
  /** While true every request gets 401 + `WWW-Authenticate: Basic` (revoked credentials). */
  locked: boolean;
}

/**
 * `git http-backend` (CGI) behind node:http on 127.0.0.1, so a real clone can push and fetch over
 * http://, and answer 401 on demand. Closed when the test ends.
 */
export async function gitHttpServer(projectRoot: string): Promise<GitHttpServer> {
  const state = { locked: false };
  const server = createServer((req, res) => {
    if (state.locked) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="x"', 'Content-Type': 'text/plain' });
      res.end('sign in');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : (value ?? '');
    };
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GIT_PROJECT_ROOT: projectRoot,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      REQUEST_METHOD: req.method ?? 'GET',
      CONTENT_TYPE: header('content-type'),
      HTTP_CONTENT_ENCODING: header('content-encoding'),
      GIT_PROTOCOL: header('git-protocol'),
      // An authenticated user: http-backend then accepts pushes.
      REMOTE_USER: 'tester',
      REMOTE_ADDR: '127.0.0.1',
      ...(req.headers['content-length'] ? { CONTENT_LENGTH: header('content-length') } : {}),
    };
    const child = spawn('git', ['http-backend'], { env });
    req.pipe(child.stdin);
    child.stdin.on('error', () => {});
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('close', () => {
      const out = Buffer.concat(chunks);
      const crlf = out.indexOf('\r\n\r\n');
      const split = crlf >= 0 ? crlf : out.indexOf('\n\n');
      const gap = crlf >= 0 ? 4 : 2;
      const head = out.subarray(0, Math.max(0, split)).toString('latin1');
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const text = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(text, 10);
        else headers[name] = text;
      }
      res.writeHead(status, headers);
      res.end(split >= 0 ? out.subarray(split + gap) : out);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}/${path}`,
    get locked() {
      return state.locked;
    },
    set locked(locked: boolean) {
      state.locked = locked;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The host as an unprivileged user

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const HOST_AS_USER = fileURLToPath(new URL('./syncStackAsUser.ts', import.meta.url));
const NOBODY = 65534;

function runHostAs(uid: number, call: 'listTarget' | 'exchange', args: unknown[]): Promise<Outcome<never>> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', HOST_AS_USER],
      { cwd: REPO, uid, gid: uid, env: { ...process.env, HOME: '/tmp' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(Object.assign(new Error(`host child failed: ${stderr}`), { code: (error as NodeJS.ErrnoException).code })) : resolve(JSON.parse(stdout) as Outcome<never>)),
    ).stdin?.end(JSON.stringify({ call, args })),
  );
}

/**
 * Root ignores file modes, so under root the real host transport runs in a child process as
 * uid/gid 65534 ("nobody"), for whom a 0555 folder really is read-only (the renderer and the
 * host are separate processes in the app too). Not root: the transport runs in-process.
 * Null when this process may not switch users (then a real EACCES cannot be staged).
 */
export async function unprivilegedPort(laptop: Pick<Laptop, 'target'>): Promise<TargetPort | null> {
  if (process.getuid?.() !== 0) return hostPort({ target: laptop.target, hostOptions: {} });
  try {
    await runHostAs(NOBODY, 'listTarget', [{ kind: 'folder', path: '/nonexistent-warroom-probe' }]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPERM') return null;
    throw error;
  }
  return {
    list: () => runHostAs(NOBODY, 'listTarget', [laptop.target]),
    exchange: (request) => runHostAs(NOBODY, 'exchange', [laptop.target, request]),
  };
}

/** Make `dir` and everything under it read-only (files 0444, folders 0555), its parents enterable. */
export async function makeReadOnly(dir: string, parents: readonly string[]): Promise<void> {
  for (const parent of parents) await chmod(parent, 0o755);
  const walk = async (path: string): Promise<void> => {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(path, entry.name));
      else await chmod(join(path, entry.name), 0o444);
    }
    await chmod(path, 0o555);
  };
  await walk(dir);
}

/** Undo makeReadOnly for the owner. */
export async function makeWritable(dir: string): Promise<void> {
  const walk = async (path: string): Promise<void> => {
    await chmod(path, 0o755);
    for (const entry of await readdir(path, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(path, entry.name));
      else await chmod(join(path, entry.name), 0o644);
    }
  };
  await walk(dir);
}
