/**
 * A runbook as canonical Markdown in the format parse.ts describes: front matter always written,
 * `# Title`, one `## Phase` per phase with a blank line before it, `- [ ]` items with the role as a
 * `(role: <id>)` suffix and the note on the following lines indented by two spaces.
 *
 * Text is escaped (format.ts `escapeLine`) so that `parseRunbook(serializeRunbook(r))` gives `r`
 * back for any valid runbook whose item ids are `<phase>-<n>` (ids are positional in the file)
 * and whose severities are ids such as P0. Line breaks survive too: inside an item's text as hard
 * breaks (`\` at the end of the line), inside a note as plain line breaks and blank lines (a
 * `\`-only line for each further empty line), inside the title as `&#10;`.
 */
import { DEFAULT_PHASE_NAMES } from '../domain/phaseNames.ts';
import { escapeLine, roleSuffix } from './format.ts';
import type { Runbook, RunbookItem } from './runbook.ts';

const INDENT = '  ';

export function serializeRunbook(runbook: Runbook): string {
  const out = [
    '---',
    frontMatterLine('id', runbook.id),
    frontMatterLine('types', runbook.types.join(', ')),
    frontMatterLine('severities', runbook.severities.join(', ')),
    '---',
    `# ${escapeLine(runbook.title, { allHashes: true })}`,
  ];
  for (const phase of runbook.phases) {
    out.push('', `## ${DEFAULT_PHASE_NAMES[phase.phase]}`);
    for (const item of phase.items) out.push(...itemLines(item));
  }
  return `${out.join('\n')}\n`;
}

function frontMatterLine(key: string, value: string): string {
  return value === '' ? `${key}:` : `${key}: ${value}`;
}

function itemLines(item: RunbookItem): string[] {
  const textLines = item.text.split('\n');
  const last = textLines.length - 1;
  const encoded = textLines.map((line, index) => {
    // A text that itself ends like a role suffix gets that `(` escaped, so it stays text.
    const literalParen = index === last ? roleSuffix(line)?.index : undefined;
    return escapeLine(line, { literalParen });
  });
  if (item.role !== undefined) encoded[last] += ` (role: ${item.role})`;
  else if (item.teamRole !== undefined) encoded[last] += ` (role: ${item.teamRole.name})`;
  // Inside the text a line break is a hard break: a soft one would start the note.
  const lines = encoded.map((line, index) => (index === 0 ? `- [ ] ${line}` : `${INDENT}${line}`));
  for (let index = 0; index < last; index++) lines[index] += '\\';

  if (item.note !== undefined && item.note !== '') lines.push(...noteLines(item.note));
  return lines;
}

/**
 * A note's lines follow the text as soft line breaks. A run of k empty lines becomes one blank
 * line (a new paragraph, read back as "\n\n") and k − 1 lines holding only a hard break.
 */
function noteLines(note: string): string[] {
  const out: string[] = [];
  let empty = 0;
  for (const line of note.split('\n')) {
    if (line === '') {
      empty++;
      continue;
    }
    if (empty > 0) {
      out.push('');
      for (let k = 1; k < empty; k++) out.push(`${INDENT}\\`);
      empty = 0;
    }
    out.push(`${INDENT}${escapeLine(line)}`);
  }
  return out;
}
