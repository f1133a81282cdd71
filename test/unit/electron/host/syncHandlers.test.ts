import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/host/dispatch.ts';
import { setUpTarget } from '../../../../electron/host/transports/index.ts';
import { createFolderGrants } from '../../../../electron/host/folderGrants.ts';
import { syncHandlers, type SyncHandlerDeps } from '../../../../electron/host/syncHandlers.ts';
import { ENCRYPTION_PATH, segmentPath } from '../../../../shared/sync/layout.ts';
import { TargetConfig } from '../../../../shared/sync/wire.ts';
import { pickingFolders, unusedHandlers } from '../../support/handlers.ts';
import { DEVICES, PASSPHRASE, bareRemote, device, folderEnv, scratch, sh, text } from '../../support/hostSync.ts';

/** A stand-in keychain: what main does with safeStorage, reversible only by itself. */
const sealOf = (text: string) => Buffer.from(`keychain:${text}`).toString('base64');
const keychain: Pick<SyncHandlerDeps, 'unseal'> = {
  unseal(sealed) {
    const text = Buffer.from(sealed, 'base64').toString();
    if (!text.startsWith('keychain:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return text.slice('keychain:'.length);
  },
};

/** The sync handlers behind main's dispatcher; every target's folder counts as picked in the folder dialog. */
function host(deps: Pick<SyncHandlerDeps, 'unseal'>) {
  const picks = pickingFolders();
  const dispatcher = createDispatcher<void>({ ...unusedHandlers<void>(), ...syncHandlers<void>({ ...picks, ...deps }) });
  return (method: 'sync.setUp' | 'sync.list' | 'sync.exchange', args: unknown) => {
    picks.pickFor(method, args);
    return dispatcher.dispatch(method, args, undefined);
  };
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

/**
 * The page may name any folder; a compromised one would name ~/.config/autostart or the user's
 * own project. Real folders, real git, a bare remote; `picked` answers the folder dialog.
 */
describe('folders the page names', () => {
  function app(picked: { path?: string } = {}) {
    const folders = createFolderGrants();
    const dispatcher = createDispatcher<void>({ ...unusedHandlers<void>(), ...syncHandlers<void>({ folders, chooseFolder: async () => picked.path }) });
    return (method: 'sync.chooseFolder' | 'sync.setUp' | 'sync.list' | 'sync.exchange', args: unknown) => dispatcher.dispatch(method, args, undefined);
  }
  const refused = (code: string, message: RegExp) => ({ ok: true, value: { ok: false, fault: { code, message: expect.stringMatching(message) } } });

  it('a clone folder not picked in the dialog is refused, empty or not, and nothing is written in it', async () => {
    const root = await scratch();
    const remote = await bareRemote(root);
    const autostart = join(root, 'home', '.config', 'autostart');
    await mkdir(autostart, { recursive: true });
    const call = app();
    const target = { kind: 'git', url: `file://${remote}`, branch: 'main', cloneDir: autostart };
    expect(await call('sync.setUp', { target })).toEqual(refused('git', /autostart was not chosen in War Room’s folder dialog\. Choose the folder with “Choose…”/));
    expect(await readdir(autostart)).toEqual([]);
    await writeFile(join(autostart, 'tracker.desktop'), '[Desktop Entry]\n');
    expect(await call('sync.setUp', { target })).toEqual(refused('git', /autostart is not empty and is not a clone War Room made/));
    expect(await readdir(autostart)).toEqual(['tracker.desktop']);
  });

  it('the user’s own clone of that very remote is never used: their uncommitted work stays, nothing is pushed', async () => {
    const root = await scratch();
    const remote = await bareRemote(root);
    const project = join(root, 'project');
    await sh(root, ['clone', '-q', `file://${remote}`, project]);
    await writeFile(join(project, 'notes.md'), 'work in progress\n');
    const call = app({ path: project });
    // Even picked in the dialog: a clone folder must be new or War Room's own.
    expect(await call('sync.chooseFolder', { title: 'Local clone folder' })).toEqual({ ok: true, value: { path: project } });
    const target = { kind: 'git', url: `file://${remote}`, branch: 'main', cloneDir: project };
    for (const method of ['sync.setUp', 'sync.list'] as const) {
      expect(await call(method, { target })).toEqual(refused('git', /project is not empty and is not a clone War Room made/));
    }
    expect(await sh(project, ['status', '--porcelain'])).toBe('?? notes.md\n');
    expect(await sh(project, ['stash', 'list'])).toBe('');
    expect(await sh(remote, ['for-each-ref'])).toBe('');
  });

  it('a shared folder not picked in the dialog, holding someone else’s files, gets no archive', async () => {
    const root = await scratch();
    const autostart = join(root, 'autostart');
    await mkdir(autostart);
    await writeFile(join(autostart, 'tracker.desktop'), '[Desktop Entry]\n');
    expect(await app()('sync.setUp', { target: { kind: 'folder', path: autostart } })).toEqual(
      refused('not-set-up', /autostart was not chosen in War Room’s folder dialog and holds no War Room archive \(warroom\/format\.json\)/),
    );
    expect(await readdir(autostart)).toEqual(['tracker.desktop']);
  });

  it('only the very folder picked counts, not one reached from it by ..', async () => {
    const root = await scratch();
    await mkdir(join(root, 'share'));
    await mkdir(join(root, 'other'));
    await writeFile(join(root, 'other', 'keep.txt'), 'mine');
    const call = app({ path: join(root, 'share') });
    await call('sync.chooseFolder', { title: 'Shared folder' });
    const sneaky = `${join(root, 'share')}/../other`;
    expect(await call('sync.setUp', { target: { kind: 'folder', path: sneaky } })).toEqual(refused('not-set-up', /was not chosen/));
    expect(await readdir(join(root, 'other'))).toEqual(['keep.txt']);
  });

  it('folders picked in the dialog are set up; after a restart (a new registry) their markers keep them working', async () => {
    const root = await scratch();
    const remote = await bareRemote(root);
    const share = join(root, 'share');
    const cloneDir = join(root, 'clone');
    await mkdir(share);
    await mkdir(cloneDir);
    const picked: { path?: string } = {};
    const call = app(picked);
    const folder = { kind: 'folder', path: share };
    const git = { kind: 'git', url: `file://${remote}`, branch: 'main', cloneDir };
    for (const [path, target] of [[share, folder], [cloneDir, git]] as const) {
      picked.path = path;
      expect(await call('sync.chooseFolder', { title: 'Choose' })).toEqual({ ok: true, value: { path } });
      expect(await call('sync.setUp', { target })).toEqual({ ok: true, value: { ok: true, value: { created: true } } });
    }
    expect(await sh(cloneDir, ['config', 'warroom.clone'])).toBe('true\n');
    const restarted = app();
    for (const target of [folder, git]) {
      expect(await restarted('sync.setUp', { target })).toEqual({ ok: true, value: { ok: true, value: { created: false } } });
      expect(await restarted('sync.exchange', { target, device: device(0), write: [{ first: 1, last: 1, text: text(0, 1, 1) }], read: [] })).toMatchObject({ ok: true, value: { ok: true } });
      expect(await restarted('sync.list', { target })).toMatchObject({ ok: true, value: { ok: true, value: { segments: [expect.objectContaining({ first: 1, last: 1 })] } } });
    }
  });

  it('a clone made before the marker existed is War Room’s by its warroom.device; a .git that is a link is not', async () => {
    const root = await scratch();
    const remote = await bareRemote(root);
    const cloneDir = join(root, 'clone');
    await sh(root, ['clone', '-q', `file://${remote}`, cloneDir]);
    await sh(cloneDir, ['config', 'warroom.device', DEVICES[0]]);
    const git = { kind: 'git', url: `file://${remote}`, branch: 'main', cloneDir };
    expect(await app()('sync.setUp', { target: git })).toEqual({ ok: true, value: { ok: true, value: { created: true } } });
    const linked = join(root, 'linked');
    await mkdir(linked);
    await symlink(join(cloneDir, '.git'), join(linked, '.git'));
    expect(await app()('sync.list', { target: { ...git, cloneDir: linked } })).toMatchObject(refused('damaged', /\.git is a symbolic link/));
  });
});
