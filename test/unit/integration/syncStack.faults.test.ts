import 'fake-indexeddb/auto';
import { chmod, mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { setUpTarget } from '../../../electron/host/transports/index.ts';
import type { WarRoomDb } from '../../../renderer/db/database.ts';
import { verifyIncident } from '../../../renderer/db/integrity.ts';
import { heldForClock, replayPending } from '../../../renderer/db/replayPending.ts';
import { heldGroups, heldLogLines } from '../../../renderer/features/sync/heldWording.ts';
import { createOp, type OpIntent, entryKey } from '../../../shared/entities/index.ts';
import { freshDeviceState } from '../../../shared/ops/createOp.ts';
import type { OpEnvelope } from '../../../shared/ops/envelope.ts';
import { parseHlc } from '../../../shared/ops/hlc.ts';
import { CLOCK_HOLD_REASON } from '../../../shared/sync/farAhead.ts';
import { ENCRYPTION_PATH, FORMAT_PATH, deviceInfoPath, opsFolderPath, segmentPath } from '../../../shared/sync/layout.ts';
import { encodeSegment } from '../../../shared/sync/segment.ts';
import { canonicalJson } from '../../../shared/util/canonicalJson.ts';
import { rechain, rehashed } from '../support/chains.ts';
import { ownForkStatus, strandedOwnOps, takeNewIdentity } from '../../../renderer/db/newIdentity.ts';
import {
  DEVICE_IDS,
  PASSPHRASE,
  TARGET_ID,
  actions,
  expectConverged,
  expectHolds,
  filesUnder,
  folderWorld,
  freshDb,
  gitHttpServer,
  gitWorld,
  joinTarget,
  laptop,
  laptopOver,
  localState,
  makeReadOnly,
  makeWritable,
  quiesce,
  scratch,
  sh,
  someWork,
  unprivilegedPort,
  value,
  type Laptop,
  type World,
} from '../support/syncStack.ts';

/**
 * Every fault a target can throw at a round, through the whole stack (Dexie store, real
 * transport, runSyncRound): (a) nothing local is lost or changed beyond good ops received, (b)
 * the fault or problem names the file and says why in plain words, (c) once the cause is gone a
 * later clean round brings everything across and the laptops converge.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;

async function opsOf(db: WarRoomDb): Promise<OpEnvelope[]> {
  return db.ops.toArray();
}

/** A folder target with Ana and Ben set up; Ben has sent five ops, Ana has five of her own unsent. */
async function anaAndBen(): Promise<{ world: World; ana: Laptop; ben: Laptop; benOps: OpEnvelope[]; anaOps: OpEnvelope[]; benSegment: string }> {
  const world = await folderWorld();
  const ana = await joinTarget(world, 0, 'Ana');
  const ben = await joinTarget(world, 1, 'Ben');
  const benOps = await someWork(ben, 'Ben', 'ben001');
  expect(await ben.sync()).toMatchObject({ ok: true, pushed: 5 });
  const anaOps = await someWork(ana, 'Ana', 'ana001');
  return { world, ana, ben, benOps, anaOps, benSegment: segmentPath(ben.device, 1, 5, false) };
}

/**
 * Ana's IndexedDB copied row for row into a second install (same device id, same chain head),
 * both then working apart: the original makes seq 6 and sends it; the copy makes its own seq 6
 * and 7 and has not synced yet. Ben has everything up to seq 5.
 */
async function forked() {
  const world = await folderWorld();
  const ana = await joinTarget(world, 0, 'Ana');
  const ben = await joinTarget(world, 1, 'Ben');
  await someWork(ana, 'Ana', 'ana001');
  await quiesce([ana, ben]);

  const copyDb = freshDb();
  for (const table of ana.db.tables) await copyDb.table(table.name).bulkPut(await table.toArray());
  const copy = laptopOver('Ana (copied profile)', ana.device, copyDb, world.config(0));
  expect(await localState(copyDb)).toEqual(await localState(ana.db));

  const original6 = await actions(ana, 'Ana').add('inc-ana001', 'ent-original', 'written on the original');
  const copy6 = await actions(copy, 'Ana').add('inc-ana001', 'ent-copy0001', 'written on the copy');
  const copy7 = await actions(copy, 'Ana').set('inc-ana001', { status: 'monitoring' });
  expect([original6.id, copy6.id]).toEqual([`${ana.device}-6`, `${ana.device}-6`]);
  expect(original6.hash).not.toBe(copy6.hash);
  expect(await ana.sync()).toMatchObject({ ok: true, pushed: 1, problems: [] });
  return { world, ana, ben, copy, original6, copy6, copy7 };
}

/** Replace line `n` (1-based) of a segment on the folder target. */
async function editLine(world: World, rel: string, n: number, change: (line: string) => string): Promise<Buffer> {
  const path = join(world.place, rel);
  const original = await readFile(path);
  const lines = original.toString('utf8').split('\n');
  lines[n - 1] = change(lines[n - 1] ?? '');
  await writeFile(path, lines.join('\n'));
  return original;
}

describe('the target is not there', () => {
  it('a missing folder: unreachable, nothing changes anywhere; once it appears and is set up, sync works both ways', async () => {
    const world = await folderWorld(false);
    const ana = await laptop(0, 'Ana', world.config(0));
    await someWork(ana, 'Ana', 'ana001');
    const before = await localState(ana.db);

    const report = await ana.sync();
    expect(report).toMatchObject({ ok: false, pushed: 0, received: 0, problems: [], fault: { code: 'unreachable', message: expect.stringMatching(/share is not there — is the drive or share mounted\? Nothing was changed\./) } });
    expect(await localState(ana.db)).toEqual(before);
    expect(await readdir(world.root)).toEqual([]); // not created by the round

    await mkdir(world.place);
    const ben = await joinTarget(world, 1, 'Ben');
    await someWork(ben, 'Ben', 'ben001');
    expect(await ben.sync()).toMatchObject({ ok: true, pushed: 5 });
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 5, received: 5, problems: [] });
    expect(await ben.sync()).toMatchObject({ ok: true, pushed: 0, received: 5, problems: [] });
    await expectConverged([ana, ben]);
  });

  it('a git remote that has gone away: unreachable, nothing local changes; back again → syncs both ways', async () => {
    const world = await gitWorld();
    const ana = await joinTarget(world, 0, 'Ana');
    const ben = await joinTarget(world, 1, 'Ben');
    await someWork(ana, 'Ana', 'ana001');
    await someWork(ben, 'Ben', 'ben001');
    await quiesce([ana, ben]);

    await rename(world.place, `${world.place}.away`); // the share holding the bare repo is gone
    await someWork(ana, 'Ana', 'ana002');
    const before = await localState(ana.db);
    const report = await ana.sync();
    expect(report).toMatchObject({
      ok: false,
      pushed: 0,
      received: 0,
      fault: { code: 'unreachable', message: expect.stringMatching(/^The Git remote could not be reached while fetching from the Git remote file:\/\/.* — are you offline\? \(git said: .*does not appear to be a git repository\)$/) },
    });
    expect(await localState(ana.db)).toEqual(before);

    await rename(`${world.place}.away`, world.place);
    await someWork(ben, 'Ben', 'ben002');
    await quiesce([ana, ben]);
    await expectConverged([ana, ben]);
    expect((await localState(ben.db)).ops).toHaveLength(20);
  });

  it('an empty mount point (no format.json): unreachable, never "deleted" — nothing removed here, nothing written there', async () => {
    const world = await folderWorld();
    const ana = await joinTarget(world, 0, 'Ana');
    const ben = await joinTarget(world, 1, 'Ben');
    await someWork(ana, 'Ana', 'ana001');
    await someWork(ben, 'Ben', 'ben001');
    await quiesce([ana, ben]);

    // The drive is unmounted: its folder is still there, empty.
    await rename(world.place, `${world.place}.disk`);
    await mkdir(world.place);
    await someWork(ana, 'Ana', 'ana002');
    const before = await localState(ana.db);
    expect(before.ops).toHaveLength(15);
    for (const laptop of [ana, ben]) {
      const report = await laptop.sync();
      expect(report).toMatchObject({
        ok: false,
        pushed: 0,
        received: 0,
        fault: { code: 'unreachable', file: FORMAT_PATH, message: expect.stringMatching(/holds no War Room archive .*is the drive mounted.*Nothing was changed\./) },
      });
    }
    expect(await localState(ana.db)).toEqual(before);
    expect(await readdir(world.place)).toEqual([]);

    // Mounted again: everything flows, both ways.
    await rmdir(world.place);
    await rename(`${world.place}.disk`, world.place);
    await someWork(ben, 'Ben', 'ben002');
    await quiesce([ana, ben]);
    await expectConverged([ana, ben]);
    expect((await localState(ben.db)).ops).toHaveLength(20);
  });
});

describe('damaged segments: the bad line is reported with file and line, the rest is applied', () => {
  it('a truncated segment (a synced drive still copying it): complete lines applied, cursor held; completed later, the rest arrives', async () => {
    const { world, ana, ben, benOps, anaOps, benSegment } = await anaAndBen();
    const path = join(world.place, benSegment);
    const whole = await readFile(path);
    const lineEnds = [...whole.entries()].filter(([, byte]) => byte === 0x0a).map(([i]) => i + 1);

    // First the copy has stopped exactly after line 3: the file ends early.
    await writeFile(path, whole.subarray(0, lineEnds[2]));
    const early = await ana.sync();
    expect(early).toMatchObject({ ok: true, pushed: 5, received: 3 });
    expect(early.problems).toEqual([{ file: benSegment, line: 4, reason: 'ends early: seq 4–5 missing' }]);
    // The cursor moves over what arrived, judged by content, and stops at the first missing seq.
    expect(early.cursors[ben.device] ?? 0).toBe(3);
    await expectHolds(ana.db, anaOps, benOps.slice(0, 3));

    // Then it stops inside the last line.
    await writeFile(path, whole.subarray(0, whole.length - 30));
    const cut = await ana.sync();
    expect(cut).toMatchObject({ ok: true, pushed: 0, received: 1, duplicates: 3 });
    expect(cut.problems).toEqual([{ file: benSegment, line: 5, reason: 'truncated: the last line has no newline' }]);
    expect(cut.cursors[ben.device] ?? 0).toBe(4);
    expect((await localState(ana.db)).cursors[ben.device] ?? 0).toBe(4);
    await expectHolds(ana.db, anaOps, benOps.slice(0, 4));

    await writeFile(path, whole); // the copy finished
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 0, received: 1, duplicates: 4, problems: [], cursors: { [ben.device]: 5, [ana.device]: 5 } });
    expect(await ben.sync()).toMatchObject({ ok: true, received: 5, problems: [] });
    await expectConverged([ana, ben]);
    await expectHolds(ana.db, anaOps, benOps);
  });

  it('a garbage line in the middle: reported with file and line; the lines around it applied', async () => {
    const { world, ana, ben, benOps, anaOps, benSegment } = await anaAndBen();
    const original = await editLine(world, benSegment, 3, () => '\u0000\u0000PK garbage from a bad sector {');

    const report = await ana.sync();
    expect(report).toMatchObject({ ok: true, pushed: 5, received: 4 });
    expect(report.problems).toEqual([{ file: benSegment, line: 3, reason: 'not JSON' }]);
    expect(report.cursors[ben.device] ?? 0).toBe(2);
    expect(report.beyond[ben.device]).toEqual([{ first: 4, last: 5 }]);
    await expectHolds(ana.db, anaOps, benOps.filter((op) => op.seq !== 3));

    await writeFile(join(world.place, benSegment), original); // restored from another copy
    expect(await ana.sync()).toMatchObject({ ok: true, received: 1, duplicates: 4, problems: [] });
    await quiesce([ana, ben]);
    await expectConverged([ana, ben]);
  });

  it('a tampered line (text edited, hash kept): "hash mismatch" with file and line; that op is not applied', async () => {
    const { world, ana, ben, benOps, anaOps, benSegment } = await anaAndBen();
    const original = await editLine(world, benSegment, 2, (line) => {
      const op = JSON.parse(line) as OpEnvelope & { data: { fields: { text: string } } };
      op.data.fields.text = 'Nothing to see here — Mallory';
      return canonicalJson(op);
    });

    const report = await ana.sync();
    expect(report).toMatchObject({ ok: true, pushed: 5, received: 4 });
    expect(report.problems).toEqual([{ file: benSegment, line: 2, reason: expect.stringMatching(/^hash mismatch: the content hashes to [0-9a-f]{12}…, the line says [0-9a-f]{12}…$/) }]);
    expect(await ana.db.ops.where('[device+seq]').equals([ben.device, 2]).count()).toBe(0);
    expect(JSON.stringify(await ana.db.entries.toArray())).not.toContain('Mallory');
    await expectHolds(ana.db, anaOps, benOps.filter((op) => op.seq !== 2));

    await writeFile(join(world.place, benSegment), original);
    expect(await ana.sync()).toMatchObject({ ok: true, received: 1, problems: [] });
    expect((await ana.db.entries.get(entryKey('inc-ben001', 'ent-ben001-1')))?.view).toMatchObject({ text: 'first note, corrected', author: 'Ben' });
    await quiesce([ana, ben]);
    await expectConverged([ana, ben]);
  });
});

describe('ops the round must keep but treat specially', () => {
  it('a fork (a copied profile: two installs, one device id): reported naming device and seq, both ops kept, nothing deleted, nothing interleaved', async () => {
    const { world, ana, ben, copy, original6 } = await forked();
    const copyBefore = await opsOf(copy.db);
    // The copy reads what the target holds under its id before writing: another install's seq 6.
    const seen = await copy.sync();
    expect(seen).toMatchObject({
      ok: false,
      pushed: 0,
      received: 1,
      ownVerified: 5,
      ownMaxSeq: 7,
      fault: { code: 'fork', message: expect.stringMatching(new RegExp(`device id ${ana.device} .*seq 6\\. Nothing more was sent`)) },
    });
    expect(seen.problems).toEqual([
      { file: segmentPath(ana.device, 6, 6, false), reason: expect.stringMatching(new RegExp(`^fork: device ${ana.device} seq 6 differs .*both are kept$`)) },
    ]);
    expect(await copy.db.ops.where('[device+seq]').equals([ana.device, 6]).count()).toBe(2);
    await expectHolds(copy.db, copyBefore, [original6]);
    // Round after round it stays so: never "in step" while its changes are stranded.
    expect(await copy.sync()).toMatchObject({ ok: false, fault: { code: 'fork' }, ownVerified: 5 });

    // Nothing was deleted, overwritten or interleaved on the target: the original's chain alone.
    expect(Object.keys(await filesUnder(join(world.place, opsFolderPath(ana.device)))).sort()).toEqual(['000000000001-000000000005.jsonl', '000000000006-000000000006.jsonl']);
    expect(await ana.sync()).toMatchObject({ ok: true, problems: [], ownVerified: 6 });
    const benBefore = await opsOf(ben.db);
    expect(await ben.sync()).toMatchObject({ ok: true, received: 1, problems: [] });
    await expectHolds(ben.db, benBefore, [original6]);
    expect((await verifyIncident(ben.db, 'inc-ana001')).problems).toEqual([]);
  });

  it('a copied profile is mended by a new identity on the install that shows it: stranded ops are recorded again under it, nothing is lost, every laptop converges', async () => {
    const { ana, ben, copy } = await forked();
    const report = await copy.sync();
    expect(report.fault?.code).toBe('fork');
    expect((await ana.sync()).ok).toBe(true);
    // What the app's sync service records from each round (this harness runs rounds bare).
    await copy.db.syncTargets.toCollection().modify({ pushedSeq: report.ownVerified });

    // The copy: its seq 6 lost the race for the file name, its seq 7 was never sent.
    const { stranded, twins } = await strandedOwnOps(copy.db);
    expect([stranded.map((op) => op.seq), twins]).toEqual([[6, 7], 1]);
    expect(await ownForkStatus(copy.db)).toEqual({ device: copy.device, twins: 1, unsent: 2, stranded: 2 });
    expect(await ownForkStatus(ben.db)).toMatchObject({ twins: 0 });
    // Read-only, as a live query needs: a laptop that has made no op yet is not given a device id by asking.
    const untouched = freshDb();
    expect(await untouched.transaction('r', untouched.ops, untouched.meta, untouched.syncTargets, () => ownForkStatus(untouched))).toEqual({ device: '', twins: 0, unsent: 0, stranded: 0 });
    expect(await untouched.meta.count()).toBe(0);
    const copyNew = await takeNewIdentity(copy.db);
    expect(copyNew.reissued).toBe(2);
    expect(copyNew.device).not.toBe(ana.device);
    expect(await copy.sync()).toMatchObject({ ok: true, pushed: 2, ownVerified: 2, ownMaxSeq: 2 });

    for (let pass = 0; pass < 2; pass++) for (const laptop of [ana, ben, copy]) expect(await laptop.sync()).toMatchObject({ ok: true, problems: [] });
    await expectConverged([ana, ben, copy]);
    const texts = (await ben.db.entries.toArray()).map((row) => row.view?.text);
    expect(texts).toEqual(expect.arrayContaining(['written on the original', 'written on the copy']));
    expect((await ben.db.incidents.get('inc-ana001'))?.view?.status).toBe('monitoring');
  });

  /**
   * docs/sync-format.md: a reader verifies every line's prev chain. The first line of a segment chains onto
   * an op that arrived in an earlier round (seq first-1): the round asks the store for it.
   */
  it('a third laptop is told when a segment does not chain onto the op it holds (forked chain)', async () => {
    const { world, ana, ben, copy7 } = await forked();
    await ben.sync();
    // An older War Room (or any tool) published the copy's seq 7 after the original's seq 6.
    await writeFile(join(world.place, segmentPath(ana.device, 7, 7, false)), encodeSegment([copy7]));
    const report = await ben.sync();
    expect(report.problems).toContainEqual(expect.objectContaining({ file: segmentPath(ana.device, 7, 7, false), line: 1 }));
  });

  it('ops from a newer app (unknown kind, unknown field): kept in db.pending, not applied, reported; the rest applied', async () => {
    const world = await folderWorld();
    const ana = await joinTarget(world, 0, 'Ana');
    const anaOps = await someWork(ana, 'Ana', 'ana001');

    // Ben runs a newer War Room: his chain holds a kind and a field this app does not know.
    const newer = DEVICE_IDS[1];
    const intents: OpIntent[] = [
      { actor: 'Ben', incident: 'inc-ben001', kind: 'incident.declare', data: { title: 'From the future app', severity: 'P2', type: 'data', declaredAt: new Date().toISOString() } },
      { actor: 'Ben', incident: 'inc-ben001', kind: 'entry.add', data: { entry: 'ent-check01', fields: { text: 'checklist item', kind: 'note', eventAt: new Date().toISOString(), pinned: false, tags: [] } } },
      { actor: 'Ben', incident: 'inc-ben001', kind: 'entry.add', data: { entry: 'ent-react01', fields: { text: 'with a reaction', kind: 'note', eventAt: new Date().toISOString(), pinned: false, tags: [] } } },
      { actor: 'Ben', incident: 'inc-ben001', kind: 'incident.set', data: { fields: { status: 'identified' } } },
    ];
    let state = freshDeviceState(newer);
    const made: OpEnvelope[] = [];
    for (const intent of intents) {
      const next = createOp(state, intent, Date.now());
      state = next.state;
      made.push(next.op);
    }
    const [declare, add, react, set] = made as [OpEnvelope, OpEnvelope, OpEnvelope, OpEnvelope];
    const chain = rechain([
      declare,
      rehashed(add, { kind: 'checklist.check', data: { checklist: 'triage', item: 'page the on-call' } }),
      rehashed(react, { data: { ...react.data, reactions: ['👍'] } }),
      set,
    ]);
    await mkdir(join(world.place, 'warroom/v1/devices'), { recursive: true });
    await writeFile(join(world.place, deviceInfoPath(newer)), JSON.stringify({ device: newer, name: 'Ben', createdAt: '2027-01-01T00:00:00.000Z', app: 'War Room 0.2' }));
    await mkdir(join(world.place, opsFolderPath(newer)), { recursive: true });
    await writeFile(join(world.place, segmentPath(newer, 1, 4, false)), encodeSegment(chain));

    const report = await ana.sync();
    expect(report).toMatchObject({ ok: true, pushed: 5, received: 2, pending: 2, problems: [], future: [], cursors: { [newer]: 4, [ana.device]: 5 } });
    const pending = await ana.db.pending.toArray();
    expect(pending.map((row) => [row.op.id, row.op.hash, row.reason]).sort()).toEqual([
      [`${newer}-2`, chain[1]?.hash, 'unknown kind checklist.check'],
      [`${newer}-3`, chain[2]?.hash, expect.stringMatching(/^data\..*reactions/)],
    ]);
    await expectHolds(ana.db, anaOps, [chain[0] as OpEnvelope, chain[3] as OpEnvelope]);
    expect(await ana.db.entries.count()).toBe(2); // Ana's two; neither of Ben's

    // Read once: the cursor moved past them, so a later round neither re-reports nor loses them.
    expect(await ana.sync()).toMatchObject({ ok: true, received: 0, pending: 0, problems: [] });
    expect(await ana.db.pending.count()).toBe(2);
  });

  it('ops stamped three days ahead: held aside, not applied, flagged with their laptop; accepted, applied without dragging the clock', async () => {
    const world = await folderWorld();
    const ana = await joinTarget(world, 0, 'Ana');
    const ben = await joinTarget(world, 1, 'Ben');
    const anaOps = await someWork(ana, 'Ana', 'ana001');
    const skewed = actions(ben, 'Ben', () => Date.now() + 3 * DAY); // Ben's laptop clock is wrong
    const benOps = [await skewed.declare('inc-ben001', 'Clock skew'), await skewed.add('inc-ben001', 'ent-ben00001', 'from the future')];
    expect(await ben.sync()).toMatchObject({ ok: true, pushed: 2 });

    const report = await ana.sync();
    const benLaptop = { id: ben.device, name: 'Ben' };
    expect(report).toMatchObject({ ok: true, pushed: 5, received: 0, pending: 0, problems: [], cursors: { [ben.device]: 2 } });
    expect(report.future).toEqual(benOps.map((op) => ({ opId: op.id, hlc: op.hlc, device: benLaptop, origin: benLaptop })));
    await expectHolds(ana.db, anaOps, []);
    const held = (await heldForClock(ana.db)).map((row) => [row.op.hash, row.reason, row.clock]);
    expect(held).toEqual(benOps.map((op) => [op.hash, CLOCK_HOLD_REASON, { deviceName: 'Ben' }]).sort());
    // The release after every round leaves them: their time has not come.
    expect(await replayPending(ana.db)).toBe(0);

    const clock = async () => ((await ana.db.meta.get('device'))?.value as { clock: { wall: number } }).clock.wall;
    const after = await actions(ana, 'Ana').add('inc-ana001', 'ent-after001', 'after the future arrived');
    expect(after.hlc < (benOps[0]?.hlc ?? '')).toBe(true);

    // Someone accepts them in the Sync dialog: applied now; this laptop's clock still stays its own.
    expect(await replayPending(ana.db, Date.now, new Set(benOps.map((op) => op.hash)))).toBe(2);
    expect(await clock()).toBeLessThanOrEqual(Date.now());
    expect(await heldForClock(ana.db)).toEqual([]);
    await expectHolds(ana.db, [...anaOps, after], benOps);
    await quiesce([ana, ben]);
    await expectConverged([ana, ben]);
  });

  it('a laptop whose clock says 2036 cannot make a later title edit snap back', async () => {
    const world = await folderWorld();
    const ana = await joinTarget(world, 0, 'Ana');
    const ben = await joinTarget(world, 1, 'Ben');
    await actions(ana, 'Ana').declare('inc-ana001', 'Checkout down');
    await quiesce([ana, ben]);
    await actions(ben, 'Ben', () => Date.UTC(2036, 0, 1)).set('inc-ana001', { title: 'Title from 2036' });
    expect(await ben.sync()).toMatchObject({ ok: true, pushed: 1 });

    const title = async () => (await ana.db.incidents.get('inc-ana001'))?.view?.title;
    await actions(ana, 'Ana').set('inc-ana001', { title: 'Checkout down: payments' });
    expect((await ana.sync()).future).toHaveLength(1);
    expect(await title()).toBe('Checkout down: payments');
    await actions(ana, 'Ana').set('inc-ana001', { title: 'Checkout down: payments, EU' });
    expect(await title()).toBe('Checkout down: payments, EU');
    expect(((await ana.db.meta.get('device'))?.value as { clock: { wall: number } }).clock.wall).toBeLessThanOrEqual(Date.now());
  });
  it('one laptop 20 h ahead, one relaying its time, one 6 h behind: the slow laptop flags the fast one, not the relay', async () => {
    const world = await folderWorld();
    const [ana, carla, ben] = [await joinTarget(world, 0, 'Ana'), await joinTarget(world, 2, 'Carla'), await joinTarget(world, 1, 'Ben')];
    const anaOp = await actions(ana, 'Ana', () => Date.now() + 20 * HOUR).declare('inc-ana001', 'Checkout down');
    await ana.sync();
    // Carla's clock is right: she adopts Ana's time (within the drift), so her next op carries it.
    expect(await carla.sync()).toMatchObject({ ok: true, received: 1, future: [] });
    const carlaOp = await actions(carla, 'Carla').add('inc-ana001', 'ent-carla001', 'seen here too');
    expect(parseHlc(carlaOp.hlc)?.wall).toBe(parseHlc(anaOp.hlc)?.wall);
    await carla.sync();

    const slow = () => Date.now() - 6 * HOUR;
    const report = await ben.sync({ now: slow });
    const anaLaptop = { id: ana.device, name: 'Ana' };
    expect(report.future).toEqual([
      { opId: anaOp.id, hlc: anaOp.hlc, device: anaLaptop, origin: anaLaptop },
      { opId: carlaOp.id, hlc: carlaOp.hlc, device: { id: carla.device, name: 'Carla' }, origin: anaLaptop },
    ]);
    const [line, ...more] = heldLogLines(report.future, slow());
    expect(more).toEqual([]);
    expect(line).toMatch(/^2 changes stamped up to 2\d h ahead of this laptop’s clock by the clock of Ana \(relayed by Carla\): held/);
    expect((await heldForClock(ben.db)).length).toBe(2);
    expect(heldGroups(await heldForClock(ben.db)).map(({ group, ids }) => [group.origin?.name, group.relayedBy.map((d) => d.name), ids.length])).toEqual([['Ana', ['Carla'], 2]]);

    // Three hours on, Ben's clock is within a day of their stamps: the release after a round applies them.
    expect(await replayPending(ben.db, () => slow() + 3 * HOUR)).toBe(2);
    await expectHolds(ben.db, [], [anaOp, carlaOp]);
  });
});

describe('the target refuses writes', () => {
  /**
   * A real EACCES: the folder is made 0555/0444. The tests run as root here, and root ignores
   * modes, so the host transport runs in a child process as "nobody" (see unprivilegedPort) while
   * the round and Dexie stay in this process, as renderer and host are separate in the app.
   */
  it('a read-only folder (real EACCES): read-only fault naming the file, local intact; writable again → pushes', async (ctx) => {
    const { world, ana, ben, benOps, anaOps } = await anaAndBen();
    const readOnlyPort = await unprivilegedPort(ana);
    if (!readOnlyPort) return ctx.skip('cannot switch to an unprivileged user: a real EACCES cannot be staged');
    const writablePort = ana.port;
    ana.port = readOnlyPort;
    await makeReadOnly(world.place, [world.root]);
    const targetBefore = await filesUnder(world.place);
    const before = await localState(ana.db);

    const report = await ana.sync();
    expect(report).toMatchObject({
      ok: false,
      pushed: 0,
      received: 0,
      fault: { code: 'read-only', file: deviceInfoPath(ana.device), message: `The target is read-only for this laptop: ${deviceInfoPath(ana.device)} could not be written (permission denied).` },
    });
    expect(await localState(ana.db)).toEqual(before);
    expect(await filesUnder(world.place)).toEqual(targetBefore);

    await makeWritable(world.place);
    ana.port = writablePort;
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 5, received: 5, problems: [] });
    expect(await ben.sync()).toMatchObject({ ok: true, received: 5 });
    await expectConverged([ana, ben]);
    await expectHolds(ana.db, anaOps, benOps);
  });

  /**
   * Always stageable, root or not: the device's ops folder path is a regular FILE, so the
   * transport's mkdir fails (EEXIST) — a write error that is not a permission problem.
   */
  it('its ops folder cannot be made (a file is in the way): write-failed naming the segment, local intact; removed → pushes', async () => {
    const { world, ana, ben, benOps, anaOps } = await anaAndBen();
    const blocker = join(world.place, opsFolderPath(ana.device));
    await writeFile(blocker, 'not a folder');
    const before = await localState(ana.db);

    const report = await ana.sync();
    expect(report).toMatchObject({
      ok: false,
      pushed: 0,
      received: 0,
      fault: { code: 'write-failed', file: segmentPath(ana.device, 1, 5, false), message: `${segmentPath(ana.device, 1, 5, false)} could not be written (EEXIST).` },
    });
    expect(await localState(ana.db)).toEqual(before);
    expect(await readFile(blocker, 'utf8')).toBe('not a folder');

    await rm(blocker);
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 5, received: 5, problems: [] });
    expect(await ben.sync()).toMatchObject({ ok: true, received: 5 });
    await expectConverged([ana, ben]);
    await expectHolds(ben.db, benOps, anaOps);
  });
});

describe('git remotes that say no', () => {
  it('a remote that starts asking for a password (401): auth fault, nothing local changed; credentials back → syncs both ways', async () => {
    // The system git talks to 127.0.0.1 directly, whatever proxy the machine has.
    vi.stubEnv('NO_PROXY', '127.0.0.1');
    vi.stubEnv('no_proxy', '127.0.0.1');
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const root = await scratch('warroom-stack-');
    await sh(root, ['init', '-q', '--bare', '--initial-branch=main', join(root, 'remote.git')]);
    const server = await gitHttpServer(root);
    const anaTarget = { kind: 'git' as const, url: server.url('remote.git'), branch: 'main', cloneDir: join(root, 'clone-ana') };
    value(await setUpTarget(anaTarget, { notice: () => {} }));
    const ana = await laptop(0, 'Ana', anaTarget);
    // Ben reaches the same repository through the file system.
    const benTarget = { kind: 'git' as const, url: `file://${join(root, 'remote.git')}`, branch: 'main', cloneDir: join(root, 'clone-ben') };
    value(await setUpTarget(benTarget, { notice: () => {} }));
    const ben = await laptop(1, 'Ben', benTarget);

    const anaOps = await someWork(ana, 'Ana', 'ana001');
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 5 }); // over http, for real
    const benOps = await someWork(ben, 'Ben', 'ben001');
    expect(await ben.sync()).toMatchObject({ ok: true, pushed: 5, received: 5 });

    server.locked = true;
    const more = await someWork(ana, 'Ana', 'ana002');
    const before = await localState(ana.db);
    const remoteBefore = await sh(root, ['--git-dir', join(root, 'remote.git'), 'rev-parse', 'main']);
    const report = await ana.sync();
    expect(report).toMatchObject({
      ok: false,
      pushed: 0,
      received: 0,
      fault: { code: 'auth', message: expect.stringMatching(/^git could not sign in while fetching from the Git remote http:\/\/127\.0\.0\.1:\d+\/remote\.git: check that your SSH key or saved credentials give this laptop access .*terminal prompts disabled/) },
    });
    expect(await localState(ana.db)).toEqual(before);
    expect(await sh(root, ['--git-dir', join(root, 'remote.git'), 'rev-parse', 'main'])).toBe(remoteBefore);

    server.locked = false;
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 5, received: 5, problems: [] });
    expect(await ben.sync()).toMatchObject({ ok: true, received: 5 });
    await expectConverged([ana, ben]);
    await expectHolds(ben.db, benOps, [...anaOps, ...more]);
  });

  it('a remote whose pre-receive hook refuses: push-rejected after the retries, local intact; hook removed → the commit lands', async () => {
    const world = await gitWorld();
    const ana = await joinTarget(world, 0, 'Ana', { pushAttempts: 2, backoffMs: 10 });
    const ben = await joinTarget(world, 1, 'Ben');
    const benOps = await someWork(ben, 'Ben', 'ben001');
    expect(await ben.sync()).toMatchObject({ ok: true, pushed: 5 });
    const anaOps = await someWork(ana, 'Ana', 'ana001');

    const hook = join(world.place, 'hooks', 'pre-receive');
    await writeFile(hook, '#!/bin/sh\necho "frozen for the audit" >&2\nexit 1\n');
    await chmod(hook, 0o755);
    const before = await localState(ana.db);
    const remoteBefore = await sh(world.place, ['rev-parse', 'main']);

    const report = await ana.sync();
    expect(report).toMatchObject({
      ok: false,
      pushed: 0,
      received: 0,
      // (The hook's own words and git's "pre-receive hook declined" are not in the message:
      // firstUsefulLine prefers git's "error: failed to push some refs" line.)
      fault: { code: 'push-rejected', message: expect.stringMatching(/^the Git remote file:\/\/.*refused this laptop's changes 2 times \(pre-receive hook declined; the remote said: frozen for the audit\)\. Nothing was lost: they are committed in the clone/) },
    });
    expect(await localState(ana.db)).toEqual(before);
    expect(await sh(world.place, ['rev-parse', 'main'])).toBe(remoteBefore);

    await rm(hook);
    const clean = await ana.sync();
    // The segment was committed in the clone last round, so the listing already shows it: it is
    // published (pushed) now, but not counted as written by this round.
    expect(clean).toMatchObject({ ok: true, received: 5, problems: [] });
    expect(await sh(world.place, ['ls-tree', '-r', '--name-only', 'main'])).toContain(segmentPath(ana.device, 1, 5, false));
    expect(await ben.sync()).toMatchObject({ ok: true, received: 5 });
    await expectConverged([ana, ben]);
    await expectHolds(ana.db, anaOps, benOps);
  });
});

describe('encrypted targets', () => {
  it('a wrong passphrase: wrong-passphrase, nothing read or written; the right one → syncs both ways', async () => {
    const world = await folderWorld();
    const ben = await laptop(1, 'Ben', world.config(1, { encryption: { passphrase: PASSPHRASE } }));
    value(await setUpTarget(ben.target));
    const benOps = await someWork(ben, 'Ben', 'ben001');
    expect(await ben.sync()).toMatchObject({ ok: true, pushed: 5 });

    const ana = await laptop(0, 'Ana', world.config(0, { encryption: { passphrase: 'correct horse battery stapler' } }));
    const anaOps = await someWork(ana, 'Ana', 'ana001');
    const before = await localState(ana.db);
    const targetBefore = await filesUnder(world.place);

    const report = await ana.sync();
    expect(report).toMatchObject({
      ok: false,
      pushed: 0,
      received: 0,
      fault: { code: 'wrong-passphrase', file: ENCRYPTION_PATH, message: 'The passphrase does not match the one this target was set up with. Nothing was read or written.' },
    });
    expect(await localState(ana.db)).toEqual(before);
    expect(await filesUnder(world.place)).toEqual(targetBefore);

    ana.target = world.config(0, { encryption: { passphrase: PASSPHRASE } });
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 5, received: 5, problems: [] });
    expect(await ben.sync()).toMatchObject({ ok: true, received: 5 });
    await expectConverged([ana, ben]);
    await expectHolds(ana.db, anaOps, benOps);
    expect(Object.keys(await filesUnder(join(world.place, opsFolderPath(ana.device))))).toEqual(['000000000001-000000000005.jsonl.enc']);
    expect((await ana.db.syncTargets.get(TARGET_ID))?.cursors).toEqual({ [ana.device]: 5, [ben.device]: 5 });
  });
});
