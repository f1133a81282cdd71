import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArchive } from '../../../../electron/cli/readArchive.ts';
import { verify } from '../../../../electron/cli/verify.ts';
import { createOp, type Op, decodeSegment } from '../../../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../../../shared/ops/createOp.ts';
import { parseSegmentName } from '../../../../shared/sync/layout.ts';

const DEVICE = '0123456789abcdef';
const T = Date.UTC(2026, 10, 23, 8, 0, 0);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warroom-verify-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function history(count: number, device = DEVICE): Op[] {
  let state: DeviceState = freshDeviceState(device);
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

describe('the warroom command and the app read a segment alike', () => {
  it('reports the same line problems for malformed lines and a truncated end', async () => {
    const mine = history(9);
    const complete = [JSON.stringify(mine[0]), '{not json', JSON.stringify(history(2, 'fedcba9876543210')[1]), JSON.stringify({ v: 1, id: 'x' }), JSON.stringify(mine[8])];
    const text = `${complete.map((line) => `${line}\n`).join('')}${JSON.stringify(mine[1])}`;
    const name = '000000000001-000000000005.jsonl';
    await writeFile(await writeSegment([], name), text);

    const app = decodeSegment(text, parseSegmentName(DEVICE, name)!).problems.map(({ line, reason }) => ({ line, reason }));
    const cli = (await readArchive(dir))!.problems.map(({ line, reason }) => ({ line, reason }));
    expect(cli).toEqual(app);
    expect(app.map((p) => p.line)).toEqual([2, 3, 4, 5, 6]);
    expect(app.at(-1)?.reason).toMatch(/^truncated/);
  });

  it('reads exactly the files the app takes for segments', async () => {
    const names = ['000000000001-000000000001.jsonl', '000000000000-000000000001.jsonl', '000000000003-000000000002.jsonl', '000000000001-000000000001.jsonl.tmp', '1-1.jsonl'];
    for (const name of names) await writeSegment([JSON.stringify(history(1)[0])], name);
    const app = (await readdir(join(dir, 'warroom', 'v1', 'ops', DEVICE))).filter((name) => parseSegmentName(DEVICE, name) !== null);
    expect(app).toEqual(['000000000001-000000000001.jsonl']);
    expect((await readArchive(dir))!.segments).toBe(app.length);
  });
});
