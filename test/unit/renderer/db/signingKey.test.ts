import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { commit } from '../../../../renderer/db/commit.ts';
import { WarRoomDb } from '../../../../renderer/db/database.ts';
import { dexieLocalStore } from '../../../../renderer/db/localStore.ts';
import type { Keychain } from '../../../../renderer/db/signingKey.ts';
import { takeNewIdentity } from '../../../../renderer/db/newIdentity.ts';
import type { OpIntent } from '../../../../shared/entities/index.ts';
import { verifySignature } from '../../../../shared/ops/signature.ts';

let opened: WarRoomDb[] = [];
let counter = 0;
function freshDb(name = `signing-${process.pid}-${counter++}`): WarRoomDb {
  const db = new WarRoomDb(name);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened) db.close();
  await Promise.all(opened.map((db) => db.delete()));
  opened = [];
});

const T = Date.UTC(2026, 11, 1, 9, 0, 0);
const entry = (n: number): OpIntent => ({ actor: 'Ana', incident: 'inc-signing', kind: 'entry.add', data: { entry: `ent-${String(n).padStart(6, '0')}`, fields: { text: `line ${n}`, kind: 'note', eventAt: new Date(T).toISOString(), pinned: false, tags: [] } } });

/** A stand-in OS keychain: sealed texts are opaque, and only it opens them. */
function fakeKeychain(): Keychain & { sealed: string[] } {
  const sealed: string[] = [];
  return {
    sealed,
    async seal(text) {
      sealed.push(text);
      return Buffer.from(`kc:${text}`).toString('base64');
    },
    async open(blob) {
      const text = Buffer.from(blob, 'base64').toString();
      if (!text.startsWith('kc:warroom-signing-key:')) throw new Error('not a signing key');
      return text.slice('kc:warroom-signing-key:'.length);
    },
  };
}

describe("this laptop's signing key", () => {
  it('is made with the first change; every op is signed with it and the device file names it', async () => {
    const db = freshDb();
    const op = await commit(db, entry(1));
    const published = await db.signing.published();
    expect(published).toMatchObject({ signedFrom: 1 });
    expect(verifySignature(op.hash, op.sig, published!.key)).toBe(true);
    expect(await dexieLocalStore(db).device()).toMatchObject({ key: published!.key, signedFrom: 1 });
  });

  it('with a keychain, only the sealed key is stored; the laptop signs with it again after a restart, and cannot without the keychain', async () => {
    const keychain = fakeKeychain();
    const name = `signing-sealed-${process.pid}-${counter++}`;
    const db = freshDb(name);
    db.signing.useKeychain(keychain);
    await commit(db, entry(1));
    const row = await db.meta.get('signingKey');
    expect(row?.key === 'signingKey' && row.value).toMatchObject({ sealed: expect.any(String) });
    expect(row?.key === 'signingKey' && row.value.secretKey).toBeUndefined();
    const key = (await db.signing.published())!.key;
    db.close();

    const again = freshDb(name);
    again.signing.useKeychain(keychain);
    const op = await commit(again, entry(2));
    expect(verifySignature(op.hash, op.sig, key)).toBe(true);
    again.close();

    const browser = freshDb(name);
    await expect(commit(browser, entry(3))).rejects.toThrow(/sealed by the desktop app’s keychain/);
  });

  it('a key made where there was no keychain is sealed once one is offered', async () => {
    const name = `signing-upgrade-${process.pid}-${counter++}`;
    const db = freshDb(name);
    await commit(db, entry(1));
    const key = (await db.signing.published())!.key;
    db.close();
    const desktop = freshDb(name);
    desktop.signing.useKeychain(fakeKeychain());
    const op = await commit(desktop, entry(2));
    expect(verifySignature(op.hash, op.sig, key)).toBe(true);
    const row = await desktop.meta.get('signingKey');
    expect(row?.key === 'signingKey' && row.value).toEqual({ publicKey: key, signedFrom: 1, sealed: expect.any(String) });
  });

  it('a new identity gets a new key, and its re-recorded ops are signed with it', async () => {
    const db = freshDb();
    await commit(db, entry(1));
    const before = (await db.signing.published())!.key;
    await takeNewIdentity(db);
    const after = await db.signing.published();
    expect(after).toMatchObject({ signedFrom: 1 });
    expect(after!.key).not.toBe(before);
    const op = await commit(db, entry(2));
    expect(verifySignature(op.hash, op.sig, after!.key)).toBe(true);
  });
});
