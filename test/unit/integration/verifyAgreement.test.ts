import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verify } from '../../../electron/cli/verify.ts';
import { exchange, listTarget, setUpTarget } from '../../../electron/host/transports/index.ts';
import { runSyncRound } from '../../../shared/entities/index.ts';
import { segmentPath } from '../../../shared/sync/layout.ts';
import type { TargetConfig } from '../../../shared/sync/wire.ts';
import { putFile, putSegment } from '../support/archiveFolder.ts';
import { chainOf, line, rechain, rehashed } from '../support/chains.ts';
import { PASSPHRASE } from '../support/hostSync.ts';
import { MemoryStore } from '../support/memoryStore.ts';

/**
 * `warroom verify` and the app read a target through the same code, so on any archive they flag
 * the same files and lines. The command also judges what the app has no need to (a reader only
 * waits for what is missing): names leaving seqs uncovered, and names overlapping.
 */
const DEVICE = '0123456789abcdef';
const OTHER = 'fedcba9876543210';
const READER = '5555555555555555';
const CLI_ONLY = /^(overlaps |gap: seq .* is in no segment$)/;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warroom-agree-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Flag {
  file: string;
  /** Undefined: the app names the file only. */
  line?: number;
  reason: string;
}

async function appFlags(target: TargetConfig): Promise<Flag[]> {
  const store = new MemoryStore(READER, { now: () => Date.UTC(2026, 10, 24) });
  const report = await runSyncRound(store, { list: () => listTarget(target), exchange: (request) => exchange(target, request) }, 'agreement', { readBatch: 1000 });
  expect(report.fault).toBeUndefined();
  return report.problems.map(({ file, line: at, reason }) => ({ file: join(dir, ...file.split('/')), ...(at === undefined ? {} : { line: at }), reason }));
}

async function cliFlags(passphrase?: string): Promise<Flag[]> {
  const lines: string[] = [];
  await verify(dir, (text) => lines.push(text), passphrase);
  // Problems come before the summary; the notes after it (unverified devices) are no flags.
  const summary = lines.findIndex((text) => / ops verified from \d+ device\(s\)/.test(text));
  return lines.slice(0, summary).map((text) => {
    const [, file, at, reason] = /^(.+):(\d+): (.+)$/.exec(text)!;
    return { file: file!, line: Number(at), reason: reason! };
  });
}

/** Both readers over the archive in `dir`: every flag of one is a flag of the other. */
async function expectAgreement(passphrase?: string): Promise<{ app: Flag[]; cli: Flag[] }> {
  const target: TargetConfig = { kind: 'folder', path: dir, ...(passphrase ? { encryption: { passphrase } } : {}) };
  const app = await appFlags(target);
  const cli = await cliFlags(passphrase);
  const same = (a: Flag, c: Flag) => a.file === c.file && (a.line === undefined || a.line === c.line || c.line === 0);
  for (const a of app) expect(cli.some((c) => same(a, c)), `the command misses ${a.file}:${a.line ?? '-'}: ${a.reason}`).toBe(true);
  for (const c of cli.filter((flag) => !CLI_ONLY.test(flag.reason))) {
    expect(app.some((a) => same(a, c)), `the app misses ${c.file}:${c.line}: ${c.reason}`).toBe(true);
  }
  return { app, cli };
}

const file = (first: number, last: number, device = DEVICE, encrypted = false) => join(dir, ...segmentPath(device, first, last, encrypted).split('/'));

describe('warroom verify and the app flag the same files and lines', () => {
  beforeEach(async () => {
    expect((await setUpTarget({ kind: 'folder', path: dir })).ok).toBe(true);
  });
  const ops = chainOf(DEVICE, 6);
  const theirs = rechain([ops[0]!, { ...ops[1]!, actor: 'Bob' }, ...ops.slice(2)]);

  it('malformed lines, a foreign op, a bad envelope and a truncated end', async () => {
    const text = [line(ops[0]), '{not json\n', line(chainOf(OTHER, 2)[1]), '{"v":1,"id":"x"}\n', line(ops[5]), JSON.stringify(ops[1])].join('');
    await putSegment(dir, DEVICE, 1, 5, text);
    const { app } = await expectAgreement();
    expect(app.map((f) => f.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('a tampered op, a repeated line, a chain broken inside a file, a pending op', async () => {
    const pending = rehashed(ops[3]!, { kind: 'entry.react' });
    await putSegment(dir, DEVICE, 1, 3, [ops[0], { ...ops[1]!, actor: 'Mallory' }, ops[2]]);
    await putSegment(dir, DEVICE, 4, 6, `${line(rechain([ops[2]!, pending])[1])}${line(ops[4])}${line(ops[4])}${line(theirs[5])}`);
    const { app, cli } = await expectAgreement();
    expect(app.length).toBeGreaterThanOrEqual(3);
    expect(cli.map((f) => `${f.file}:${f.line}`)).toEqual(expect.arrayContaining([`${file(1, 3)}:2`, `${file(4, 6)}:3`]));
  });

  it('names wider and narrower than their content', async () => {
    await putSegment(dir, DEVICE, 1, 4, ops.slice(0, 2));
    await putSegment(dir, DEVICE, 5, 5, ops.slice(2, 6));
    const { cli } = await expectAgreement();
    expect(cli.map((f) => f.reason)).toEqual(expect.arrayContaining(['ends early: seq 3–4 missing', "seq 6 is outside the range 5–5 this file's name gives (its valid ops are kept)"]));
  });

  it('a fork across overlapping files, and a chain broken across files', async () => {
    await putSegment(dir, DEVICE, 1, 3, ops.slice(0, 3));
    await putSegment(dir, DEVICE, 2, 4, theirs.slice(1, 4));
    await putSegment(dir, OTHER, 1, 2, chainOf(OTHER, 2));
    await putSegment(dir, OTHER, 3, 3, [rechain([{ ...chainOf(OTHER, 2)[0]!, actor: 'Eve' }, ...chainOf(OTHER, 3).slice(1)])[2]]);
    const { app, cli } = await expectAgreement();
    expect(app.map((f) => f.file)).toEqual(expect.arrayContaining([file(2, 4), file(3, 3, OTHER)]));
    expect(cli.filter((f) => CLI_ONLY.test(f.reason)).map((f) => f.reason)).toEqual(['overlaps 000000000001-000000000003.jsonl: seq 2–3 in both (a device never writes a seq twice)']);
  });

  it('an archive with nothing wrong: neither flags anything', async () => {
    await putSegment(dir, DEVICE, 1, 3, ops.slice(0, 3));
    await putSegment(dir, DEVICE, 4, 6, ops.slice(3, 6));
    expect(await expectAgreement()).toEqual({ app: [], cli: [] });
  });
});

describe('on an encrypted target too', () => {
  it('a sealed file that does not open, and one whose content is damaged', async () => {
    const target: TargetConfig = { kind: 'folder', path: dir, encryption: { passphrase: PASSPHRASE } };
    expect((await setUpTarget(target)).ok).toBe(true);
    const ops = chainOf(DEVICE, 4);
    const device = { device: DEVICE, name: 'Ana', createdAt: '2026-11-23T08:00:00.000Z', app: 'test' };
    const text = `${line(ops[0])}{not json\n`;
    expect((await exchange(target, { device, write: [{ first: 1, last: 2, text }], read: [] })).ok).toBe(true);
    await putFile(dir, segmentPath(DEVICE, 3, 4, true), Buffer.alloc(100, 1));
    const { app, cli } = await expectAgreement(PASSPHRASE);
    expect(app.map((f) => f.file)).toEqual([file(1, 2, DEVICE, true), file(3, 4, DEVICE, true)]);
    expect(cli.map((f) => `${f.file}:${f.line}`)).toEqual([`${file(1, 2, DEVICE, true)}:2`, `${file(3, 4, DEVICE, true)}:0`]);
  });
});
