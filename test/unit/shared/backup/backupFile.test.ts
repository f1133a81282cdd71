import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, decodeBackup, encodeBackup, type DecodedBackup } from '../../../../shared/backup/backupFile.ts';
import type { OpEnvelope } from '../../../../shared/ops/envelope.ts';
import { canonicalJson } from '../../../../shared/util/canonicalJson.ts';
import { sha256Hex } from '../../../../shared/util/sha256.ts';
import { historyArb } from '../../support/opScripts.ts';
import { chainOf, DEV_A, DEV_B, rehashed, signedChainOf } from '../../support/chains.ts';
import { testSigner, testTrust } from '../../support/keys.ts';
import { FOREIGN, foreignChain, NEWER, UNTRIMMED } from '../../support/foreignWriter.ts';

const DEVICE = 'dddddddddddddddd';
const CREATED = '2026-11-23T09:00:00.000Z';
const opsA = chainOf(DEV_A, 4);
const opsB = chainOf(DEV_B, 3);
/** A validly hashed op of a kind this app does not know: kept pending, never dropped. */
const newer = rehashed(opsB[2]!, { kind: 'timer.start', data: { minutes: 5 } });
const all: OpEnvelope[] = [...opsA, ...opsB];

const encode = (ops: readonly OpEnvelope[] = all) => encodeBackup({ ops, device: DEVICE, createdAt: CREATED });
const linesOf = (text: string) => text.split('\n');
const bySeq = (ops: readonly OpEnvelope[]) => [...ops].sort((a, b) => (a.device === b.device ? a.seq - b.seq : a.device < b.device ? -1 : 1));

function errorOf(result: DecodedBackup): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

describe('encodeBackup', () => {
  it('writes a header line, then one canonical op per line sorted by device and seq', () => {
    const text = encode([opsB[1]!, opsA[2]!, opsB[0]!, opsA[0]!, opsA[3]!, opsA[1]!, opsB[2]!]);
    const lines = linesOf(text);
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -1)).toEqual(all.map((op) => canonicalJson(op)));
    const body = lines.slice(1).join('\n');
    expect(JSON.parse(lines[0]!)).toEqual({ format: 'warroom-backup', version: 1, createdAt: CREATED, device: DEVICE, opCount: 7, digest: sha256Hex(body) });
    expect(lines[0]!.startsWith('{"format":"warroom-backup","version":1,')).toBe(true);
  });

  it('writes an op held twice once, and the digest does not depend on input order or time', () => {
    const twice = encode([...all, ...all.slice(0, 3)]);
    expect(JSON.parse(linesOf(twice)[0]!).opCount).toBe(7);
    const later = encodeBackup({ ops: [...all].reverse(), device: DEV_A, createdAt: '2027-01-01T00:00:00.000Z' });
    expect(JSON.parse(linesOf(later)[0]!).digest).toBe(JSON.parse(linesOf(twice)[0]!).digest);
  });

  it('refuses a device or time no reader would accept', () => {
    expect(() => encodeBackup({ ops: all, device: 'laptop', createdAt: CREATED })).toThrow(/device/);
    expect(() => encodeBackup({ ops: all, device: DEVICE, createdAt: 'yesterday' })).toThrow(/createdAt/);
  });
});

describe('decodeBackup', () => {
  it('round-trips: encode → decode gives the same ops, pending ones kept apart with their reason', () => {
    const decoded = decodeBackup(encode([...all.slice(0, 6), newer]));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.header).toMatchObject({ format: BACKUP_FORMAT, version: 1, device: DEVICE, createdAt: CREATED, opCount: 7 });
    expect(decoded.ops).toEqual(all.slice(0, 6));
    expect(decoded.pending).toEqual([{ op: newer, reason: 'unknown kind timer.start' }]);
  });

  it('round-trips an empty store', () => {
    const text = encode([]);
    expect(linesOf(text)).toHaveLength(2);
    expect(decodeBackup(text)).toMatchObject({ ok: true, ops: [], pending: [], header: { opCount: 0 } });
  });

  it('round-trips random multi-device histories of every kind', () => {
    fc.assert(
      fc.property(historyArb(0, 40), (ops) => {
        const decoded = decodeBackup(encode(ops));
        expect(decoded.ok).toBe(true);
        if (decoded.ok) expect(bySeq([...decoded.ops, ...decoded.pending.map((p) => p.op)])).toEqual(bySeq(ops));
      }),
      { numRuns: 60 },
    );
  });

  it('says when the file is not an archive at all', () => {
    for (const text of ['', 'hello', '{"format":"warroom-sync","version":1}\n', '[1,2]\n', 'null\n', `${'x'.repeat(100_000)}\n`]) {
      expect(errorOf(decodeBackup(text))).toBe('not a War Room backup file (first line is not a warroom-backup header)');
    }
    expect(errorOf(decodeBackup(42))).toMatch(/^not a War Room backup file/);
    expect(errorOf(decodeBackup(undefined))).toMatch(/^not a War Room backup file/);
  });

  it('says when the archive comes from a newer War Room', () => {
    const [head, ...rest] = linesOf(encode());
    const v2 = [JSON.stringify({ ...JSON.parse(head!), version: 2, extra: 'x' }), ...rest].join('\n');
    expect(errorOf(decodeBackup(v2))).toBe('backup file from a newer War Room (version 2); update War Room to open it');
  });

  it('names the damaged header field', () => {
    const [head, ...rest] = linesOf(encode());
    const damaged = [JSON.stringify({ ...JSON.parse(head!), opCount: -3 }), ...rest].join('\n');
    expect(errorOf(decodeBackup(damaged))).toMatch(/^backup file header is damaged: opCount: /);
  });

  it('ignores unknown header members a later v1 writer may add', () => {
    const [head, ...rest] = linesOf(encode());
    const text = [JSON.stringify({ ...JSON.parse(head!), app: 'War Room 1.4.0' }), ...rest].join('\n');
    expect(decodeBackup(text)).toMatchObject({ ok: true, ops: all });
  });

  it('says how much is missing from a truncated file', () => {
    const text = encode();
    const lines = linesOf(text);
    expect(errorOf(decodeBackup(`${lines.slice(0, 4).join('\n')}\n`))).toBe('backup file is truncated: header says 7 ops, file has 3');
    expect(errorOf(decodeBackup(text.slice(0, text.length - 40)))).toBe('backup file is truncated: header says 7 ops, file has 6 and the last line is cut off');
    expect(errorOf(decodeBackup(lines[0]!))).toBe('backup file is truncated: header says 7 ops, file has 0');
  });

  it('says when there are more lines than the header counts', () => {
    const text = encode();
    expect(errorOf(decodeBackup(`${text}${canonicalJson(opsB[0])}\n`))).toBe('backup file has more than its header says: header says 7 ops, file has 8 lines of ops');
    expect(errorOf(decodeBackup(`${text}{"v":1`))).toBe('backup file has more than its header says: header says 7 ops, file has 8 lines of ops');
  });

  it('fails the whole import on one bad line, naming the line and the op', () => {
    const lines = linesOf(encode());
    const tampered = { ...opsA[2]!, actor: 'Mallory' };
    const withTampered = lines.map((line, i) => (i === 3 ? canonicalJson(tampered) : line)).join('\n');
    expect(errorOf(decodeBackup(withTampered))).toMatch(new RegExp(`^line 4 \\(op ${opsA[2]!.id}\\): hash mismatch: `));

    const garbage = lines.map((line, i) => (i === 6 ? '{"v":1,' : line)).join('\n');
    expect(errorOf(decodeBackup(garbage))).toBe('line 7: not JSON');

    const badSchema = lines.map((line, i) => (i === 2 ? canonicalJson({ ...opsA[1], seq: 'two' }) : line)).join('\n');
    expect(errorOf(decodeBackup(badSchema))).toMatch(/^line 3: .*seq/);
  });

  it('detects ops that are each intact but not the set the header records', () => {
    const lines = linesOf(encode());
    // Swap two lines: every op still hashes, the digest does not.
    const swapped = [...lines];
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(errorOf(decodeBackup(swapped.join('\n')))).toMatch(/^digest mismatch: the file was altered/);

    // Replace an op with another valid op (a rehash with different content): count and hashes hold.
    const forged = rehashed(opsA[3]!, { actor: 'Mallory' });
    const replaced = lines.map((line, i) => (i === 4 ? canonicalJson(forged) : line)).join('\n');
    expect(errorOf(decodeBackup(replaced))).toMatch(/^digest mismatch/);
  });

  it('refuses the same op twice', () => {
    const lines = linesOf(encode(opsA.slice(0, 2)));
    const head = JSON.parse(lines[0]!);
    const body = [lines[1]!, lines[2]!, lines[2]!];
    const text = [JSON.stringify({ ...head, opCount: 3, digest: sha256Hex(body.map((l) => `${l}\n`).join('')) }), ...body, ''].join('\n');
    expect(errorOf(decodeBackup(text))).toBe(`line 4: op ${opsA[1]!.id} appears twice (also line 3)`);
  });

  it('survives what editors and mail do to text: CRLF, a BOM, a stripped or doubled final newline', () => {
    const text = encode();
    for (const variant of [text.replaceAll('\n', '\r\n'), `\uFEFF${text}`, text.slice(0, -1), `${text}\n\n`]) {
      expect(decodeBackup(variant)).toMatchObject({ ok: true, ops: all });
    }
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json(), fc.jsonValue().map((v) => `${JSON.stringify(v)}\n{}`)), (text) => {
        const result = decodeBackup(text);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on a mutated archive, and never accepts one whose ops changed', () => {
    const ops = [...all.slice(0, 6), newer];
    const valid = encode(ops);
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }) }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('lines' as const), from: fc.nat(), to: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        let text = valid;
        for (const m of mutations) {
          const at = text.length === 0 ? 0 : ('at' in m ? m.at : 0) % text.length;
          if (m.kind === 'replace') text = text.slice(0, at) + m.text + text.slice(at + m.text.length);
          else if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.length);
          else if (m.kind === 'insert') text = text.slice(0, at) + m.text + text.slice(at);
          else if (m.kind === 'truncate') text = text.slice(0, at);
          else {
            const lines = text.split('\n');
            const from = m.from % lines.length;
            lines.splice(m.to % lines.length, 0, lines[from]!);
            text = lines.join('\n');
          }
        }
        const result = decodeBackup(text);
        if (result.ok) expect(bySeq([...result.ops, ...result.pending.map((p) => p.op)])).toEqual(bySeq(ops));
        else expect(result.error).toMatch(/\S/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a backup holding another writer\'s ops', () => {
  const chain = foreignChain([...UNTRIMMED, ...NEWER]);

  it('reads "Ana " and the tag "db " as written, keeps newer envelopes pending, and writes them back byte for byte', () => {
    const text = encode([...all, ...chain]);
    const decoded = decodeBackup(text);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.ops.filter((op) => op.device === FOREIGN)).toEqual(chain.slice(0, 2));
    expect(decoded.pending.map((p) => p.op)).toEqual(chain.slice(2));
    expect(encodeBackup({ ops: [...decoded.ops, ...decoded.pending.map((p) => p.op)], device: DEVICE, createdAt: CREATED })).toBe(text);
  });

  it('still refuses the op with its actor trimmed under the writer\'s hash', () => {
    const trimmed = { ...chain[0]!, actor: 'Ana' };
    expect(errorOf(decodeBackup(encode([trimmed])))).toMatch(new RegExp(`^line 2 \\(op ${trimmed.id}\\): hash mismatch`));
  });
});

describe('signatures in a backup file (docs/sync-format.md#signatures)', () => {
  const signedA = signedChainOf(DEV_A, 4);
  const keys = { [DEV_A]: testTrust(DEV_A) };
  const withKeys = (ops: readonly OpEnvelope[], named = keys) => encodeBackup({ ops, device: DEVICE, createdAt: CREATED, keys: named });

  it('carries the keys it trusts in its header, and decodes with them where the reader has none', () => {
    const decoded = decodeBackup(withKeys(signedA));
    expect(decoded).toMatchObject({ ok: true, header: { keys } });
    expect(decoded.ok && decoded.ops).toEqual(signedA);
  });

  it('a forged op (unsigned, or signed with another key) refuses the whole file, naming its line', () => {
    const forged = rehashed(signedA[3]!, { actor: 'Incident Commander' });
    for (const last of [forged, { ...forged, sig: testSigner(DEV_B)(forged.hash) }]) {
      expect(decodeBackup(withKeys([...signedA.slice(0, 3), last]))).toEqual({ ok: false, error: expect.stringMatching(/^line 5 \(op aaaaaaaaaaaaaaaa-4\): not vouched for by a signature of device aaaaaaaaaaaaaaaa's key/) });
    }
  });

  it('a header naming another key cannot win over the key this laptop pinned', () => {
    const mallory = testSigner(DEV_B);
    const resigned = signedA.map((op) => ({ ...op, sig: mallory(op.hash) }));
    const swapped = withKeys(resigned, { [DEV_A]: testTrust(DEV_B) });
    // Alone, the file is consistent with itself…
    expect(decodeBackup(swapped).ok).toBe(true);
    // …but not with the key this laptop first saw for that device.
    expect(decodeBackup(swapped, (device) => (device === DEV_A ? testTrust(DEV_A) : null))).toMatchObject({ ok: false, error: expect.stringMatching(/^line 2 \(op aaaaaaaaaaaaaaaa-1\)/) });
    expect(decodeBackup(withKeys(signedA, { [DEV_A]: testTrust(DEV_B) }), (device) => (device === DEV_A ? testTrust(DEV_A) : null)).ok).toBe(true);
  });
});
