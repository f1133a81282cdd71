import { describe, expect, it } from 'vitest';
import type { EvidenceView } from '../../../../shared/entities/index.ts';
import { CUSTODY_CSV_COLUMNS, custodyLogToCsv, custodyLogToMarkdown } from '../../../../shared/evidence/custodyLog.ts';
import { formulaLike, parseCsv, unguard } from '../../support/csv.ts';

const incident = { id: 'inc-aaaaaa', title: 'Leaked API key', ref: 'INC-2026-AB-7' };
const HASH = 'b'.repeat(64);

const item: EvidenceView = {
  id: 'evi-000001',
  incident: 'inc-aaaaaa',
  description: '=HYPERLINK("https://evil.test") nginx log',
  collectedBy: 'Ana',
  collectedAt: '2026-11-23T09:00:00.000Z',
  storedAt: 'Share | /ir/42',
  artefact: { name: '<img src=x>.log', size: 1200, sha256: HASH },
  recordedBy: 'Ana',
  recordedAt: '2026-11-23T09:01:00.000Z',
  currentlyAt: 'Safe 2',
  holder: 'Cara',
  handovers: [
    { handover: 'hnd-000001', from: 'Ana', to: '@Ben', at: '2026-11-23T09:10:00.000Z', reason: '+forensics\nimage', storedAt: null, recordedBy: 'Ana', recordedAt: '2026-11-23T09:10:00.000Z', continuous: true },
    { handover: 'hnd-000002', from: 'Dan', to: 'Cara', at: '2026-11-23T09:40:00.000Z', reason: 'legal hold', storedAt: 'Safe 2', recordedBy: 'Dan', recordedAt: '2026-11-23T09:41:00.000Z', continuous: false },
  ],
  checks: [
    { by: 'Cara', at: '2026-11-23T09:30:00.000Z', artefact: { name: 'access.log', size: 1200, sha256: HASH }, matches: true },
    { by: 'Cara', at: '2026-11-23T10:00:00.000Z', artefact: { name: 'access.log', size: 1300, sha256: 'c'.repeat(64) }, matches: false },
  ],
};

describe('custodyLogToCsv', () => {
  const csv = custodyLogToCsv(incident, [item]);
  const [header, ...rows] = parseCsv(csv);

  it('lists every event of every item in time order, one CRLF record each', () => {
    expect(header).toEqual([...CUSTODY_CSV_COLUMNS]);
    expect(rows.map((row) => [row[6], row[7]])).toEqual([
      ['collected', '2026-11-23T09:00:00.000Z'],
      ['handover', '2026-11-23T09:10:00.000Z'],
      ['check', '2026-11-23T09:30:00.000Z'],
      ['handover', '2026-11-23T09:40:00.000Z'],
      ['check', '2026-11-23T10:00:00.000Z'],
    ]);
    expect(rows.every((row) => row[0] === 'INC-2026-AB-7' && row[5] === HASH && row[4] === '1200')).toBe(true);
    expect(rows[3]![11]).toBe('legal hold (GAP: Dan did not hold the item)');
    expect(rows[4]![11]).toBe(`MISMATCH: access.log hashes to ${'c'.repeat(64)}`);
  });

  it('defuses formula-like cells and keeps text recoverable', () => {
    for (const cell of rows.flat()) expect(formulaLike(cell), cell).toBe(false);
    expect(rows[0]![2]).toBe(`'${item.description}`);
    expect(unguard(rows[1]![9]!)).toBe('@Ben');
    expect(unguard(rows[1]![11]!)).toBe('+forensics\nimage');
  });
});

describe('custodyLogToMarkdown', () => {
  const md = custodyLogToMarkdown(incident, [item]);

  it('has a section per item with its hash, holder and a row per event, user text escaped', () => {
    expect(md).toContain('# Custody log — Leaked API key\n');
    expect(md).toContain('- **Incident:** INC-2026-AB-7');
    expect(md).toContain(`- **SHA-256:** \`${HASH}\``);
    expect(md).toContain('- **File:** &lt;img src=x&gt;.log (1200 bytes)');
    expect(md).toContain('- **Held by:** Cara, at Safe 2');
    expect(md).toContain('| 2026-11-23 09:10:00 | Hand-over | Ana | @Ben |  | \\+forensics<br>image | Ana |');
    expect(md).toContain('| 2026-11-23 09:00:00 | Collected |  | Ana | Share \\| /ir/42 |');
    expect(md).toContain('MISMATCH: access.log hashes to');
    expect(md).not.toMatch(/<img/);
    // Every table row keeps its seven cells: no `|` from user text splits one.
    for (const line of md.split('\n').filter((l) => l.startsWith('| 2026'))) expect(line.split(/(?<!\\)\|/).length - 2).toBe(7);
  });

  it('says so when there is no evidence, and marks an exercise', () => {
    const empty = custodyLogToMarkdown({ ...incident, exercise: true }, []);
    expect(empty.startsWith('**EXERCISE — NOT A REAL INCIDENT**\n')).toBe(true);
    expect(empty).toContain('No evidence recorded.');
  });
});
