/**
 * The team's own status templates: what a template body may hold, how one reads as a file (for
 * import and export), and the library (built-ins overridden by the team's of the same id).
 *
 * A body is plain text or Markdown with `{{placeholder}}`s. It is refused, naming the line, when
 * a placeholder is unknown, a `{{` is not closed on its line, a line or the body is too long.
 * Everything here scans linearly: bodies arrive by sync and from files, and may be hostile.
 */
import { z } from 'zod';
import { scanPlaceholders } from './placeholderScan.ts';
import { isKnownPlaceholder, STATUS_TEMPLATES, type StatusTemplate } from './statusTemplates.ts';

/** A template id: a slug (`customer-update`), the same as a built-in's to replace it. */
export const StatusTemplateSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'a template id is 1–60 characters of a–z, 0–9, - (e.g. customer-update)');
export const MAX_TEMPLATE_BODY = 8_000;
export const MAX_TEMPLATE_LINE = 500;
export const MAX_TEMPLATE_NAME = 100;

/** What a synced setting holds (its own bound; the body's rules are checked by parseTemplateBody). */
export const StatusTemplateValue = z.object({ name: z.string().trim().min(1).max(MAX_TEMPLATE_NAME), source: z.string().min(1).max(MAX_TEMPLATE_BODY) }).strict();
export type StatusTemplateValue = z.infer<typeof StatusTemplateValue>;

export interface TemplateProblem {
  line: number;
  message: string;
}
export type TemplateCheck = { ok: true } | { ok: false; errors: TemplateProblem[] };

/** The body's problems by line (1-based, offset by `firstLine - 1` when the body sits under a file header). */
export function checkTemplateBody(body: string, firstLine = 1): TemplateCheck {
  const at = (line: number) => line + firstLine - 1;
  if (body.trim() === '') return { ok: false, errors: [{ line: at(1), message: 'the template is empty' }] };
  if (body.length > MAX_TEMPLATE_BODY) return { ok: false, errors: [{ line: at(1), message: `the template is over ${MAX_TEMPLATE_BODY} characters` }] };
  const errors: TemplateProblem[] = [];
  let line = 1;
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i < body.length && body.charCodeAt(i) !== 10) continue;
    if (i - start > MAX_TEMPLATE_LINE) errors.push({ line: at(line), message: `the line is over ${MAX_TEMPLATE_LINE} characters` });
    line++;
    start = i + 1;
  }
  for (const piece of scanPlaceholders(body)) {
    if (piece.kind === 'unclosed') errors.push({ line: at(piece.line), message: `"${piece.text.slice(0, 40)}" opens {{ with no }} on the same line` });
    else if (piece.kind === 'placeholder' && !isKnownPlaceholder(piece.name)) errors.push({ line: at(piece.line), message: `unknown placeholder {{${piece.name.slice(0, 40)}}}` });
  }
  errors.sort((a, b) => a.line - b.line);
  return errors.length ? { ok: false, errors: errors.slice(0, 50) } : { ok: true };
}

export interface TemplateFile {
  id: string;
  name: string;
  body: string;
}
export type ParseTemplateFileResult = { ok: true; template: TemplateFile } | { ok: false; errors: TemplateProblem[] };

/**
 * A template as a file: a header naming its id and name, then the body.
 *
 *     ---
 *     id: customer-update
 *     name: Customer update
 *     ---
 *     Update on the problem affecting {{services}}.
 */
export function serializeTemplateFile(template: TemplateFile): string {
  return `---\nid: ${template.id}\nname: ${template.name}\n---\n${template.body}\n`;
}

const MAX_TEMPLATE_FILE = MAX_TEMPLATE_BODY + 1_000;

export function parseTemplateFile(text: string): ParseTemplateFileResult {
  if (text.length > MAX_TEMPLATE_FILE) return { ok: false, errors: [{ line: 1, message: `the file is over ${MAX_TEMPLATE_FILE} characters` }] };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') return { ok: false, errors: [{ line: 1, message: 'a template file starts with ---, then id: and name: lines, then ---' }] };
  const end = lines.indexOf('---', 1);
  if (end === -1) return { ok: false, errors: [{ line: 1, message: 'the header opened by --- is not closed by a --- line' }] };
  const fields = new Map<string, { value: string; line: number }>();
  const errors: TemplateProblem[] = [];
  for (let i = 1; i < end; i++) {
    const row = lines[i]!;
    const colon = row.indexOf(':');
    const key = colon === -1 ? '' : row.slice(0, colon).trim();
    if (key !== 'id' && key !== 'name') {
      if (row.trim() !== '') errors.push({ line: i + 1, message: 'the header holds only id: and name: lines' });
      continue;
    }
    fields.set(key, { value: row.slice(colon + 1).trim(), line: i + 1 });
  }
  const id = fields.get('id');
  const name = fields.get('name');
  if (!id) errors.push({ line: 1, message: 'the header has no id: line' });
  else if (!StatusTemplateSlug.safeParse(id.value).success) errors.push({ line: id.line, message: StatusTemplateSlug.safeParse(id.value).error?.issues[0]?.message ?? 'invalid id' });
  if (!name || name.value === '') errors.push({ line: name?.line ?? 1, message: 'the header has no name: (the name people choose the template by)' });
  else if (name.value.length > MAX_TEMPLATE_NAME) errors.push({ line: name.line, message: `the name is over ${MAX_TEMPLATE_NAME} characters` });
  // The body as written, without the newline a file ends with.
  const body = lines.slice(end + 1).join('\n').replace(/\n$/, '');
  const checked = checkTemplateBody(body, end + 2);
  if (!checked.ok) errors.push(...checked.errors);
  if (errors.length > 0 || !id || !name) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, template: { id: id.value, name: name.value, body } };
}

/** The team's templates as synced: id, and the name and body last saved (null: removed). */
export interface TeamTemplateSource {
  id: string;
  name: string;
  source: string;
}

/**
 * The templates the dialog offers: the built-ins, each replaced by the team's of the same id,
 * then the team's others. A synced body that does not validate (a newer War Room's placeholder,
 * or a hostile one) is left out, so filling never meets an unknown placeholder.
 */
export function statusTemplateLibrary(team: readonly TeamTemplateSource[]): StatusTemplate[] {
  const own = new Map<string, StatusTemplate>();
  for (const { id, name, source } of team) {
    if (StatusTemplateSlug.safeParse(id).success && checkTemplateBody(source).ok) own.set(id, { id, name, body: source, builtIn: false });
  }
  return [...STATUS_TEMPLATES.map((t) => own.get(t.id) ?? t), ...[...own.values()].filter((t) => !STATUS_TEMPLATES.some((b) => b.id === t.id))];
}
