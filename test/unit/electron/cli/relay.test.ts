import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { relay } from '../../../../electron/cli/relay.ts';
import { exchange, listTarget, setUpTarget } from '../../../../electron/host/transports/index.ts';
import { createOp, type Op } from '../../../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../../../shared/ops/createOp.ts';
import { encodeSegment } from '../../../../shared/sync/segment.ts';
import type { TargetConfig } from '../../../../shared/sync/wire.ts';

const DEVICE = '00112233aabbccdd';
const T = Date.UTC(2026, 10, 23, 8, 0, 0);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warroom-relay-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function ops(count: number): Op[] {
  let state: DeviceState = freshDeviceState(DEVICE);
  return Array.from({ length: count }, (_, i) => {
    const made = createOp(state, { actor: 'Ana', incident: 'inc-relay1', kind: 'entry.add', data: { entry: `ent-${String(i).padStart(6, '0')}`, fields: { text: `line ${i}`, kind: 'note', eventAt: new Date(T).toISOString(), pinned: false, tags: [] } } }, T + i);
    state = made.state;
    return made.op;
  });
}

async function target(name: string, passphrase?: string): Promise<TargetConfig> {
  const path = join(dir, name);
  await mkdir(path);
  const config: TargetConfig = { kind: 'folder', path, ...(passphrase ? { encryption: { passphrase } } : {}) };
  expect((await setUpTarget(config)).ok).toBe(true);
  return config;
}

async function run(from: string, to: string, passphrase?: string) {
  const lines: string[] = [];
  const code = await relay(join(dir, from), join(dir, to), passphrase, (line) => lines.push(line));
  return { code, lines };
}

const device = { device: DEVICE, name: 'Ana laptop', createdAt: new Date(T).toISOString(), app: 'test' };
const segmentsOf = async (config: TargetConfig) => {
  const listing = await listTarget(config);
  if (!listing.ok) throw new Error(listing.fault.message);
  return listing.value.segments.map((s) => `${s.first}-${s.last}`);
};

describe('warroom sync (relay)', () => {
  it('copies the segments the other folder lacks, once, and a second run changes nothing', async () => {
    const stick = await target('stick');
    const share = await target('share');
    const all = ops(5);
    await exchange(stick, { device, write: [{ first: 1, last: 3, text: encodeSegment(all.slice(0, 3)) }, { first: 4, last: 5, text: encodeSegment(all.slice(3)) }], read: [] });
    expect(await run('stick', 'share')).toEqual({ code: 0, lines: ['2 segment(s) copied from ' + join(dir, 'stick') + ' to ' + join(dir, 'share') + '; 0 refused; 0 already there'] });
    expect(await segmentsOf(share)).toEqual(['1-3', '4-5']);
    expect(JSON.parse(await readFile(join(dir, 'share', 'warroom', 'v1', 'devices', `${DEVICE}.json`), 'utf8'))).toMatchObject({ name: 'Ana laptop' });
    const again = await run('stick', 'share');
    expect(again.lines[0]).toContain('0 segment(s) copied');
    expect(again.lines[0]).toContain('2 already there');
  });

  it('refuses a damaged segment (named, with its line) and copies the rest', async () => {
    const stick = await target('stick');
    await target('share');
    const all = ops(4);
    await exchange(stick, { device, write: [{ first: 1, last: 2, text: encodeSegment(all.slice(0, 2)) }], read: [] });
    const bad = join(dir, 'stick', 'warroom', 'v1', 'ops', DEVICE, '000000000003-000000000004.jsonl');
    await writeFile(bad, `${JSON.stringify(all[2])}\n{"truncat`);
    const { code, lines } = await run('stick', 'share');
    expect(code).toBe(1);
    expect(lines.some((l) => l.startsWith(`skipped warroom/v1/ops/${DEVICE}/000000000003-000000000004.jsonl:2:`))).toBe(true);
    expect(lines.at(-1)).toContain('1 segment(s) copied');
  });

  it('re-seals for an encrypted destination, which the app can then read', async () => {
    const stick = await target('stick', 'correct horse battery');
    const share = await target('share', 'correct horse battery');
    const all = ops(3);
    await exchange(stick, { device, write: [{ first: 1, last: 3, text: encodeSegment(all) }], read: [] });
    expect((await run('stick', 'share', 'correct horse battery')).code).toBe(0);
    const listing = await listTarget(share);
    if (!listing.ok) throw new Error(listing.fault.message);
    const read = await exchange(share, { device: { ...device, device: 'ffffffffffffffff' }, write: [], read: listing.value.segments });
    expect(read.ok && read.value.files[0]?.result).toEqual({ ok: true, text: encodeSegment(all) });
  });

  it('a missing or not-set-up destination is reported and nothing is written', async () => {
    await target('stick');
    const { code, lines } = await run('stick', 'nowhere');
    expect(code).toBe(2);
    expect(lines[0]).toMatch(/^warroom sync: /);
  });
});
