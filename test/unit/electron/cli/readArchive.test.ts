import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eachSegment, openTarget } from '../../../../electron/cli/readArchive.ts';
import { putFormat, putSegment } from '../../support/archiveFolder.ts';
import { chainOf } from '../../support/chains.ts';

const DEVICE = '0123456789abcdef';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warroom-read-'));
  await putFormat(dir);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function drain(opened: Awaited<ReturnType<typeof openTarget>>): Promise<number> {
  let count = 0;
  for await (const _segment of eachSegment(opened)) count += 1;
  return count;
}

describe('eachSegment', () => {
  it('reads the segments one by one as the app decodes them', async () => {
    await putSegment(dir, DEVICE, 1, 2, chainOf(DEVICE, 2));
    await putSegment(dir, DEVICE, 3, 3, chainOf(DEVICE, 3).slice(2));
    const seen: number[] = [];
    for await (const segment of eachSegment(await openTarget(dir))) if (!('error' in segment)) seen.push(...segment.decoded.ops.map((op) => op.seq));
    expect(seen).toEqual([1, 2, 3]);
  });

  it('an archive gone after it was opened is never "all valid", even when nothing was left to read', async () => {
    const opened = await openTarget(dir);
    await rm(join(dir, 'warroom'), { recursive: true });
    await expect(drain(opened)).rejects.toThrow(/the archive disappeared while it was read/);
  });
});
