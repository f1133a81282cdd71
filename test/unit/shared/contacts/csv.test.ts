import { describe, expect, it } from 'vitest';
import { CSV_LIMITS, parseCsv, toCsv } from '../../../../shared/contacts/csv.ts';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF', () => {
    const result = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\nlast,,\n');
    expect(result).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b', 'c'] },
        { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
        { line: 4, fields: ['last', '', ''] },
      ],
    });
  });

  it('round-trips what toCsv writes, whatever the text', () => {
    const rows = [['="1+1"', 'a\r\nb', '"', ','], ['', ' spaced ', 'ü', '']];
    const parsed = parseCsv(toCsv(rows));
    expect(parsed.ok && parsed.records.map((r) => r.fields)).toEqual(rows);
  });

  it('skips a byte-order mark', () => {
    expect(parseCsv('\uFEFFname\nAna')).toEqual({ ok: true, records: [{ line: 1, fields: ['name'] }, { line: 2, fields: ['Ana'] }] });
  });

  it.each([
    ['a,b\n"open,b\n', 2, /never closed/],
    ['a,b\nx,"q"z\n', 2, /after a closing quote/],
    ['a,b\nok,ok\nx"y,z\n', 3, /quote inside an unquoted field/],
    ['a,b\n"multi\nline",x\nbad\r,x\n', 4, /carriage return/],
  ])('names the line of a malformed record: %j', (text, line, error) => {
    const result = parseCsv(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.line).toBe(line);
      expect(result.error).toMatch(error);
    }
  });

  it('refuses an oversized text before reading it, and caps records, fields and field length', () => {
    expect(parseCsv('x'.repeat(CSV_LIMITS.maxChars + 1))).toMatchObject({ ok: false, line: 1, error: /larger than/ });
    const limits = { maxChars: 10_000, maxRecords: 3, maxFields: 3, maxFieldChars: 5 };
    expect(parseCsv('a\nb\nc\nd\n', limits)).toMatchObject({ ok: false, line: 4, error: /more than 2 rows/ });
    expect(parseCsv('a,b,c,d\n', limits)).toMatchObject({ ok: false, line: 1, error: /more than 3 fields/ });
    expect(parseCsv('ok\n123456\n', limits)).toMatchObject({ ok: false, line: 2, error: /longer than 5/ });
    expect(parseCsv('ok\n"123456"\n', limits)).toMatchObject({ ok: false, line: 2, error: /longer than 5/ });
  });

  it('reads hostile input in linear time', () => {
    const started = performance.now();
    expect(parseCsv(`"${'""'.repeat(400_000)}`).ok).toBe(false);
    expect(parseCsv(','.repeat(200_000), { ...CSV_LIMITS, maxFields: 1_000_000 }).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});
