import { useMemo } from 'react';
import { templateLibrary, type TemplateChoice } from '../../../shared/postmortem/library.ts';
import { parseTemplate, type ParseTemplateResult } from '../../../shared/postmortem/templates.ts';
import { commit } from '../../db/commit.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { useLiveRows } from '../../db/hooks.ts';
import { listCustomTemplates } from '../../db/queries.ts';

export function useTemplateLibrary(): TemplateChoice[] {
  const custom = useLiveRows(listCustomTemplates, []);
  // Parsed only when the team's templates change (a live query answers anew only then), not per render.
  return useMemo(() => templateLibrary(custom ?? []), [custom]);
}

/** "Our blameless review" → "our-blameless-review": a template's id from its name. */
export function templateIdFor(name: string): string {
  const slug = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return slug.length >= 2 ? slug : `template-${slug || 'x'}`;
}

/** Save a template for the whole team; refused with line errors (e.g. an unknown placeholder). */
export async function saveTemplate(db: WarRoomDb, id: string, name: string, source: string, actor: string): Promise<ParseTemplateResult> {
  const parsed = parseTemplate(source);
  if (!parsed.ok) return parsed;
  await commit(db, { actor, incident: null, kind: 'settings.postmortem-template', data: { id, template: { name: name.trim(), source } } });
  return parsed;
}

export async function removeTemplate(db: WarRoomDb, id: string, actor: string): Promise<void> {
  await commit(db, { actor, incident: null, kind: 'settings.postmortem-template', data: { id, template: null } });
}
