import { describe, expect, it } from 'vitest';
import { decodeBackup } from '../../../../shared/backup/backupFile.ts';
import { parseOp, type Op } from '../../../../shared/entities/index.ts';
import type { OpParser } from '../../../../shared/ops/envelope.ts';
import { applyRemoteOps, MAX_CLOCK_DRIFT_MS } from '../../../../renderer/db/applyRemote.ts';
import { exportAll, importBackup } from '../../../../renderer/db/backupFile.ts';
import { commit } from '../../../../renderer/db/commit.ts';
import { heldForClock, replayPending } from '../../../../renderer/db/replayPending.ts';
import { CLOCK_HOLD_REASON } from '../../../../shared/sync/farAhead.ts';
import { freshDb } from '../../support/freshDb.ts';
import { FOREIGN_INCIDENT, foreignChain, NEWER, UNTRIMMED } from '../../support/foreignWriter.ts';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const DAY = 86_400_000;

async function opAt(wall: number, title: string) {
  return commit(freshDb('replay-source'), { actor: 'Ben', incident: 'inc-held01', kind: 'incident.declare', data: { title, severity: 'P2', type: 'data', declaredAt: new Date(T).toISOString() } }, () => wall);
}

const clockOf = async (db: ReturnType<typeof freshDb>) => ((await db.meta.get('device'))?.value as { clock: { wall: number } } | undefined)?.clock.wall ?? 0;

describe('replaying ops held for a far-ahead stamp', () => {
  it('applies one only once its stamp is within the drift of now', async () => {
    const db = freshDb('replay');
    const op = await opAt(T + 3 * DAY, 'Three days ahead');
    await db.pending.put({ id: op.hash, op, reason: CLOCK_HOLD_REASON, clock: { deviceName: 'Ben' } });
    expect(await replayPending(db, () => T)).toBe(0);
    expect(await replayPending(db, () => T + 3 * DAY - MAX_CLOCK_DRIFT_MS - 1)).toBe(0);
    expect(await db.incidents.get('inc-held01')).toBeUndefined();
    expect(await replayPending(db, () => T + 3 * DAY - MAX_CLOCK_DRIFT_MS)).toBe(1);
    expect((await db.incidents.get('inc-held01'))?.view?.title).toBe('Three days ahead');
    expect(await db.pending.count()).toBe(0);
  });

  it('applies an accepted one now, without moving this laptop’s clock ahead', async () => {
    const db = freshDb('replay');
    const op = await opAt(Date.UTC(2036, 0, 1), 'From 2036');
    await db.pending.put({ id: op.hash, op, reason: CLOCK_HOLD_REASON, clock: { deviceName: null } });
    expect(await replayPending(db, () => T, new Set([op.hash]))).toBe(1);
    expect((await db.incidents.get('inc-held01'))?.view?.title).toBe('From 2036');
    expect(await clockOf(db)).toBeLessThanOrEqual(T);
  });

  it('holds, and lists, an op from a newer app that this app now understands but whose stamp is far ahead', async () => {
    const db = freshDb('replay');
    const op = await opAt(T + 3 * DAY, 'Newer, and ahead');
    await db.pending.put({ id: op.hash, op, reason: 'unknown kind incident.declare' });
    expect(await replayPending(db, () => T)).toBe(0);
    expect(await heldForClock(db)).toEqual([{ id: op.hash, op, reason: CLOCK_HOLD_REASON, clock: { deviceName: null } }]);
    expect(await db.incidents.get('inc-held01')).toBeUndefined();
  });
});

const chain = foreignChain([...UNTRIMMED, ...NEWER]);
const [, , v2, signed] = chain;

/**
 * The parser of a War Room that knows envelope v2 and its `signature` member (neither changes
 * what the v1 members mean): what this app becomes after an upgrade.
 */
const upgraded: OpParser<Op> = (input) => {
  const { v: _v, signature: _signature, ...v1 } = input as Record<string, unknown>;
  return parseOp({ ...v1, v: 1 });
};

describe('replaying ops from a newer War Room', () => {
  it('keeps ops from a newer envelope until an upgrade, then applies them exactly as they were kept', async () => {
    const db = freshDb('replay');
    await applyRemoteOps(db, chain.slice(0, 2), () => T);
    await db.pending.bulkPut([v2!, signed!].map((op) => ({ id: op.hash, op, reason: 'envelope from a newer War Room' })));

    expect(await replayPending(db, () => T)).toBe(0);
    expect(await db.pending.count()).toBe(2);

    expect(await replayPending(db, () => T, new Set(), upgraded)).toBe(2);
    expect(await db.pending.count()).toBe(0);
    // Stored as kept, not as the upgrade's parser reads them: v 2 and the signature stay, so the hashes still hold.
    expect(await db.ops.bulkGet([v2!.hash, signed!.hash])).toEqual([v2, signed]);
    const incident = (await db.incidents.get(FOREIGN_INCIDENT))?.view;
    expect([incident?.status, incident?.roles.scribe]).toEqual(['monitoring', 'Cleo']);

    // A backup of it opens on a laptop that has not upgraded: nothing refused, the newer ops kept aside there.
    const other = freshDb('replay-other');
    const { text } = await exportAll(db, T);
    expect(decodeBackup(text).ok).toBe(true);
    expect(await importBackup(other, text, () => T)).toMatchObject({ ok: true, applied: 2, pending: 2 });
  });
});
