import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportIncident } from '../../../../electron/cli/exportIncident.ts';
import { verify } from '../../../../electron/cli/verify.ts';
import { ArchiveError } from '../../../../electron/cli/readArchive.ts';
import { exchange, setUpTarget } from '../../../../electron/host/transports/index.ts';
import { createOp, type OpIntent } from '../../../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../../../shared/ops/createOp.ts';
import { encodeSegment } from '../../../../shared/sync/segment.ts';

const DEVICE = '0e0e0e0e0e0e0e0e';
const PASSPHRASE = 'correct horse battery staple';
const T = Date.UTC(2026, 10, 23, 8, 0, 0);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warroom-cli-enc-'));
  const target = { kind: 'folder' as const, path: dir, encryption: { passphrase: PASSPHRASE } };
  expect((await setUpTarget(target)).ok).toBe(true);
  let state: DeviceState = freshDeviceState(DEVICE);
  const intents: OpIntent[] = [
    { actor: 'Ana', incident: 'inc-secret', kind: 'incident.declare', data: { title: 'Data exposed via export API', severity: 'P0', type: 'security', declaredAt: new Date(T).toISOString() } },
    { actor: 'Ana', incident: 'inc-secret', kind: 'entry.add', data: { entry: 'ent-000001', fields: { text: 'Export endpoint disabled', kind: 'action', eventAt: new Date(T + 60_000).toISOString(), pinned: false, tags: [] } } },
  ];
  const ops = intents.map((intent, i) => {
    const made = createOp(state, intent, T + i);
    state = made.state;
    return made.op;
  });
  const sent = await exchange(target, { device: { device: DEVICE, name: 'Ana', createdAt: new Date(T).toISOString(), app: 'test' }, write: [{ first: 1, last: 2, text: encodeSegment(ops) }], read: [] });
  expect(sent.ok).toBe(true);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the CLI on an encrypted target', () => {
  it('verifies and exports with the team passphrase', async () => {
    const lines: string[] = [];
    expect(await verify(dir, (line) => lines.push(line), PASSPHRASE)).toBe(0);
    expect(lines).toEqual(['2 ops verified from 1 device(s) in 1 segment(s); 0 pending (newer app); 0 problem(s)', `unverified: 2 op(s) of device ${DEVICE}, whose device file names no signing key`]);
    let out = '';
    expect(await exportIncident(dir, 'inc-secret', 'timeline', (text) => (out += text), () => undefined, PASSPHRASE)).toBe(0);
    expect(out).toContain('Export endpoint disabled');
  });

  it('without the passphrase, or with a wrong one, says so and reads nothing', async () => {
    await expect(verify(dir, () => undefined)).rejects.toThrow(ArchiveError);
    await expect(verify(dir, () => undefined, 'wrong passphrase!')).rejects.toThrow(/passphrase/i);
  });

  it('a target whose key file disappeared is reported, not taken for an empty plain one', async () => {
    await rm(join(dir, 'warroom', 'encryption.json'));
    const sealed = join(dir, 'warroom', 'v1', 'ops', DEVICE, '000000000001-000000000002.jsonl.enc');
    const lines: string[] = [];
    expect(await verify(dir, (line) => lines.push(line))).toBe(1);
    expect(lines).toEqual([
      `${sealed}:0: a sealed segment, but warroom/encryption.json is missing: nothing can open or check it (restore the key file from another copy of the target)`,
      '0 ops verified from 0 device(s) in 0 segment(s); 0 pending (newer app); 1 problem(s)',
    ]);
    await expect(verify(dir, () => undefined, PASSPHRASE)).rejects.toThrow(/encryption\.json is missing/);
  });

  it('a plain segment on an encrypted target is reported: no reader opens it, and it is not secret', async () => {
    const plain = join(dir, 'warroom', 'v1', 'ops', DEVICE, '000000000003-000000000003.jsonl');
    await writeFile(plain, '{"leaked":"in the clear"}\n');
    const lines: string[] = [];
    expect(await verify(dir, (line) => lines.push(line), PASSPHRASE)).toBe(1);
    expect(lines[0]).toBe(`${plain}:0: a plain segment on an encrypted target: no reader opens it, and anyone with the folder can read it`);
  });
});
