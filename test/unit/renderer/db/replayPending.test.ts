import { describe, expect, it } from 'vitest';
import { decodeBackup } from '../../../../shared/backup/backupFile.ts';
import { parseOp, type Op } from '../../../../shared/entities/index.ts';
import type { OpParser } from '../../../../shared/ops/envelope.ts';
import { applyRemoteOps } from '../../../../renderer/db/applyRemote.ts';
import { exportAll, importBackup } from '../../../../renderer/db/backupFile.ts';
import { replayPending } from '../../../../renderer/db/replayPending.ts';
import { freshDb } from '../../support/freshDb.ts';
import { FOREIGN_INCIDENT, foreignChain, NEWER, UNTRIMMED } from '../../support/foreignWriter.ts';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
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

describe('replayPending', () => {
  it('keeps ops from a newer envelope until an upgrade, then applies them exactly as they were kept', async () => {
    const db = freshDb('replay');
    await applyRemoteOps(db, chain.slice(0, 2), () => T);
    await db.pending.bulkPut([v2!, signed!].map((op) => ({ id: op.hash, op, reason: 'envelope from a newer War Room' })));

    expect(await replayPending(db, () => T)).toBe(0);
    expect(await db.pending.count()).toBe(2);

    expect(await replayPending(db, () => T, upgraded)).toBe(2);
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
