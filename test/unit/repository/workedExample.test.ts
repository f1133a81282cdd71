import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeSegment } from '../../../shared/entities/index.ts';
import { newSigningKey } from '../../../shared/ops/signature.ts';
import { parseSegmentName } from '../../../shared/sync/layout.ts';

/** The format doc's worked example must stay what War Room writes and reads. */
const doc = readFileSync(new URL('../../../docs/sync-format.md', import.meta.url), 'utf8');
const section = doc.slice(doc.indexOf('## Worked example'), doc.indexOf('## Known discrepancies'));
const lines = section.slice(section.indexOf('```json\n') + 8, section.indexOf('```', section.indexOf('```json\n') + 8));

describe('docs/sync-format.md worked example', () => {
  const key = newSigningKey(() => new Uint8Array(32).fill(7));

  it('names the public key of the documented example secret', () => {
    expect(section).toContain(key.publicKey);
  });

  it('decodes whole, each op signed with that key', () => {
    const ref = parseSegmentName('a1b2c3d4e5f60718', '000000000001-000000000002.jsonl')!;
    const decoded = decodeSegment(lines, ref, { key: key.publicKey, signedFrom: 1 });
    expect(decoded).toMatchObject({ problems: [], complete: true, unverified: 0 });
    expect(decoded.ops.map((op) => op.sig)).toEqual([expect.stringMatching(/^[0-9a-f]{128}$/), expect.stringMatching(/^[0-9a-f]{128}$/)]);
  });
});
