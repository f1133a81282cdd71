import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/domain/incident.ts';
import type { OpEnvelope } from '../../../shared/ops/envelope.ts';
import { entryKey } from '../../../shared/entities/index.ts';
import { compareStamps } from '../../../shared/state/register.ts';
import { deviceInfoPath, opsFolderPath } from '../../../shared/sync/layout.ts';
import type { WarRoomDb } from '../../../renderer/db/database.ts';
import {
  DEVICE_IDS,
  actions,
  expectConverged,
  filesUnder,
  gitWorld,
  joinTarget,
  localState,
  quiesce,
  sh,
  someWork,
  worlds,
  type Laptop,
  type World,
} from '../support/syncStack.ts';

/**
 * Two and three laptops, each with its own IndexedDB, syncing through a real folder or a real
 * bare git repository: whatever order the rounds run in, everyone ends with the same ops and the
 * same board, and a concurrent edit of one field is decided the same way everywhere (LWW).
 */

const SHARED = 'inc-shared01';
const SHARED_ENTRY = 'ent-shared01';

/** The op that must win a register: the greatest (hlc, hash) among those that wrote it. */
function winner(ops: readonly OpEnvelope[], writes: (op: OpEnvelope) => boolean): OpEnvelope {
  const candidates = ops.filter(writes);
  expect(candidates.length).toBeGreaterThan(1); // a real contest, not a single write
  return candidates.reduce((best, op) => (compareStamps({ ...op, opId: op.id }, { ...best, opId: best.id }) > 0 ? op : best));
}

/** The value an op writes to a field register: declarations carry the fields in `data`, the rest in `data.fields`. */
function field(op: OpEnvelope, name: string): unknown {
  const fields = (op.kind === 'incident.declare' ? op.data : op.data['fields']) as Record<string, unknown> | undefined;
  return fields?.[name];
}

/** Every laptop shows, for the contested fields, the value of the last writer by (hlc, hash). */
async function expectLastWriterWins(db: WarRoomDb, contested: { incident: string[]; roles: Role[]; entry: string[] }): Promise<void> {
  const ops = (await db.ops.toArray()).filter((op) => op.incident === SHARED);
  const incident = (await db.incidents.get(SHARED))?.view;
  expect(incident).toBeTruthy();
  for (const name of contested.incident) {
    const won = winner(ops, (op) => (op.kind === 'incident.declare' || op.kind === 'incident.set') && field(op, name) !== undefined);
    expect(incident?.[name as 'title'], `incident.${name}`).toEqual(field(won, name));
  }
  for (const role of contested.roles) {
    const won = winner(ops, (op) => op.kind === 'incident.assign' && op.data['role'] === role);
    expect(incident?.roles[role], `role ${role}`).toEqual(won.data['person']);
  }
  const entry = (await db.entries.get(entryKey(SHARED, SHARED_ENTRY)))?.view;
  for (const name of contested.entry) {
    const won = winner(ops, (op) => (op.kind === 'entry.add' || op.kind === 'entry.edit') && op.data['entry'] === SHARED_ENTRY && field(op, name) !== undefined);
    expect(entry?.[name as 'text'], `entry.${name}`).toEqual(field(won, name));
  }
}

/** Whose file a path on the target is: docs/sync-format.md lets a device write only its own. */
function ownerOf(path: string): string | null {
  for (const device of DEVICE_IDS) if (path === deviceInfoPath(device) || path.startsWith(`${opsFolderPath(device)}/`)) return device;
  return null;
}

/** The bare remote's history: linear, and every commit touches one device's files only. */
async function expectLinearOwnHistory(world: World, devices: readonly string[]): Promise<void> {
  expect(await sh(world.place, ['log', '--merges', '--format=%H', 'main'])).toBe('');
  const log = await sh(world.place, ['log', '--name-only', '--format=@%H', 'main']);
  const commits = log
    .split('@')
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => chunk.trim().split('\n').slice(1).filter(Boolean));
  const setUp = commits.pop(); // the root commit: the archive's format.json
  expect(setUp).toEqual(['warroom/format.json']);
  for (const paths of commits) {
    const owners = new Set(paths.map(ownerOf));
    expect(owners.size, `one device per commit: ${paths.join(', ')}`).toBe(1);
    expect(owners.has(null)).toBe(false);
  }
  const writers = new Set(commits.map((paths) => ownerOf(paths[0] ?? '')));
  expect([...writers].sort()).toEqual([...devices].sort());
}

/** Folder: only well-named files, each under its own device's folder; no *.tmp left behind. */
async function expectTidyFolder(world: World): Promise<void> {
  const files = Object.keys(await filesUnder(world.place));
  for (const path of files) {
    if (path === 'warroom/format.json') continue;
    expect(ownerOf(path), path).not.toBeNull();
    expect(path).toMatch(/(\.json|\/\d{12}-\d{12}\.jsonl)$/);
  }
}

describe.each(worlds)('the whole sync stack over a %s target', (_kind, make) => {
  it('two laptops editing one incident at once, rounds interleaved: same ops, same board, LWW everywhere', async () => {
    const world = await make();
    const ana = await joinTarget(world, 0, 'Ana’s laptop');
    const ben = await joinTarget(world, 1, 'Ben');
    const a = actions(ana, 'Ana');
    const b = actions(ben, 'Ben');

    await a.declare(SHARED, 'API 500s');
    await a.add(SHARED, SHARED_ENTRY, 'Errors spike at 08:02');
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 2, received: 0, problems: [] });
    expect(await ben.sync()).toMatchObject({ ok: true, pushed: 0, received: 2, problems: [], cursors: { [ana.device]: 2 } });

    // Offline from each other: both change the same fields of the same incident and entry.
    await b.set(SHARED, { status: 'monitoring', title: 'API errors' });
    await a.set(SHARED, { status: 'identified', title: 'API 500s in eu-west' });
    await a.assign(SHARED, 'incident-commander', 'Ana');
    await b.assign(SHARED, 'incident-commander', 'Ben');
    await b.edit(SHARED, SHARED_ENTRY, { text: 'Errors spike at 08:02 (eu-west)' });
    await a.edit(SHARED, SHARED_ENTRY, { text: 'Errors spike at 08:03', pinned: true });
    await b.strike(SHARED, SHARED_ENTRY, 'duplicate of the pager alert');
    await someWork(ana, 'Ana', 'ana001');

    // Order 1: Ben, Ana, Ben — with more work landing between the rounds.
    expect(await ben.sync()).toMatchObject({ ok: true, pushed: 4, received: 0 });
    await someWork(ben, 'Ben', 'ben001');
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 8, received: 4 });
    await a.set(SHARED, { severity: 'P0' });
    expect(await ben.sync()).toMatchObject({ ok: true, pushed: 5, received: 8 });

    // Order 2: another contest, then Ana twice before Ben.
    await b.set(SHARED, { severity: 'P2', status: 'resolved' });
    await a.assign(SHARED, 'scribe', 'Ana');
    await b.assign(SHARED, 'scribe', 'Ben');
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 2, received: 5 });
    expect(await ana.sync()).toMatchObject({ ok: true, pushed: 0, received: 0 });
    expect(await ben.sync()).toMatchObject({ ok: true, pushed: 2, received: 2 });

    await quiesce([ana, ben]);
    await expectConverged([ana, ben]);
    expect((await localState(ana.db)).ops).toHaveLength(23);
    for (const laptop of [ana, ben]) {
      await expectLastWriterWins(laptop.db, { incident: ['title', 'status', 'severity'], roles: ['incident-commander', 'scribe'], entry: ['text'] });
      expect((await laptop.db.entries.get(entryKey(SHARED, SHARED_ENTRY)))?.view).toMatchObject({ struck: { reason: 'duplicate of the pager alert', actor: 'Ben' }, pinned: true });
    }
    if (world.kind === 'git') await expectLinearOwnHistory(world, [ana.device, ben.device]);
    else await expectTidyFolder(world);
  });

  it('three laptops, three round orders, the same incident contested by all: everyone converges', async () => {
    const world = await make();
    const laptops = [await joinTarget(world, 0, 'Ana'), await joinTarget(world, 1, 'Ben'), await joinTarget(world, 2, 'Chloé')];
    const [ana, ben, chloe] = laptops as [Laptop, Laptop, Laptop];
    // Chloé writes small segments and reads one segment per exchange: many exchanges per round.
    chloe.roundOptions = { readBatch: 1, maxOpsPerSegment: 3 };
    const people = ['Ana', 'Ben', 'Chloé'];
    const act = laptops.map((l, i) => actions(l, people[i] as string));

    await act[2]?.declare(SHARED, 'Payments down');
    await act[2]?.add(SHARED, SHARED_ENTRY, 'Card auths failing');
    await chloe.sync();
    await ana.sync();
    await ben.sync();

    const orders: Laptop[][] = [
      [chloe, ana, ben],
      [ben, ben, ana, chloe, ana],
      [ana, chloe, ben, chloe],
    ];
    for (const [turn, order] of orders.entries()) {
      for (const [i, laptop] of laptops.entries()) {
        const who = people[i] as string;
        await act[i]?.set(SHARED, { title: `Payments down (${who}, turn ${turn})`, status: turn % 2 ? 'monitoring' : 'identified' });
        await act[i]?.assign(SHARED, 'communications-lead', who);
        await act[i]?.edit(SHARED, SHARED_ENTRY, { text: `Card auths failing — ${who} saw it in turn ${turn}` });
        await act[i]?.add(SHARED, `ent-${i}-${turn}-note`, `${who} was here`);
        if (turn === 0) await someWork(laptop, who, `dev${i}x`);
      }
      for (const laptop of order) expect(await laptop.sync(), `${laptop.name} in turn ${turn}`).toMatchObject({ ok: true, problems: [] });
    }

    await quiesce(laptops);
    await expectConverged(laptops);
    expect((await localState(ana.db)).ops).toHaveLength(2 + 3 * 3 * 4 + 3 * 5);
    for (const laptop of laptops) {
      await expectLastWriterWins(laptop.db, { incident: ['title', 'status'], roles: ['communications-lead'], entry: ['text'] });
    }
    if (world.kind === 'git') await expectLinearOwnHistory(world, DEVICE_IDS);
    else await expectTidyFolder(world);
  });

  it('two laptops syncing at the same moment: both land (a rejected git push is rebased and retried)', async () => {
    const world = await make();
    const ana = await joinTarget(world, 0, 'Ana');
    const ben = await joinTarget(world, 1, 'Ben');
    for (let turn = 0; turn < 3; turn++) {
      await someWork(ana, 'Ana', `ana-${turn}x`);
      await someWork(ben, 'Ben', `ben-${turn}x`);
      const [fromAna, fromBen] = await Promise.all([ana.sync(), ben.sync()]);
      expect(fromAna).toMatchObject({ ok: true, pushed: 5, problems: [] });
      expect(fromBen).toMatchObject({ ok: true, pushed: 5, problems: [] });
    }
    await quiesce([ana, ben]);
    await expectConverged([ana, ben]);
    expect((await localState(ben.db)).ops).toHaveLength(30);
    if (world.kind === 'git') await expectLinearOwnHistory(world, [ana.device, ben.device]);
    else await expectTidyFolder(world);
  });

  it('typing while a round runs: every op made during the round is kept and goes out next round', async () => {
    const world = await make();
    const ana = await joinTarget(world, 0, 'Ana');
    const ben = await joinTarget(world, 1, 'Ben');
    await someWork(ben, 'Ben', 'ben001');
    await ben.sync();
    await someWork(ana, 'Ana', 'ana001');
    const act = actions(ana, 'Ana');
    const typing = (async () => {
      for (let i = 0; i < 8; i++) await act.add('inc-ana001', `ent-typed-${i}`, `typed during the round #${i}`);
    })();
    const [report] = await Promise.all([ana.sync(), typing]);
    expect(report).toMatchObject({ ok: true, received: 5, problems: [] });
    expect(report.pushed).toBeGreaterThanOrEqual(5);
    await quiesce([ana, ben]);
    await expectConverged([ana, ben]);
    const ops = await ben.db.ops.where('[device+seq]').between([ana.device, 0], [ana.device, Infinity]).toArray();
    expect(ops.map((op) => op.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });

  it('a round with nothing new changes nothing, here or on the target', async () => {
    const world = await make();
    const ana = await joinTarget(world, 0, 'Ana');
    const ben = await joinTarget(world, 1, 'Ben');
    await someWork(ana, 'Ana', 'ana001');
    await someWork(ben, 'Ben', 'ben001');
    await quiesce([ana, ben]);
    const target = async () => (world.kind === 'git' ? sh(world.place, ['rev-parse', 'main']) : filesUnder(world.place));
    const before = { ana: await localState(ana.db), ben: await localState(ben.db), target: await target() };
    for (const laptop of [ana, ben, ana]) {
      expect(await laptop.sync()).toEqual({ ok: true, pushed: 0, received: 0, duplicates: 0, pending: 0, problems: [], future: [], cursors: { [ana.device]: 5, [ben.device]: 5 }, beyond: {}, ownVerified: 5, ownMaxSeq: 5, unverified: {} });
    }
    expect({ ana: await localState(ana.db), ben: await localState(ben.db), target: await target() }).toEqual(before);
  });
});

describe('git: the race is real', () => {
  it('with a single push attempt, one of two simultaneous rounds is refused; nothing is lost and a later round lands it', async () => {
    const world = await gitWorld();
    const ana = await joinTarget(world, 0, 'Ana', { pushAttempts: 1 });
    const ben = await joinTarget(world, 1, 'Ben', { pushAttempts: 1 });
    let refused = 0;
    for (let turn = 0; turn < 6 && refused === 0; turn++) {
      await someWork(ana, 'Ana', `ana-${turn}x`);
      await someWork(ben, 'Ben', `ben-${turn}x`);
      const reports = await Promise.all([ana.sync(), ben.sync()]);
      for (const report of reports) {
        if (report.ok) continue;
        refused += 1;
        expect(report.fault).toMatchObject({ code: 'push-rejected', message: expect.stringMatching(/refused this laptop's changes once .*Nothing was lost/) });
      }
    }
    expect(refused).toBe(1);
    await quiesce([ana, ben]);
    await expectConverged([ana, ben]);
    await expectLinearOwnHistory(world, [ana.device, ben.device]);
  });
});
