/** Reading back the CSV exports in tests, strictly. */

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes, nothing else. */
export function parseCsv(csv: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < csv.length) {
    if (csv[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= csv.length) throw new Error('unterminated quote');
        if (csv[i] === '"') {
          if (csv[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += csv[i];
        i += 1;
      }
      if (i < csv.length && csv[i] !== ',' && !csv.startsWith('\r\n', i)) throw new Error(`junk after a quote at ${i}`);
    } else {
      while (i < csv.length && csv[i] !== ',' && csv[i] !== '\r') {
        if (csv[i] === '"' || csv[i] === '\n') throw new Error(`bare ${JSON.stringify(csv[i])} at ${i}`);
        field += csv[i];
        i += 1;
      }
    }
    if (csv[i] === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (csv.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (i < csv.length) {
      throw new Error(`bare CR at ${i}`);
    }
  }
  if (field !== '' || record.length > 0) throw new Error('last record has no CRLF');
  return records;
}

/** Formula-like exactly as shared/timeline/exportTimeline.ts documents it. */
export const formulaLike = (cell: string): boolean => /^[\t\r]/.test(cell) || /^\s*[=+\-@＝＋－＠]/.test(cell);

/** Undo the formula guard exactly as shared/timeline/exportTimeline.ts documents it. */
export const unguard = (cell: string): string => (cell.startsWith("'") && (formulaLike(cell.slice(1)) || cell.startsWith("''")) ? cell.slice(1) : cell);
