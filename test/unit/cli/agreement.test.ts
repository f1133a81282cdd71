import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArchive } from '../../../electron/cli/readArchive.ts';
import { createOp, freshDeviceState, type DeviceState } from '../../../shared/ops/createOp.ts';
import type { Op } from '../../../shared/ops/envelope.ts';
import { parseSegmentName } from '../../../shared/sync/layout.ts';
import { decodeSegment } from '../../../shared/sync/segment.ts';

const DEVICE = '0123456789abcdef';
const OTHER = 'fedcba9876543210';
const T = Date.UTC(2026, 10, 23, 8, 0, 0);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warroom-agree-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function history(device: string, count: number): Op[] {
  let state: DeviceState = freshDeviceState(device);
  const ops: Op[] = [];
  for (let i = 1; i <= count; i += 1) {
    const made = createOp(state, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.set', data: { fields: { summary: `step ${i}` } } }, T + i);
    state = made.state;
    ops.push(made.op);
  }
  return ops;
}

describe('the warroom command and the app read a segment alike', () => {
  it('reports the same line problems for malformed lines and a truncated end', async () => {
    const mine = history(DEVICE, 9);
    const text = [
      JSON.stringify(mine[0]),
      '{not json',
      JSON.stringify(history(OTHER, 2)[1]),
      JSON.stringify({ v: 1, id: 'x' }),
      JSON.stringify(mine[8]),
    ]
      .map((line) => `${line}\n`)
      .join('')
      .concat(JSON.stringify(mine[1]));
    const name = '000000000001-000000000005.jsonl';
    const folder = join(dir, 'warroom', 'v1', 'ops', DEVICE);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, name), text);

    const app = decodeSegment(text, parseSegmentName(DEVICE, name)!).problems.map(({ line, reason }) => ({ line, reason }));
    const cli = (await readArchive(dir))!.problems.map(({ line, reason }) => ({ line, reason }));
    expect(cli).toEqual(app);
    expect(app.map((p) => p.line)).toEqual([2, 3, 4, 5, 6]);
    expect(app.at(-1)?.reason).toMatch(/^truncated/);
  });

  it('reads exactly the files the app takes for segments', async () => {
    const folder = join(dir, 'warroom', 'v1', 'ops', DEVICE);
    await mkdir(folder, { recursive: true });
    const line = `${JSON.stringify(history(DEVICE, 1)[0])}\n`;
    for (const name of ['000000000001-000000000001.jsonl', '000000000000-000000000001.jsonl', '000000000003-000000000002.jsonl', '000000000001-000000000001.jsonl.tmp', '1-1.jsonl']) {
      await writeFile(join(folder, name), line);
    }
    const app = (await readdir(folder)).filter((name) => parseSegmentName(DEVICE, name) !== null);
    expect(app).toEqual(['000000000001-000000000001.jsonl']);
    expect((await readArchive(dir))!.segments).toBe(app.length);
  });
});
