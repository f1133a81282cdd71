import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setUpTarget } from '../../../electron/host/transports/index.ts';
import type { OpEnvelope } from '../../../shared/ops/envelope.ts';
import { ENCRYPTION_PATH, opsFolderPath, segmentPath } from '../../../shared/sync/layout.ts';
import type { TargetConfig } from '../../../shared/sync/wire.ts';
import { mkfifo, sparseFile, withinMs } from '../support/hostile.ts';
import {
  PASSPHRASE,
  actions,
  expectConverged,
  expectHolds,
  filesUnder,
  folderWorld,
  gitWorld,
  joinTarget,
  laptop,
  localState,
  quiesce,
  sh,
  someWork,
  type Laptop,
  type World,
} from '../support/syncStack.ts';

/**
 * A hostile or broken target through the whole stack (Dexie store, real transport over real
 * folders and real git, runSyncRound): links, FIFOs and oversize files are named and skipped
 * while the rest of the round goes on, nothing is written outside the target, and a target that
 * lost its encryption.json is never written in the clear.
 */

const CAP = 64 * 1024 * 1024;
let hands = 0;

/** Change the target behind the app's back: in the shared folder, or by a commit pushed from a scratch clone. */
async function byHand(world: World, change: (dir: string) => Promise<void>): Promise<void> {
  if (world.kind === 'folder') return change(world.place);
  const dir = join(world.root, `hand-${hands++}`);
  await sh(world.root, ['clone', '-q', `file://${world.place}`, dir]);
  await change(dir);
  await sh(dir, ['add', '-A']);
  await sh(dir, ['commit', '-q', '-m', 'changed by hand']);
  await sh(dir, ['push', '-q', 'origin', 'HEAD:main']);
}

/** Ben's eight ops, sent as segments 1-2, 3-4, 5-6, 7-8. */
async function benSends(ben: Laptop): Promise<OpEnvelope[]> {
  const act = actions(ben, 'Ben');
  const ops = [...(await someWork(ben, 'Ben', 'ben001'))];
  for (const n of [3, 4, 5]) ops.push(await act.add('inc-ben001', `ent-ben001-${n}`, `note ${n}`));
  expect(await ben.sync({ maxOpsPerSegment: 2 })).toMatchObject({ ok: true, pushed: 8 });
  return ops;
}

describe.each([
  ['folder', () => folderWorld()],
  ['git', () => gitWorld()],
] as const)('hostile files on a %s target', (kind, makeWorld) => {
  it('segments that are a FIFO, a link to /dev/zero or bigger than 64 MiB: each named, the rest of the round goes on, every round; restored → converged', async () => {
    const world = await makeWorld();
    const ana = await joinTarget(world, 0, 'Ana');
    const ben = await joinTarget(world, 1, 'Ben');
    const benOps = await benSends(ben);
    const anaOps = await someWork(ana, 'Ana', 'ana001');
    const seg = (first: number, last: number) => segmentPath(ben.device, first, last, false);
    const saved = new Map<string, Buffer>();
    const fifos: string[] = [];
    await byHand(world, async (dir) => {
      for (const [first, last] of [[3, 4], [5, 6], [7, 8]] as const) {
        saved.set(seg(first, last), await readFile(join(dir, seg(first, last))));
        await rm(join(dir, seg(first, last)));
      }
      // git cannot hold a FIFO: there segment 3-4 is simply missing.
      if (kind === 'folder') {
        mkfifo(join(dir, seg(3, 4)));
        fifos.push(join(dir, seg(3, 4)));
      }
      await symlink('/dev/zero', join(dir, seg(5, 6)));
      await sparseFile(join(dir, seg(7, 8)), CAP + 1);
    });

    for (const round of [1, 2]) {
      const report = await withinMs(ana.sync(), 15_000, fifos);
      if (report === 'hung') throw new Error(`round ${round} hung`);
      expect(report).toMatchObject({ ok: true, pushed: round === 1 ? 5 : 0, received: round === 1 ? 2 : 0 });
      expect(report.problems).toEqual([
        ...(kind === 'folder' ? [{ file: seg(3, 4), reason: `${seg(3, 4)} is a named pipe (FIFO) where War Room expects a regular file, so it was not read.` }] : []),
        { file: seg(5, 6), reason: `${seg(5, 6)} is a symbolic link: War Room never follows a link inside a target, so it was not read.` },
        { file: seg(7, 8), reason: `${seg(7, 8)} is ${CAP + 1} bytes, more than the ${CAP} it may hold, so it was not read.` },
      ]);
      expect(report.cursors[ben.device]).toBe(2);
    }
    await expectHolds(ana.db, anaOps, benOps.slice(0, 2));

    await byHand(world, async (dir) => {
      for (const [path, bytes] of saved) {
        await rm(join(dir, path), { force: true });
        await writeFile(join(dir, path), bytes);
      }
    });
    await quiesce([ana, ben]);
    await expectConverged([ana, ben]);
    await expectHolds(ana.db, anaOps, benOps);
  }, 120_000);

  it("this laptop's ops folder is a link out of the target: fault naming it, nothing written outside, nothing local changed; removed → pushes", async () => {
    const world = await makeWorld();
    const ana = await joinTarget(world, 0, 'Ana');
    const ben = await joinTarget(world, 1, 'Ben');
    const outside = join(world.root, 'outside');
    await mkdir(outside);
    await byHand(world, async (dir) => {
      await mkdir(join(dir, 'warroom/v1/ops'), { recursive: true });
      await symlink(outside, join(dir, opsFolderPath(ana.device)));
    });
    const anaOps = await someWork(ana, 'Ana', 'ana001');
    const before = await localState(ana.db);

    const report = await ana.sync();
    expect(report).toMatchObject({
      ok: false,
      pushed: 0,
      fault: { code: 'damaged', file: opsFolderPath(ana.device), message: `${opsFolderPath(ana.device)} is a symbolic link: War Room never follows a link inside a target, so nothing was written through it.` },
    });
    expect(await readdir(outside)).toEqual([]);
    expect(await localState(ana.db)).toEqual(before);

    await byHand(world, (dir) => rm(join(dir, opsFolderPath(ana.device))));
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 5, problems: [] });
    expect(await ben.sync()).toMatchObject({ ok: true, received: 5 });
    await expectHolds(ben.db, [], anaOps);
    expect(await readdir(outside)).toEqual([]);
  }, 60_000);

  it('encryption.json disappears: no laptop writes a byte of plaintext, passphrase or not; a clear fault ("restore it"); restored → syncs', async () => {
    const world = await makeWorld();
    const encrypted = (index: number): TargetConfig => world.config(index, { encryption: { passphrase: PASSPHRASE } });
    const ben = await laptop(1, 'Ben', encrypted(1));
    expect(await setUpTarget(ben.target, { notice: () => {} })).toMatchObject({ ok: true });
    const ana = await laptop(0, 'Ana', encrypted(0));
    expect(await setUpTarget(ana.target, { notice: () => {} })).toMatchObject({ ok: true });
    const benOps = await someWork(ben, 'Ben', 'ben001');
    await quiesce([ben, ana]);

    let key = Buffer.alloc(0);
    await byHand(world, async (dir) => {
      key = await readFile(join(dir, ENCRYPTION_PATH));
      await rm(join(dir, ENCRYPTION_PATH));
    });
    const SECRET = 'launch codes 0000-4711';
    const secret = await actions(ana, 'Ana').add('inc-ben001', 'ent-secret01', SECRET);
    const lost = { code: 'damaged', file: ENCRYPTION_PATH, message: expect.stringMatching(/^warroom\/encryption\.json is missing, but .*nothing was read or written.*\. Restore warroom\/encryption\.json from another copy/) };

    // Ana still has the passphrase set: a clear fault, no advice to remove it.
    const withKey = await ana.sync();
    expect(withKey).toMatchObject({ ok: false, pushed: 0, received: 0, fault: lost });
    expect(withKey.fault?.message).not.toMatch(/remove the passphrase/i);
    // Ana without the passphrase (as the old advice said), and Carl, new and plain: refused alike.
    ana.target = world.config(0);
    expect(await ana.sync()).toMatchObject({ ok: false, pushed: 0, fault: lost });
    expect(await setUpTarget(world.config(2), { notice: () => {} })).toMatchObject({ ok: false, fault: lost });
    const carl = await laptop(2, 'Carl', world.config(2));
    await someWork(carl, 'Carl', 'carl01');
    expect(await carl.sync()).toMatchObject({ ok: false, pushed: 0, fault: lost });

    expect(await plaintextOf(world, [SECRET, 'Carl'])).toEqual([]);

    await byHand(world, async (dir) => writeFile(join(dir, ENCRYPTION_PATH), key));
    ana.target = encrypted(0);
    await quiesce([ana, ben]);
    await expectConverged([ana, ben]);
    await expectHolds(ben.db, benOps, [secret]);
    expect(await plaintextOf(world, [SECRET])).toEqual([]);
  }, 120_000);
});

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => execFile('git', args, { cwd, maxBuffer: 256 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout))));
}

/**
 * Where any of `needles` can be read in the clear on the target: files in the shared folder; for
 * git, every object of the remote and of every clone (committed or not yet pushed) and every
 * clone's working tree.
 */
async function plaintextOf(world: World, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const look = (where: string, text: string) => {
    for (const needle of needles) if (text.includes(needle)) found.push(`${where}: ${needle}`);
  };
  const lookIn = async (dir: string) => {
    for (const [path, base64] of Object.entries(await filesUnder(dir))) look(join(dir, path), Buffer.from(base64, 'base64').toString('utf8'));
  };
  if (world.kind === 'folder') {
    await lookIn(world.place);
    return found;
  }
  const clones = join(world.root, 'clones');
  const repos = [world.place, ...(await readdir(clones)).map((name) => join(clones, name))];
  for (const repo of repos) look(`${repo} objects`, await git(repo, ['cat-file', '--batch-all-objects', '--batch']));
  await lookIn(clones);
  return found;
}
