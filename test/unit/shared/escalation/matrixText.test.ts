import { describe, expect, it } from 'vitest';
import { DEFAULT_ESCALATION_MATRIX, validateEscalationMatrix } from '../../../../shared/escalation/matrix.ts';
import { formatMatrixText, parseMatrixText } from '../../../../shared/escalation/matrixText.ts';

const read = (text: string) => {
  const parsed = parseMatrixText(text, 'p0-p3');
  return parsed.ok ? validateEscalationMatrix(parsed.value) : parsed;
};

describe('the matrix as text', () => {
  it('the default reads back to itself', () => {
    const text = formatMatrixText(DEFAULT_ESCALATION_MATRIX);
    expect(text.split('\n')[4]).toBe('P0, P1 | security | *: 30 CISO by phone; 60 CEO by phone');
    expect(read(text)).toEqual({ ok: true, matrix: DEFAULT_ESCALATION_MATRIX });
  });

  it('reads every kind of who, several people and the way to reach them', () => {
    expect(read('\n* | * | Payments: 10 on-call primary by phone + contact Dana Lee; 20 min DBA\n')).toEqual({
      ok: true,
      matrix: {
        scheme: 'p0-p3',
        rows: [
          {
            severities: [],
            type: null,
            service: 'Payments',
            steps: [
              { afterMinutes: 10, notify: [{ onCall: 'primary', via: 'phone' }, { contact: 'Dana Lee', via: 'preferred' }] },
              { afterMinutes: 20, notify: [{ role: 'DBA', via: 'preferred' }] },
            ],
          },
        ],
      },
    });
  });

  it('refuses a row it cannot split, or a bad value, naming the row', () => {
    expect(read('P0 | * | *: 15 Team lead\nP1 security: 30 CISO')).toEqual({ ok: false, problems: ['Row 2: write "severities | type | service: steps", such as "P0 | security | *: 30 CISO by phone"'] });
    expect(read('P0 | * | *: 15 Team lead\nP1 | * | *: soon CTO')).toEqual({ ok: false, problems: ['Row 2: step 1: start with the minutes after detection, such as "30 CTO" (got "soon CTO")'] });
  });

  it('refuses a text too long to be a matrix before reading it, and reads a long hostile line in linear time', () => {
    expect(read('x'.repeat(100_001))).toEqual({ ok: false, problems: ['The matrix is at most 100000 characters'] });
    const started = performance.now();
    const hostile = read(`* | * | *: 5 ${' by a'.repeat(19_000)}x`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(hostile.ok).toBe(false);
  });
});
