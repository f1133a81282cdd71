import { checkTemplateBody, parseTemplateFile, type TemplateFile, type TemplateProblem } from '../../../shared/comms/templateSource.ts';
import type { OpIntent } from '../../../shared/entities/index.ts';
import { commit, commitAll } from '../../db/commit.ts';
import type { WarRoomDb } from '../../db/database.ts';

/**
 * "Our outage notice" → "our-outage-notice": a new template's id from its name, never one already
 * taken (a new template named "Update" must not silently replace the built-in `update`).
 */
export function statusTemplateIdFor(name: string, taken: readonly string[] = []): string {
  const slug = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56).replace(/-+$/, '');
  const base = slug === '' ? 'template' : slug;
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

const intentOf = (template: TemplateFile, actor: string): OpIntent<'settings.status-template'> => ({
  actor,
  incident: null,
  kind: 'settings.status-template',
  data: { id: template.id, template: { name: template.name.trim(), source: template.body } },
});

/** Save a template for the whole team (a built-in's id overrides it); refused with its problems by line. */
export async function saveStatusTemplate(db: WarRoomDb, template: TemplateFile, actor: string): Promise<{ ok: true } | { ok: false; errors: TemplateProblem[] }> {
  const checked = checkTemplateBody(template.body);
  if (!checked.ok) return checked;
  await commit(db, intentOf(template, actor));
  return { ok: true };
}

/** Remove the team's template; for an edited built-in, the built-in is back. */
export async function removeStatusTemplate(db: WarRoomDb, id: string, actor: string): Promise<void> {
  await commit(db, { actor, incident: null, kind: 'settings.status-template', data: { id, template: null } });
}

/** A refused import's problems, each naming its file and line ("notice.md, line 4: unknown placeholder {{owner}}"). */
export type ImportFilesResult = { ok: true; names: string[] } | { ok: false; errors: { message: string }[] };

/**
 * Import template files together: every file is checked first, and if any is refused nothing
 * is saved (its problems name the file and line); else all land in one transaction.
 */
export async function importStatusTemplateFiles(db: WarRoomDb, files: readonly { name: string; text: string }[], actor: string): Promise<ImportFilesResult> {
  const parsed = files.map((file) => ({ file, result: parseTemplateFile(file.text) }));
  const errors = parsed.flatMap(({ file, result }) => (result.ok ? [] : result.errors.map((e) => ({ message: `${file.name}, line ${e.line}: ${e.message}` }))));
  if (errors.length > 0) return { ok: false, errors };
  const templates = parsed.flatMap(({ result }) => (result.ok ? [result.template] : []));
  await commitAll(db, templates.map((template) => intentOf(template, actor)));
  return { ok: true, names: templates.map((t) => t.name) };
}
