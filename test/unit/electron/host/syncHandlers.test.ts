import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/host/dispatch.ts';
import { setUpTarget } from '../../../../electron/host/transports/index.ts';
import { syncHandlers, type SyncHandlerDeps } from '../../../../electron/host/syncHandlers.ts';
import { ENCRYPTION_PATH, segmentPath } from '../../../../shared/sync/layout.ts';
import { TargetConfig } from '../../../../shared/sync/wire.ts';
import { unusedHandlers } from '../../support/handlers.ts';
import { DEVICES, PASSPHRASE, device, folderEnv, text } from '../../support/hostSync.ts';

/** A stand-in keychain: what main does with safeStorage, reversible only by itself. */
const sealOf = (text: string) => Buffer.from(`keychain:${text}`).toString('base64');
const keychain: SyncHandlerDeps = {
  unseal(sealed) {
    const text = Buffer.from(sealed, 'base64').toString();
    if (!text.startsWith('keychain:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return text.slice('keychain:'.length);
  },
};

function host(deps: SyncHandlerDeps) {
  const dispatcher = createDispatcher<void>({ ...unusedHandlers<void>(), ...syncHandlers<void>(deps) });
  return (method: 'sync.setUp' | 'sync.list' | 'sync.exchange', args: unknown) => dispatcher.dispatch(method, args, undefined);
}

describe('a team passphrase sealed by the keychain', () => {
  it('is accepted by the target schema, but not together with the plain one, and not as anything but base64', () => {
    expect(TargetConfig.safeParse({ kind: 'folder', path: '/srv/share', encryption: { sealed: sealOf(PASSPHRASE) } }).success).toBe(true);
    expect(TargetConfig.safeParse({ kind: 'folder', path: '/srv/share', encryption: { sealed: sealOf(PASSPHRASE), passphrase: PASSPHRASE } }).success).toBe(false);
    expect(TargetConfig.safeParse({ kind: 'folder', path: '/srv/share', encryption: {} }).success).toBe(false);
    expect(TargetConfig.safeParse({ kind: 'folder', path: '/srv/share', encryption: { sealed: 'not base64!' } }).success).toBe(false);
  });

  it('is opened in the host for each call: set-up, list and exchange work as with the plain passphrase, and what lands is encrypted', async () => {
    const env = await folderEnv(true);
    const sealed = { ...env.target(0), encryption: { sealed: sealOf(PASSPHRASE) } };
    const call = host(keychain);
    expect(await call('sync.setUp', { target: sealed })).toEqual({ ok: true, value: { ok: true, value: { created: true } } });
    expect((await env.read(ENCRYPTION_PATH))?.length).toBeGreaterThan(0);
    const written = await call('sync.exchange', { target: sealed, device: device(0), write: [{ first: 1, last: 2, text: text(0, 1, 2) }], read: [] });
    expect(written).toMatchObject({ ok: true, value: { ok: true } });
    const onDisk = await env.read(segmentPath(DEVICES[0], 1, 2, true));
    expect(onDisk?.subarray(0, 4).toString('ascii')).toBe('WRE1');
    // A laptop holding the passphrase in the clear reads the same archive.
    const listed = await call('sync.list', { target: env.target(1) });
    expect(listed).toMatchObject({ ok: true, value: { ok: true, value: { segments: [expect.objectContaining({ first: 1, last: 2, encrypted: true })] } } });
  });

  it('without a keychain, or one that cannot open it: passphrase-needed, saying what to do; nothing touched', async () => {
    const env = await folderEnv(true);
    const sealed = { ...env.target(0), encryption: { sealed: sealOf(PASSPHRASE) } };
    expect(await host({})('sync.setUp', { target: sealed })).toMatchObject({
      ok: true,
      value: { ok: false, fault: { code: 'passphrase-needed', message: expect.stringMatching(/could not be opened here: it was sealed by the desktop app’s keychain\. Stop syncing with this target and add it again/) } },
    });
    const foreign = { ...sealed, encryption: { sealed: Buffer.from('another machine').toString('base64') } };
    expect(await host(keychain)('sync.list', { target: foreign })).toMatchObject({
      ok: true,
      value: { ok: false, fault: { code: 'passphrase-needed', message: expect.stringContaining('by this computer’s keychain (Error while decrypting') } },
    });
    expect(await env.read(ENCRYPTION_PATH)).toBeNull();
  });

  it('never reaches the transports sealed: they refuse rather than set up an unencrypted archive', async () => {
    const env = await folderEnv(true);
    const outcome = await setUpTarget({ ...env.target(0), encryption: { sealed: sealOf(PASSPHRASE) } });
    expect(outcome).toMatchObject({ ok: false, fault: { code: 'passphrase-needed' } });
    expect(await env.read(ENCRYPTION_PATH)).toBeNull();
  });
});
