import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verify } from '../../../electron/cli/verify.ts';
import { putFile, putFormat } from '../support/archiveFolder.ts';

/**
 * An archive written by a program that follows docs/sync-format.md and shares no code with War
 * Room: its own RFC 8785 serializer (enough for the values below), Node's SHA-256, and OpenSSL's
 * Ed25519 through node:crypto. War Room's reader must accept it whole, and refuse it once altered.
 */

/** RFC 8785 for objects, arrays, strings, safe integers, booleans and null. */
function jcs(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${jcs(v)}`).join(',')}}`;
}

const DEVICE = '5e5e5e5e5e5e5e5e';
const T = Date.UTC(2026, 11, 1, 9, 0, 0);
const keys = generateKeyPairSync('ed25519');
const publicHex = (keys.publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32).toString('hex');

function ops(count: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let seq = 1; seq <= count; seq += 1) {
    const data =
      seq === 1
        ? { title: 'Login failures', severity: 'P2', type: 'security', declaredAt: new Date(T).toISOString() }
        : { entry: `ent-indep${String(seq).padStart(6, '0')}`, fields: { text: `observation ${seq}`, kind: 'note', eventAt: new Date(T + seq * 60_000).toISOString(), pinned: false, tags: [] } };
    const body = {
      v: 1,
      id: `${DEVICE}-${seq}`,
      device: DEVICE,
      seq,
      hlc: `${new Date(T + seq * 1000).toISOString()}-0000-${DEVICE}`,
      actor: 'Iris Independent',
      incident: 'inc-indep01',
      kind: seq === 1 ? 'incident.declare' : 'entry.add',
      data,
      prev: (out.at(-1)?.['hash'] as string | undefined) ?? null,
    };
    const hash = createHash('sha256').update(jcs(body), 'utf8').digest('hex');
    const sig = sign(null, Buffer.from(`warroom-op-v1:${hash}`, 'ascii'), keys.privateKey).toString('hex');
    out.push({ ...body, hash, sig });
  }
  return out;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warroom-independent-'));
  await putFormat(dir);
  await putFile(dir, `warroom/v1/devices/${DEVICE}.json`, JSON.stringify({ device: DEVICE, name: 'Independent tool', createdAt: new Date(T).toISOString(), app: 'indep 1.0', key: publicHex, signedFrom: 1 }));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await verify(dir, (line) => lines.push(line));
  return { code, lines };
}

describe('an archive signed by an independent implementation of the format', () => {
  it('verifies: every op, signed, no problem, nothing unverified', async () => {
    await putFile(dir, `warroom/v1/ops/${DEVICE}/000000000001-000000000006.jsonl`, ops(6).map((op) => `${jcs(op)}\n`).join(''));
    expect(await run()).toEqual({ code: 0, lines: ['6 ops verified from 1 device(s) in 1 segment(s); 0 pending (newer app); 0 problem(s)'] });
  });

  it('is refused at the line where its last signature is altered, and where an op is re-signed by another key', async () => {
    const lines = ops(6).map((op) => `${jcs(op)}\n`);
    const last = JSON.parse(lines[5]!) as Record<string, string>;
    const flipped = `${last['sig']!.slice(0, 127)}${last['sig']!.endsWith('0') ? '1' : '0'}`;
    lines[5] = `${jcs({ ...last, sig: flipped })}\n`;
    await putFile(dir, `warroom/v1/ops/${DEVICE}/000000000001-000000000006.jsonl`, lines.join(''));
    const { code, lines: out } = await run();
    expect(code).toBe(1);
    // Ops 1–5 are vouched for by their own signatures; only line 6 fails.
    expect(out.slice(0, -1)).toEqual([expect.stringMatching(/000000000001-000000000006\.jsonl:6: bad signature/)]);
  });
});
