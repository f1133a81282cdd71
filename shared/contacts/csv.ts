/**
 * CSV as RFC 4180 writes it: records separated by CRLF (LF alone is read too), fields by commas,
 * a field in double quotes may hold commas, line breaks and `""` for a quote. Read by one pass
 * over the characters (no regular expression), so hostile input costs linear time; sizes are
 * capped before the pass starts, so a huge file is refused without being read.
 */

export interface CsvLimits {
  /** Characters of the whole text. */
  maxChars: number;
  /** Records, the header included. */
  maxRecords: number;
  maxFields: number;
  maxFieldChars: number;
}

export const CSV_LIMITS: CsvLimits = { maxChars: 1_000_000, maxRecords: 5_001, maxFields: 32, maxFieldChars: 10_000 };

/** One record and the line of the text it starts on (1-based), for errors that name it. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; error: string };

/**
 * Every record of `text`, or the first fault with its line. A blank last line is no record; a
 * byte-order mark is skipped. Field counts are not compared here: the caller knows its header.
 */
export function parseCsv(text: string, limits: CsvLimits = CSV_LIMITS): CsvResult {
  if (text.length > limits.maxChars) return { ok: false, line: 1, error: `the file is larger than ${limits.maxChars.toLocaleString('en')} characters` };
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const end = text.length;
  while (i < end) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i += 1;
        for (;;) {
          if (i >= end) return { ok: false, line: start, error: 'a quoted field is never closed (a `"` is missing)' };
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i += 1;
            break;
          }
          if (ch === '\n') line += 1;
          field += ch;
          i += 1;
          if (field.length > limits.maxFieldChars) return { ok: false, line: start, error: `a field is longer than ${limits.maxFieldChars} characters` };
        }
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\n' && !(next === '\r' && text[i + 1] === '\n')) {
          return { ok: false, line, error: 'text after a closing quote: a quote inside a field is written `""`' };
        }
      } else {
        while (i < end) {
          const ch = text[i]!;
          if (ch === ',' || ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) break;
          if (ch === '"') return { ok: false, line, error: 'a quote inside an unquoted field: quote the whole field and write the quote as `""`' };
          if (ch === '\r') return { ok: false, line, error: 'a carriage return outside quotes that does not end the line' };
          field += ch;
          i += 1;
          if (field.length > limits.maxFieldChars) return { ok: false, line, error: `a field is longer than ${limits.maxFieldChars} characters` };
        }
      }
      fields.push(field);
      if (fields.length > limits.maxFields) return { ok: false, line: start, error: `more than ${limits.maxFields} fields` };
      if (text[i] === ',') {
        i += 1;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i += 1;
    if (text[i] === '\n') {
      i += 1;
      line += 1;
    }
    records.push({ line: start, fields });
    if (records.length > limits.maxRecords) return { ok: false, line: start, error: `more than ${limits.maxRecords - 1} rows` };
  }
  return { ok: true, records };
}

/** One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Records as CSV text, CRLF after each. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
