import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exchange, listTarget, setUpTarget } from '../../../electron/host/transports/index.ts';
import { FORMAT_PATH, deviceInfoPath, segmentPath, type SegmentRef } from '../../../shared/sync/layout.ts';
import type { Outcome } from '../../../shared/sync/ports.ts';
import { DEVICES, device, folderEnv, gitEnv, sh, text, type Env } from '../support/hostSync.ts';

/** The same promises from both transports, on real files and real git (file:// remotes). */
const factories: [string, () => Promise<Env>][] = [
  ['folder', () => folderEnv()],
  ['folder, encrypted', () => folderEnv(true)],
  ['git', () => gitEnv()],
  ['git, encrypted', () => gitEnv(true)],
];

function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected ok, got ${outcome.fault.code}: ${outcome.fault.message}`);
  return outcome.value;
}

function cloneOf(env: Env, index: number): string {
  const target = env.target(index);
  if (target.kind !== 'git') throw new Error('not a git target');
  return target.cloneDir;
}

async function ready(env: Env, devices: number): Promise<void> {
  for (let i = 0; i < devices; i++) value(await setUpTarget(env.target(i)));
}

// Prove the transports need no global or system git config (identity, branch, signing).
beforeAll(() => {
  vi.stubEnv('GIT_CONFIG_GLOBAL', '/dev/null');
  vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe.each(factories)('sync transport contract: %s', (_name, make) => {
  it('sets up once and then only checks: set-up is idempotent', async () => {
    const env = await make();
    expect(value(await setUpTarget(env.target(0)))).toEqual({ created: true });
    const format = await env.read(FORMAT_PATH);
    expect(JSON.parse(String(format))).toEqual({ format: 'warroom-sync', version: 1 });
    expect(value(await setUpTarget(env.target(0)))).toEqual({ created: false });
    expect(value(await setUpTarget(env.target(1)))).toEqual({ created: false });
    expect(await env.read(FORMAT_PATH)).toEqual(format);
    expect((await env.read('warroom/encryption.json')) !== null).toBe(env.encrypted);
    if (env.remote) expect((await sh(env.remote, ['log', '--format=%s', 'main'])).trim().split('\n')).toHaveLength(1);
    const listing = value(await listTarget(env.target(1)));
    expect(listing).toEqual({ format: { format: 'warroom-sync', version: 1 }, encrypted: env.encrypted, devices: [], segments: [] });
  });

  it('device A writes segments; device B lists them and reads identical text', async () => {
    const env = await make();
    await ready(env, 2);
    const write = [
      { first: 1, last: 3, text: text(0, 1, 3) },
      { first: 4, last: 4, text: text(0, 4, 4) },
    ];
    const sent = value(await exchange(env.target(0), { device: device(0), write, read: [] }));
    const paths = write.map((s) => segmentPath(DEVICES[0], s.first, s.last, env.encrypted));
    expect(sent).toEqual({ written: paths, files: [] });
    const stored = await env.read(paths[0] as string);
    expect(stored === null ? null : stored.equals(Buffer.from(write[0]?.text ?? ''))).toBe(!env.encrypted);

    const listing = value(await listTarget(env.target(1)));
    expect(listing.devices).toEqual([device(0)]);
    expect(listing.segments).toEqual(
      write.map((s, i): SegmentRef => ({ device: DEVICES[0], first: s.first, last: s.last, encrypted: env.encrypted, path: paths[i] as string })),
    );
    const got = value(await exchange(env.target(1), { device: device(1), write: [], read: listing.segments }));
    expect(got.files.map((f) => f.result)).toEqual(write.map((s) => ({ ok: true, text: s.text })));
  });

  it('three devices each write; every device ends with the same listing', async () => {
    const env = await make();
    await ready(env, 3);
    for (const i of [0, 1, 2]) {
      value(await listTarget(env.target(i)));
      value(await exchange(env.target(i), { device: device(i), write: [{ first: 1, last: 2 + i, text: text(i, 1, 2 + i) }], read: [] }));
    }
    const listings = [];
    for (const i of [0, 1, 2]) listings.push(value(await listTarget(env.target(i))));
    expect(listings[1]).toEqual(listings[0]);
    expect(listings[2]).toEqual(listings[0]);
    expect(listings[0]?.devices.map((d) => d.device)).toEqual([...DEVICES]);
    expect(listings[0]?.segments.map((s) => `${s.device}:${s.first}-${s.last}`)).toEqual(DEVICES.map((d, i) => `${d}:1-${2 + i}`));
  });

  it('two devices pushing at the same moment both land, with a linear history', async () => {
    const env = await make();
    await ready(env, 2);
    const [a, b] = await Promise.all(
      [0, 1].map((i) => exchange(env.target(i), { device: device(i), write: [{ first: 1, last: 5, text: text(i, 1, 5) }], read: [] }, { backoffMs: 20 })),
    );
    value(a as Outcome<unknown>);
    value(b as Outcome<unknown>);
    const listing = value(await listTarget(env.target(0)));
    expect(listing.segments.map((s) => s.device)).toEqual([DEVICES[0], DEVICES[1]]);
    if (env.remote) {
      expect(await sh(env.remote, ['log', '--merges', '--oneline', 'main'])).toBe('');
      const subjects = await sh(env.remote, ['log', '--format=%s', 'main']);
      expect(subjects).toContain(`warroom: ${DEVICES[0]} ops 1-5`);
      expect(subjects).toContain(`warroom: ${DEVICES[1]} ops 1-5`);
      // One of the two really was turned away and rebased (the retry path ran).
      const reflogs = await Promise.all([0, 1].map((i) => sh(cloneOf(env, i), ['reflog'])));
      expect(reflogs.join('\n')).toMatch(/rebase \(finish\)/);
    }
  });

  it('ignores *.tmp files, junk names, foreign folders and unreadable device files', async () => {
    const env = await make();
    await ready(env, 2);
    value(await exchange(env.target(0), { device: device(0), write: [{ first: 1, last: 2, text: text(0, 1, 2) }], read: [] }));
    const ext = env.encrypted ? '.jsonl.enc' : '.jsonl';
    const ops = `warroom/v1/ops/${DEVICES[0]}`;
    await env.put({
      [`${ops}/000000000003-000000000004${ext}.tmp`]: 'half written',
      [`${ops}/notes.txt`]: 'hello',
      [`${ops}/3-4${ext}`]: 'short name',
      [`${ops}/000000000009-000000000005${ext}`]: 'last before first',
      // (A sealed segment on a target without encryption.json is not junk: see the encryption tests.)
      ...(env.encrypted ? { [`${ops}/000000000005-000000000006.jsonl`]: 'a plain segment on an encrypted target' } : {}),
      'warroom/v1/ops/not-a-device/000000000001-000000000001.jsonl': 'x',
      'warroom/v1/devices/garbage.json': '{}',
      [`warroom/v1/devices/${DEVICES[2]}.json`]: '{ not json',
      'README.txt': 'a note someone left',
    });
    const listing = value(await listTarget(env.target(1)));
    expect(listing.devices).toEqual([device(0)]);
    expect(listing.segments.map((s) => s.path)).toEqual([segmentPath(DEVICES[0], 1, 2, env.encrypted)]);
  });

  it('never overwrites a segment: the same content again is a no-op, different content is a fork', async () => {
    const env = await make();
    await ready(env, 1);
    const path = segmentPath(DEVICES[0], 1, 2, env.encrypted);
    const original = { first: 1, last: 2, text: text(0, 1, 2) };
    value(await exchange(env.target(0), { device: device(0), write: [original], read: [] }));
    const bytes = await env.read(path);
    const commits = env.remote ? await sh(env.remote, ['rev-list', '--count', 'main']) : '';

    expect(value(await exchange(env.target(0), { device: device(0), write: [original], read: [] })).written).toEqual([path]);
    const forked = await exchange(env.target(0), { device: device(0), write: [{ ...original, text: 'something else\n' }], read: [] });
    expect(forked).toMatchObject({ ok: false, fault: { code: 'fork', file: path } });
    expect(forked.ok ? '' : forked.fault.message).toMatch(/already exists with different content/);
    expect(await env.read(path)).toEqual(bytes);
    if (env.remote) expect(await sh(env.remote, ['rev-list', '--count', 'main'])).toBe(commits);
    expect(JSON.parse(String(await env.read(deviceInfoPath(DEVICES[0]))))).toEqual(device(0));
  });
});
