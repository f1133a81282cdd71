import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verify } from '../../../electron/cli/verify.ts';
import { createOp, type Op } from '../../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../../shared/ops/createOp.ts';

const DEVICE = '0123456789abcdef';
const T = Date.UTC(2026, 10, 23, 8, 0, 0);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warroom-verify-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function history(count: number): Op[] {
  let state: DeviceState = freshDeviceState(DEVICE);
  const ops: Op[] = [];
  for (let i = 1; i <= count; i += 1) {
    const made = createOp(state, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'entry.add', data: { entry: `ent-${String(i).padStart(6, '0')}`, fields: { text: `line ${i}`, kind: 'note', eventAt: new Date(T).toISOString(), pinned: false, tags: [] } } }, T + i);
    state = made.state;
    ops.push(made.op);
  }
  return ops;
}

async function writeSegment(lines: string[], name = '000000000001-000000000003.jsonl'): Promise<string> {
  const folder = join(dir, 'warroom', 'v1', 'ops', DEVICE);
  await mkdir(folder, { recursive: true });
  const file = join(folder, name);
  await writeFile(file, lines.map((l) => `${l}\n`).join(''));
  return file;
}

async function run(): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await verify(dir, (line) => lines.push(line));
  return { code, lines };
}

describe('warroom verify', () => {
  it('reports every op verified in an intact archive', async () => {
    await writeSegment(history(3).map((op) => JSON.stringify(op)));
    await writeSegment(['garbage that a reader must ignore'], '000000000004-000000000004.jsonl.tmp');
    expect(await run()).toEqual({ code: 0, lines: ['3 ops verified from 1 device(s) in 1 segment(s); 0 pending (newer app); 0 problem(s)'] });
  });

  it('names the file, line and reason of a tampered op and of a garbage line, and still checks the rest', async () => {
    const ops = history(3);
    const tampered = { ...ops[1]!, actor: 'Mallory' };
    const file = await writeSegment([JSON.stringify(ops[0]), JSON.stringify(tampered), '{not json', JSON.stringify(ops[2])]);
    const { code, lines } = await run();
    expect(code).toBe(1);
    expect(lines).toContain(`${file}:3: not JSON`);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^op ${DEVICE}-2: hash mismatch`)));
    expect(lines.at(-1)).toBe('2 ops verified from 1 device(s) in 1 segment(s); 0 pending (newer app); 2 problem(s)');
  });

  it('says a missing archive is unreachable, not empty', async () => {
    expect(await run()).toMatchObject({ code: 2, lines: [expect.stringMatching(/no War Room archive here/)] });
  });

  it('runs from the command line', async () => {
    await writeSegment(history(3).map((op) => JSON.stringify(op)));
    const result = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'electron/cli/warroom.ts', 'verify', dir]);
    expect(result.stdout).toMatch(/^3 ops verified/);
  });
});
