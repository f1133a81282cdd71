/**
 * The matrix as text, one row a line, for the Settings editor (the severity scheme's steps are
 * typed as "minutes who; …" the same way):
 *
 *   P0, P1 | security | *: 30 CISO by phone; 60 CEO by phone + contact Dana Lee
 *
 * severities (comma-separated, `*` = any) | type (`*` = any) | service (`*` = any), then the
 * steps separated by `;`, each "<minutes> <who> [by phone|email|chat|preferred]", several people
 * joined by `+`. Who is `on-call primary`, `on-call secondary`, `contact <name>`, or a role.
 * The severities are the levels of the scheme in force when the text is read (`scheme`). Blank lines are skipped. The parse only splits text; validateEscalationMatrix judges the
 * values, so both speak of "Row N" for the same line.
 */
import { VIAS, type EscalationMatrix, type MatrixRow, type Notify } from './matrix.ts';

const MAX_TEXT = 100_000;

function parseWho(text: string): Record<string, string> {
  const by = / by ([a-z]+)$/i.exec(text);
  const who = (by ? text.slice(0, by.index) : text).trim();
  const via = by ? by[1]!.toLowerCase() : 'preferred';
  const onCall = /^on-call (primary|secondary)$/i.exec(who);
  if (onCall) return { onCall: onCall[1]!.toLowerCase(), via };
  if (/^contact /i.test(who)) return { contact: who.slice('contact '.length).trim(), via };
  return { role: who, via };
}

function parseStep(text: string): unknown {
  const match = /^(\d+)\s*(?:min\s+)?(.*)$/s.exec(text);
  if (!match) return null;
  const people = match[2]!.split('+').map((p) => p.trim()).filter((p) => p !== '');
  return { afterMinutes: Number(match[1]), notify: people.map(parseWho) };
}

/** Text → a matrix-shaped value for validateEscalationMatrix, or the rows that could not even be split. */
export function parseMatrixText(text: string, scheme: string): { ok: true; value: unknown } | { ok: false; problems: string[] } {
  if (text.length > MAX_TEXT) return { ok: false, problems: [`The matrix is at most ${MAX_TEXT} characters`] };
  const problems: string[] = [];
  const rows = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line, i) => {
      const colon = line.indexOf(':');
      const head = colon < 0 ? [] : line.slice(0, colon).split('|').map((p) => p.trim());
      if (head.length !== 3) {
        problems.push(`Row ${i + 1}: write "severities | type | service: steps", such as "P0 | security | *: 30 CISO by phone"`);
        return null;
      }
      const [severities, type, service] = head as [string, string, string];
      return {
        severities: severities === '*' ? [] : severities.split(',').map((s) => s.trim()).filter((s) => s !== ''),
        type: type === '*' ? null : type.toLowerCase(),
        service: service === '*' ? null : service,
        steps: line
          .slice(colon + 1)
          .split(';')
          .map((s) => s.trim())
          .filter((s) => s !== '')
          .map((text, s) => {
            const step = parseStep(text);
            if (step === null) problems.push(`Row ${i + 1}: step ${s + 1}: start with the minutes after detection, such as "30 CTO" (got ${JSON.stringify(text.slice(0, 40))})`);
            return step;
          }),
      };
    });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { scheme, rows } };
}

function formatWho(n: Notify): string {
  const who = 'role' in n ? n.role : 'contact' in n ? `contact ${n.contact}` : `on-call ${n.onCall}`;
  return n.via === 'preferred' ? who : `${who} by ${n.via}`;
}

function formatRow(row: MatrixRow): string {
  const head = [row.severities.length > 0 ? row.severities.join(', ') : '*', row.type ?? '*', row.service ?? '*'].join(' | ');
  return `${head}: ${row.steps.map((s) => `${s.afterMinutes} ${s.notify.map(formatWho).join(' + ')}`).join('; ')}`;
}

/** A matrix → its text; parseMatrixText reads it back to the same matrix. */
export function formatMatrixText(matrix: EscalationMatrix): string {
  return matrix.rows.map(formatRow).join('\n');
}

/** For the editor's help line. */
export const VIA_WORDS = VIAS.join(', ');
