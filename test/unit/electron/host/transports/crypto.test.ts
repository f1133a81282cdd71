import { createDecipheriv, scryptSync } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EncryptionFile, newEncryption, open, seal, unlock } from '../../../../../electron/host/transports/crypto.ts';
import { exchange, listTarget, setUpTarget } from '../../../../../electron/host/transports/index.ts';
import { ENCRYPTION_PATH, segmentPath } from '../../../../../shared/sync/layout.ts';
import type { Outcome } from '../../../../../shared/sync/ports.ts';
import type { TargetConfig } from '../../../../../shared/sync/wire.ts';
import { DEVICES, PASSPHRASE, device, folderEnv, gitEnv, text } from '../../../support/hostSync.ts';

function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected ok, got ${outcome.fault.code}: ${outcome.fault.message}`);
  return outcome.value;
}

function faultOf(outcome: Outcome<unknown>) {
  if (outcome.ok) throw new Error('expected a fault');
  return outcome.fault;
}

const withPassphrase = (target: TargetConfig, passphrase: string | undefined): TargetConfig => {
  const { encryption: _, ...plain } = target;
  return passphrase === undefined ? plain : { ...plain, encryption: { passphrase } };
};

describe('the segment container', () => {
  const key = Buffer.alloc(32, 7);
  const path = segmentPath(DEVICES[0], 1, 2, true);
  const plain = Buffer.from(text(0, 1, 2));

  it('opens what it sealed, bound to the path; any changed byte, another path or a cut fails', () => {
    const sealed = seal(key, path, plain);
    expect(sealed.subarray(0, 4).toString('ascii')).toBe('WRE1');
    expect(sealed.length).toBe(4 + 12 + plain.length + 16);
    expect(open(key, path, sealed)).toEqual(plain);
    expect(seal(key, path, plain).equals(sealed)).toBe(false); // a fresh nonce each time
    expect(open(key, segmentPath(DEVICES[0], 3, 4, true), sealed)).toBeNull();
    expect(open(Buffer.alloc(32, 8), path, sealed)).toBeNull();
    for (const at of [0, 5, 20, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[at] = (tampered[at] ?? 0) ^ 1;
      expect(open(key, path, tampered)).toBeNull();
    }
    expect(open(key, path, sealed.subarray(0, 20))).toBeNull();
  });

  it('is exactly what docs/sync-format.md says: decrypt by hand with scrypt + AES-256-GCM', async () => {
    const { file, key: derived } = await newEncryption(PASSPHRASE);
    expect(file).toMatchObject({ cipher: 'aes-256-gcm', kdf: 'scrypt', N: 32768, r: 8, p: 1 });
    expect(Buffer.from(file.salt, 'base64')).toHaveLength(16);
    const sealed = seal(derived, path, plain);
    const byHand = scryptSync(PASSPHRASE, Buffer.from(file.salt, 'base64'), 32, { N: file.N, r: file.r, p: file.p, maxmem: 64 << 20 });
    const decipher = createDecipheriv('aes-256-gcm', byHand, sealed.subarray(4, 16));
    decipher.setAAD(Buffer.from(path, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    expect(Buffer.concat([decipher.update(sealed.subarray(16, sealed.length - 16)), decipher.final()])).toEqual(plain);
    expect(await unlock(file, PASSPHRASE)).toEqual(derived);
    expect(await unlock(file, 'not the passphrase')).toBeNull();
  });

  it('refuses an encryption.json asking for absurd scrypt memory or a bad salt', async () => {
    const { file } = await newEncryption(PASSPHRASE);
    expect(EncryptionFile.safeParse(file).success).toBe(true);
    expect(EncryptionFile.safeParse({ ...file, N: 1 << 20, r: 32 }).success).toBe(false);
    expect(EncryptionFile.safeParse({ ...file, N: 30000 }).success).toBe(false);
    expect(EncryptionFile.safeParse({ ...file, salt: 'AAAA' }).success).toBe(false);
    expect(EncryptionFile.safeParse({ ...file, cipher: 'aes-128-cbc' }).success).toBe(false);
  });
});

describe('passphrase faults stop the whole round before anything is read or written', () => {
  it('wrong passphrase → wrong-passphrase; nothing written', async () => {
    const env = await folderEnv(true);
    value(await setUpTarget(env.target(0)));
    const wrong = withPassphrase(env.target(0), 'a wrong passphrase');
    expect(faultOf(await setUpTarget(wrong))).toMatchObject({ code: 'wrong-passphrase', file: ENCRYPTION_PATH });
    expect(faultOf(await listTarget(wrong))).toMatchObject({ code: 'wrong-passphrase', message: expect.stringMatching(/does not match.*Nothing was read or written/) });
    const sent = await exchange(wrong, { device: device(0), write: [{ first: 1, last: 1, text: text(0, 1, 1) }], read: [] });
    expect(faultOf(sent).code).toBe('wrong-passphrase');
    const target = env.target(0);
    expect(await readdir(join(target.kind === 'folder' ? target.path : '', 'warroom'))).toEqual(['encryption.json', 'format.json']);
  });

  it('no passphrase for an encrypted target → passphrase-needed; a passphrase for a plain one → not-encrypted when adding it, damaged (key file lost) in a round', async () => {
    const encrypted = await folderEnv(true);
    value(await setUpTarget(encrypted.target(0)));
    expect(faultOf(await listTarget(withPassphrase(encrypted.target(0), undefined)))).toMatchObject({ code: 'passphrase-needed', file: ENCRYPTION_PATH });
    expect(faultOf(await setUpTarget(withPassphrase(encrypted.target(0), undefined)))).toMatchObject({ code: 'passphrase-needed' });

    const plain = await folderEnv(false);
    value(await setUpTarget(plain.target(0)));
    const given = withPassphrase(plain.target(0), PASSPHRASE);
    expect(faultOf(await setUpTarget(given))).toMatchObject({ code: 'not-encrypted', message: expect.stringMatching(/^This target is not encrypted: add it without a passphrase/) });
    // A round with an encrypted config: the key file must have been lost; never "remove the passphrase".
    const round = faultOf(await listTarget(given));
    expect(round).toMatchObject({ code: 'damaged', file: ENCRYPTION_PATH, message: expect.stringMatching(/encryption\.json is missing.*nothing was read or written in the clear\. Restore/) });
    expect(round.message).not.toMatch(/remove the passphrase/i);
  });

  it('git: a second laptop with the wrong passphrase gets wrong-passphrase and pushes nothing', async () => {
    const env = await gitEnv(true);
    value(await setUpTarget(env.target(0)));
    expect(faultOf(await setUpTarget(withPassphrase(env.target(1), 'a wrong passphrase'))).code).toBe('wrong-passphrase');
    const sent = await exchange(withPassphrase(env.target(1), 'a wrong passphrase'), { device: device(1), write: [{ first: 1, last: 1, text: text(1, 1, 1) }], read: [] });
    expect(faultOf(sent).code).toBe('wrong-passphrase');
    expect(await env.read(segmentPath(DEVICES[1], 1, 1, true))).toBeNull();
  });
});

describe('a damaged encrypted segment is a fault of that file only', () => {
  it('tampered or swapped files are reported one by one; the rest is read', async () => {
    const env = await folderEnv(true);
    value(await setUpTarget(env.target(0)));
    const write = [1, 3, 5].map((first) => ({ first, last: first + 1, text: text(0, first, first + 1) }));
    value(await exchange(env.target(0), { device: device(0), write, read: [] }));
    const [first, second, third] = write.map((s) => segmentPath(DEVICES[0], s.first, s.last, true)) as [string, string, string];

    const tampered = Buffer.from((await env.read(second)) ?? '');
    tampered[30] = (tampered[30] ?? 0) ^ 0xff;
    await env.put({ [second]: tampered, [third]: (await env.read(first)) ?? '' }); // third now holds first's bytes

    const listing = value(await listTarget(env.target(1)));
    const got = value(await exchange(env.target(1), { device: device(1), write: [], read: listing.segments }));
    expect(got.files.map((f) => f.ref.path)).toEqual([first, second, third]);
    expect(got.files[0]?.result).toEqual({ ok: true, text: write[0]?.text });
    for (const [index, path] of [[1, second], [2, third]] as const) {
      expect(got.files[index]?.result).toEqual({
        ok: false,
        fault: { code: 'damaged', file: path, message: expect.stringMatching(/could not be decrypted although the passphrase is right: .*changed, damaged or swapped/) },
      });
    }
  });
});
