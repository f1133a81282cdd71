import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeBackup } from '../../../../shared/backup/backupFile.ts';
import { exportAll, importBackup, previewImport } from '../../../../renderer/db/backupFile.ts';
import { readDeviceState } from '../../../../renderer/db/device.ts';
import { craftedArchive } from '../../support/craftedArchive.ts';
import { applyRemoteOps } from '../../../../renderer/db/applyRemote.ts';
import { commit } from '../../../../renderer/db/commit.ts';
import { WarRoomDb } from '../../../../renderer/db/database.ts';
import { heldForClock, replayPending } from '../../../../renderer/db/replayPending.ts';
import { materializedDigest } from '../../../../renderer/db/stateDigest.ts';
import { CLOCK_HOLD_REASON } from '../../../../shared/sync/farAhead.ts';
import { BUILT_IN_SCENARIOS } from '../../../../shared/exercises/builtins.ts';
import { historyArb } from '../../support/opScripts.ts';
import { hashOp } from '../../../../shared/ops/chain.ts';
import type { OpEnvelope } from '../../../../shared/ops/envelope.ts';
import { newSigningKey, signerOf } from '../../../../shared/ops/signature.ts';
import { pinnedKeys } from '../../../../renderer/db/pins.ts';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
let opened: WarRoomDb[] = [];
let counter = 0;
function open(name = `backup-${process.pid}-${counter++}`): WarRoomDb {
  const db = new WarRoomDb(name);
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.map((db) => db.delete()));
  opened = [];
});

async function seeded(): Promise<WarRoomDb> {
  const db = open();
  const ops = fc.sample(historyArb(300, 300), { numRuns: 1, seed: 42 })[0]!;
  await applyRemoteOps(db, ops, () => T);
  // Some of this laptop's own ops too, an exercise among them, and one op from a newer app.
  await commit(db, { actor: 'Ana', incident: 'inc-local01', kind: 'incident.declare', data: { title: 'Local', severity: 'P2', type: 'data', declaredAt: new Date(T).toISOString(), exercise: true } }, () => T);
  await commit(db, { actor: 'Ana', incident: 'inc-local01', kind: 'exercise.start', data: { scenario: BUILT_IN_SCENARIOS[0]! } }, () => T);
  const body = { v: 1, id: 'fefefefefefefefe-1', device: 'fefefefefefefefe', seq: 1, hlc: ops[0]!.hlc.replace(/[0-9a-f]{16}$/, 'fefefefefefefefe'), actor: 'Newer App', incident: 'inc-local01', kind: 'incident.archive', data: {}, prev: null };
  const future = { ...body, hash: hashOp(body as never) } as unknown as OpEnvelope;
  await db.pending.put({ id: future.hash, op: future, reason: 'unknown kind incident.archive' });
  return db;
}

async function state(db: WarRoomDb) {
  return { ops: await db.ops.count(), pending: await db.pending.count(), digest: await materializedDigest(db) };
}

describe('export all → wipe → import', () => {
  it('gives back the identical state: op count, pending ops and the materialized digest', async () => {
    const db = await seeded();
    const before = await state(db);
    const { text, opCount } = await exportAll(db, T);
    expect(opCount).toBe(before.ops + before.pending);

    const name = db.name;
    await db.delete();
    const wiped = open(name);
    expect(await wiped.ops.count()).toBe(0);
    const result = await importBackup(wiped, text, () => T);
    expect(result).toMatchObject({ ok: true, applied: before.ops, duplicates: 0, pending: 1, total: opCount });
    expect(await state(wiped)).toEqual(before);
  }, 60_000);

  it('importing the same file twice changes nothing the second time', async () => {
    const db = await seeded();
    const { text } = await exportAll(db, T);
    const fresh = open();
    await importBackup(fresh, text, () => T);
    const once = await state(fresh);
    expect(await importBackup(fresh, text, () => T)).toMatchObject({ ok: true, applied: 0, pending: 0 });
    expect(await state(fresh)).toEqual(once);
    // And into the store it came from: everything is already there.
    const source = await state(db);
    expect(await importBackup(db, text, () => T)).toMatchObject({ ok: true, applied: 0 });
    expect(await state(db)).toEqual(source);
  }, 60_000);

  it('a truncated file is refused with a clear error and nothing changes', async () => {
    const db = await seeded();
    const { text } = await exportAll(db, T);
    const target = open();
    await commit(target, { actor: 'Bo', incident: 'inc-keep01', kind: 'incident.declare', data: { title: 'Kept', severity: 'P1', type: 'data', declaredAt: new Date(T).toISOString() } }, () => T);
    const before = await state(target);
    const cut = text.slice(0, Math.floor(text.length * 0.6));
    const result = await importBackup(target, cut, () => T);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^backup file is truncated: header says \d+ ops, file has \d+/);
    expect(await state(target)).toEqual(before);
  }, 60_000);

  it.each([
    ['a sync segment', '{"v":1,"id":"x"}\n'],
    ['a scenario file', '---\nid: my-scenario\n---\n# My scenario\n'],
    ['an empty file', ''],
    ['binary noise', '\u0000\u0001PK\u0003\u0004'],
  ])('a foreign file (%s) is refused as not an archive and nothing changes', async (_what, text) => {
    const target = open();
    await commit(target, { actor: 'Bo', incident: 'inc-keep01', kind: 'incident.declare', data: { title: 'Kept', severity: 'P1', type: 'data', declaredAt: new Date(T).toISOString() } }, () => T);
    const before = await state(target);
    const result = await importBackup(target, text, () => T);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/not a War Room backup file/) });
    expect(await state(target)).toEqual(before);
  });

  it('an altered op is refused, naming its line', async () => {
    const db = await seeded();
    const { text } = await exportAll(db, T);
    const lines = text.split('\n');
    lines[5] = lines[5]!.replace('"actor":"', '"actor":"X');
    const target = open();
    const result = await importBackup(target, lines.join('\n'), () => T);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^line 6/);
    expect(await target.ops.count()).toBe(0);
  }, 60_000);

  it('an archive of an empty store imports as nothing', async () => {
    const result = await importBackup(open(), encodeBackup({ ops: [], device: '0123456789abcdef', createdAt: new Date(T).toISOString() }), () => T);
    expect(result).toMatchObject({ ok: true, applied: 0, total: 0 });
  });
});

describe('a backup holding ops stamped far ahead of this laptop’s clock', () => {
  it('holds them as a sync round does: not applied, listed for the Sync dialog, the clock untouched; once is enough', async () => {
    const source = open();
    await commit(source, { actor: 'Bo', incident: 'inc-skew01', kind: 'incident.declare', data: { title: 'Today', severity: 'P1', type: 'data', declaredAt: new Date(T).toISOString() } }, () => T);
    const ahead = await commit(source, { actor: 'Bo', incident: 'inc-skew01', kind: 'incident.set', data: { fields: { title: 'From 2036' } } }, () => Date.UTC(2036, 0, 1));
    const { text } = await exportAll(source, T);

    const target = open();
    const result = await importBackup(target, text, () => T);
    expect(result).toMatchObject({ ok: true, applied: 1, pending: 0, held: 1 });
    expect((await target.incidents.get('inc-skew01'))?.view?.title).toBe('Today');
    expect((await heldForClock(target)).map((row) => [row.op.hash, row.reason, row.clock])).toEqual([[ahead.hash, CLOCK_HOLD_REASON, { deviceName: null }]]);
    expect(((await target.meta.get('device'))?.value as { clock: { wall: number } }).clock.wall).toBeLessThanOrEqual(T);
    expect(await importBackup(target, text, () => T)).toMatchObject({ ok: true, applied: 0, pending: 0, held: 0 });

    // Accepted, then imported again: it is applied already, so it is not held a second time.
    expect(await replayPending(target, () => T, new Set([ahead.hash]))).toBe(1);
    expect((await target.incidents.get('inc-skew01'))?.view?.title).toBe('From 2036');
    expect(await importBackup(target, text, () => T)).toMatchObject({ ok: true, applied: 0, held: 0 });
    expect(await heldForClock(target)).toEqual([]);
  });
});

describe('a crafted file claiming this laptop’s own device id', () => {
  async function victim(): Promise<{ db: WarRoomDb; device: string }> {
    const db = open();
    await commit(db, { actor: 'Ana Scribe', incident: 'inc-mine001', kind: 'incident.declare', data: { title: 'Mine', severity: 'P1', type: 'data', declaredAt: new Date(T).toISOString() } }, () => T);
    return { db, device: (await readDeviceState(db))!.device };
  }

  it('is previewed without a write: the summary names the forged op, the runbook and phase names it replaces', async () => {
    const { db, device } = await victim();
    const before = await state(db);
    const { text, ops } = craftedArchive(device, 'Ana Scribe');
    const preview = await previewImport(db, text);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.summary).toMatchObject({
      total: 4,
      adding: 3,
      refused: [{ id: ops[3]!.id, hash: ops[3]!.hash }],
      settings: [
        { key: 'phase-names', change: 'replaces' },
        { key: 'runbook:security-incident', change: 'replaces' },
      ],
    });
    expect(await state(db)).toEqual(before);
  });

  it('on import: that op is refused and reported by op id, never written; the others are applied', async () => {
    const { db, device } = await victim();
    const { text, ops } = craftedArchive(device, 'Ana Scribe');
    const result = await importBackup(db, text, () => T);
    expect(result).toMatchObject({ ok: true, applied: 3, refused: [{ id: ops[3]!.id, hash: ops[3]!.hash, reason: expect.stringContaining(`own device id ${device}`) }] });
    expect(await db.ops.get(ops[3]!.hash)).toBeUndefined();
    expect(await db.pending.get(ops[3]!.hash)).toBeUndefined();
    expect(await db.ops.get(ops[1]!.hash)).toBeDefined();
    expect(await db.materialized('entries').count()).toBe(0);
  });
});

describe('signed ops in an imported file', () => {
  it('an export carries this laptop’s key; a second laptop imports it and pins that key; a forged op under that device is then refused whole', async () => {
    const ana = new WarRoomDb(`import-signed-ana-${process.pid}`);
    const ben = new WarRoomDb(`import-signed-ben-${process.pid}`);
    try {
      await commit(ana, { actor: 'Ana', incident: 'inc-signed01', kind: 'incident.declare', data: { title: 'Signed', severity: 'P2', type: 'security', declaredAt: new Date(Date.UTC(2026, 11, 1)).toISOString() } });
      const { text } = await exportAll(ana);
      const anaId = (await readDeviceState(ana))!.device;
      const anaKey = (await ana.signing.published())!;
      expect(await importBackup(ben, text)).toMatchObject({ ok: true, applied: 1 });
      expect(await pinnedKeys(ben)).toEqual({ [anaId]: anaKey });

      // The same op, its content changed and re-signed by someone else, in a file whose header names their key.
      const [op] = await ana.ops.toArray();
      const { hash: _hash, sig: _sig, ...body } = { ...op!, actor: 'Incident Commander' };
      const hash = hashOp(body as OpEnvelope);
      const mallory = newSigningKey(() => new Uint8Array(32).fill(9));
      const forged = { ...body, hash, sig: signerOf(mallory)(hash) } as OpEnvelope;
      const crafted = encodeBackup({ ops: [forged], device: anaId, createdAt: new Date().toISOString(), keys: { [anaId]: { key: mallory.publicKey, signedFrom: 1 } } });
      expect(await importBackup(ben, crafted)).toEqual({ ok: false, error: expect.stringMatching(/^line 2 \(op [0-9a-f]{16}-1\): not vouched for by a signature/) });
      expect(await pinnedKeys(ben)).toEqual({ [anaId]: anaKey });
    } finally {
      await Promise.all([ana.delete(), ben.delete()]);
    }
  });
});
