import { describe, expect, it } from 'vitest';
import { scanPlaceholders } from '../../../../shared/comms/placeholderScan.ts';

describe('scanPlaceholders', () => {
  it('cuts a body into text and placeholders with their lines', () => {
    expect(scanPlaceholders('A {{ title }}\nB {{status}}.')).toEqual([
      { kind: 'text', text: 'A ' },
      { kind: 'placeholder', name: 'title', line: 1 },
      { kind: 'text', text: '\nB ' },
      { kind: 'placeholder', name: 'status', line: 2 },
      { kind: 'text', text: '.' },
    ]);
  });

  it('marks a {{ with no }} on its line as unclosed, and keeps a lone }} as text', () => {
    expect(scanPlaceholders('x }} {{a\n}}')).toEqual([
      { kind: 'text', text: 'x }} ' },
      { kind: 'unclosed', text: '{{a', line: 1 },
      { kind: 'text', text: '\n}}' },
    ]);
  });

  it('stays linear on a long line of openings', () => {
    const body = '{{'.repeat(50_000);
    const started = performance.now();
    expect(scanPlaceholders(body)).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
