import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveError } from '../../../../electron/cli/readArchive.ts';
import { verify } from '../../../../electron/cli/verify.ts';
import { segmentPath } from '../../../../shared/sync/layout.ts';
import { putDevice, putFile, putFormat, putSegment } from '../../support/archiveFolder.ts';
import { chainOf, line, rechain, rehashed, signedChainOf } from '../../support/chains.ts';
import { testSigner, testSigningKey } from '../../support/keys.ts';

const DEVICE = '0123456789abcdef';
const OTHER = 'fedcba9876543210';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warroom-verify-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const segment = (first: number, last: number, device = DEVICE) => join(dir, ...segmentPath(device, first, last, false).split('/'));

/** What verify prints, but the notes on unsigned test chains (judged in their own tests below). */
async function run(onLine: (line: string) => void = () => undefined): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await verify(dir, (text) => {
    if (!text.startsWith('unverified: ')) lines.push(text);
    onLine(text);
  });
  return { code, lines };
}

/** The problem lines only (the summary is last). */
async function problems(): Promise<string[]> {
  const { code, lines } = await run();
  expect(code).toBe(lines.length > 1 ? 1 : 0);
  return lines.slice(0, -1);
}

describe('warroom verify', () => {
  it('reports every op verified in an intact archive, and ignores files that are no segment', async () => {
    await putFormat(dir);
    await putSegment(dir, DEVICE, 1, 3, chainOf(DEVICE, 3));
    await putFile(dir, `${segmentPath(DEVICE, 4, 4, false)}.tmp`, 'garbage that a reader must ignore\n');
    expect(await run()).toEqual({ code: 0, lines: ['3 ops verified from 1 device(s) in 1 segment(s); 0 pending (newer app); 0 problem(s)'] });
  });

  it('names the file and line of a tampered op as of a garbage line, and still checks the rest', async () => {
    await putFormat(dir);
    const ops = chainOf(DEVICE, 4);
    await putSegment(dir, DEVICE, 1, 4, `${line(ops[0])}${line({ ...ops[1]!, actor: 'Mallory' })}{not json\n${line(ops[3])}`);
    const { code, lines } = await run();
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^${segment(1, 4)}:2: hash mismatch`)),
      `${segment(1, 4)}:3: not JSON`,
      '2 ops verified from 1 device(s) in 1 segment(s); 0 pending (newer app); 2 problem(s)',
    ]);
  });
});

describe('warroom verify judges format.json as the app does', () => {
  it('a folder without warroom/format.json is not a War Room archive, whatever else it holds', async () => {
    await expect(run()).rejects.toThrow(/not a War Room archive: warroom\/format\.json is missing/);
    await putSegment(dir, DEVICE, 1, 3, chainOf(DEVICE, 3));
    await expect(run()).rejects.toThrow(ArchiveError);
  });

  it('refuses a newer format and a damaged format file, judging nothing', async () => {
    await putSegment(dir, DEVICE, 1, 3, chainOf(DEVICE, 3));
    await putFormat(dir, '{"format":"warroom-sync","version":2}\n');
    await expect(run()).rejects.toThrow(/format v2/);
    await putFormat(dir, 'garbage\n');
    await expect(run()).rejects.toThrow(/format\.json is damaged/);
  });

  it('accepts the warroom/ folder itself as the target', async () => {
    await putFormat(dir);
    await putDevice(dir, DEVICE);
    await putSegment(dir, DEVICE, 1, 2, signedChainOf(DEVICE, 2));
    const lines: string[] = [];
    expect(await verify(join(dir, 'warroom'), (text) => lines.push(text))).toBe(0);
    expect(lines).toEqual(['2 ops verified from 1 device(s) in 1 segment(s); 0 pending (newer app); 0 problem(s)']);
  });
});

describe('warroom verify checks names against content and files against each other', () => {
  beforeEach(() => putFormat(dir));
  const ops = chainOf(DEVICE, 6);

  it('a name wider than its content: the missing seqs are reported', async () => {
    await putSegment(dir, DEVICE, 1, 5, ops.slice(0, 3));
    expect(await problems()).toEqual([`${segment(1, 5)}:4: ends early: seq 4–5 missing`]);
  });

  it('a name narrower than its content: each line outside the range is reported', async () => {
    await putSegment(dir, DEVICE, 1, 2, ops.slice(0, 4));
    expect(await problems()).toEqual([3, 4].map((seq) => `${segment(1, 2)}:${seq}: seq ${seq} is outside the range 1–2 this file's name gives (its valid ops are kept)`));
  });

  it('seqs no name covers: before the first segment and between two', async () => {
    await putSegment(dir, DEVICE, 2, 3, ops.slice(1, 3));
    await putSegment(dir, DEVICE, 5, 6, ops.slice(4, 6));
    expect(await problems()).toEqual([
      `${segment(2, 3)}:1: gap: seq 1 of device ${DEVICE} is in no segment`,
      `${segment(5, 6)}:1: gap: seq 4 of device ${DEVICE} is in no segment`,
    ]);
  });

  it('overlapping segments of one device, even with the same ops', async () => {
    await putSegment(dir, DEVICE, 1, 3, ops.slice(0, 3));
    await putSegment(dir, DEVICE, 2, 4, ops.slice(1, 4));
    expect(await problems()).toEqual([`${segment(2, 4)}:1: overlaps 000000000001-000000000003.jsonl: seq 2–3 in both (a device never writes a seq twice)`]);
  });

  // Another install under the same device id: its own seq 2 onwards.
  const theirs = rechain([ops[0]!, { ...ops[1]!, actor: 'Bob' }, ...ops.slice(2, 4)]);

  it('a chain broken across files, at the line that does not follow', async () => {
    await putSegment(dir, DEVICE, 1, 2, ops.slice(0, 2));
    await putSegment(dir, DEVICE, 3, 4, theirs.slice(2, 4));
    expect(await problems()).toEqual([`${segment(3, 4)}:1: broken chain: prev does not match the hash of seq 2 in 000000000001-000000000002.jsonl`]);
  });

  it('a fork: each differing op at its line, beside the overlap', async () => {
    await putSegment(dir, DEVICE, 1, 3, ops.slice(0, 3));
    await putSegment(dir, DEVICE, 2, 4, `{not json\n${theirs.slice(1, 4).map(line).join('')}`);
    const fork = (seq: number) => `fork: a different op with seq ${seq} is in 000000000001-000000000003.jsonl (two installs share this device id?)`;
    expect(await problems()).toEqual([
      `${segment(2, 4)}:1: not JSON`,
      `${segment(2, 4)}:2: overlaps 000000000001-000000000003.jsonl: seq 2–3 in both (a device never writes a seq twice)`,
      `${segment(2, 4)}:2: ${fork(2)}`,
      `${segment(2, 4)}:3: ${fork(3)}`,
    ]);
  });

  it('checks each device on its own', async () => {
    await putSegment(dir, DEVICE, 1, 2, ops.slice(0, 2));
    await putSegment(dir, OTHER, 1, 2, chainOf(OTHER, 2));
    await putSegment(dir, OTHER, 4, 4, chainOf(OTHER, 4).slice(3));
    expect(await problems()).toEqual([`${segment(4, 4, OTHER)}:1: gap: seq 3 of device ${OTHER} is in no segment`]);
  });
});

describe('warroom verify lets no raw error escape', () => {
  beforeEach(() => putFormat(dir));

  it('a directory under a segment name is a problem of that file', async () => {
    await mkdir(segment(1, 2), { recursive: true });
    await putSegment(dir, DEVICE, 3, 3, chainOf(DEVICE, 3).slice(2));
    // Refused unopened, as the app refuses it (its seqs then show as in no readable segment); never a raw throw.
    expect(await problems()).toEqual(expect.arrayContaining([`${segment(1, 2)}:0: warroom/v1/ops/${DEVICE}/000000000001-000000000002.jsonl is a folder where War Room expects a regular file, so it was not read.`]));
  });

  it('a segment too large to read as text is a problem of that file', async () => {
    await putSegment(dir, DEVICE, 1, 1, '');
    await truncate(segment(1, 1), 2 ** 29 + 1024);
    expect(await problems()).toEqual([expect.stringMatching(new RegExp(`^${segment(1, 1)}:0: `))]);
  });

  it('the archive vanishing mid-read ends with ArchiveError, not one problem per missing file', async () => {
    await putSegment(dir, DEVICE, 1, 1, '{not json\n');
    await putSegment(dir, DEVICE, 2, 2, chainOf(DEVICE, 2).slice(1));
    // Unplugged as soon as the first file's problem is printed, before the second file is read.
    const gone = run(() => rmSync(join(dir, 'warroom'), { recursive: true, force: true }));
    await expect(gone).rejects.toThrow(/the archive disappeared while it was read/);
  });

  it('sealed segments on a target without its key file are problems, not "0 problems"', async () => {
    await putSegment(dir, DEVICE, 1, 1, chainOf(DEVICE, 1));
    await putFile(dir, segmentPath(DEVICE, 2, 3, true), Buffer.alloc(80, 7));
    expect(await problems()).toEqual([
      `${join(dir, ...segmentPath(DEVICE, 2, 3, true).split('/'))}:0: a sealed segment, but warroom/encryption.json is missing: nothing can open or check it (restore the key file from another copy of the target)`,
    ]);
  });
});

describe('warroom verify checks signatures against the keys the device files name', () => {
  it('a forged op in a device’s folder, unsigned or signed by another key, is named by file and line', async () => {
    await putFormat(dir);
    await putDevice(dir, DEVICE);
    const honest = signedChainOf(DEVICE, 3);
    await putSegment(dir, DEVICE, 1, 3, honest);
    // Another laptop writes "seq 4" into this device's folder: right chain, wrong hand.
    const forged = rehashed(chainOf(DEVICE, 4)[3]!, { actor: 'Incident Commander' });
    expect(forged.prev).toBe(honest[2]!.hash);
    await putSegment(dir, DEVICE, 4, 4, [{ ...forged, sig: testSigner(OTHER)(forged.hash) }]);
    expect(await problems()).toEqual([expect.stringMatching(/000000000004-000000000004\.jsonl:1: bad signature: not signed by device 0123456789abcdef's key/)]);
    await putSegment(dir, DEVICE, 4, 4, [forged]);
    expect(await problems()).toEqual([expect.stringMatching(/000000000004-000000000004\.jsonl:1: unsigned: device 0123456789abcdef's key .* signs every op from seq 1/)]);
  });

  it('a swapped key in the device file fails every run it did not sign', async () => {
    await putFormat(dir);
    await putDevice(dir, DEVICE, testSigningKey(OTHER).publicKey);
    await putSegment(dir, DEVICE, 1, 3, signedChainOf(DEVICE, 3));
    const found = await problems();
    expect(found).toHaveLength(3);
    expect(found[2]).toMatch(/000000000001-000000000003\.jsonl:3: bad signature/);
  });

  it('a device that names no key: its ops are listed as unverified, not as problems', async () => {
    await putFormat(dir);
    await putSegment(dir, OTHER, 1, 2, chainOf(OTHER, 2));
    const lines: string[] = [];
    expect(await verify(dir, (text) => lines.push(text))).toBe(0);
    expect(lines).toEqual(['2 ops verified from 1 device(s) in 1 segment(s); 0 pending (newer app); 0 problem(s)', `unverified: 2 op(s) of device ${OTHER}, whose device file names no signing key`]);
  });
});

describe('the warroom command as a user runs it', () => {
  /** The entry point `npm run warroom` runs once built; here from source, in its own process. */
  function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) =>
      execFile(process.execPath, ['--import', 'tsx', 'electron/cli/warroom.ts', ...args], (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr })),
    );
  }

  it('exits 0 when valid, 1 on problems, 2 when there is no archive, 64 on a usage error', async () => {
    expect(await cli('verify', dir)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^warroom: .*not a War Room archive/) });
    await putFormat(dir);
    await putSegment(dir, DEVICE, 1, 3, chainOf(DEVICE, 3));
    expect(await cli('verify', dir)).toMatchObject({ code: 0, stdout: `3 ops verified from 1 device(s) in 1 segment(s); 0 pending (newer app); 0 problem(s)\nunverified: 3 op(s) of device ${DEVICE}, whose device file names no signing key\n` });
    await putSegment(dir, DEVICE, 5, 5, chainOf(DEVICE, 5).slice(4));
    expect(await cli('verify', dir)).toMatchObject({ code: 1, stdout: expect.stringMatching(/:1: gap: seq 4 .*\n4 ops verified .* 1 problem\(s\)\nunverified: 4 op/) });
    expect(await cli('verify')).toMatchObject({ code: 64, stderr: expect.stringMatching(/^usage: warroom/) });
    // Four processes that each compile the CLI from source: slow on a busy machine.
  }, 120_000);
});
