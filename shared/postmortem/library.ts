import type { Doc } from '../entities/index.ts';
import { BUILT_IN_TEMPLATES, DEFAULT_TEMPLATE, parseTemplate, type PostmortemTemplate } from './templates.ts';

export interface TemplateChoice {
  id: string;
  name: string;
  template: PostmortemTemplate;
  builtIn: boolean;
  source: string;
}

export interface CustomTemplateSource {
  id: string;
  name: string;
  source: string;
}

/**
 * Built-in templates and the team's own (synced settings); a team template with a built-in's id
 * replaces it. A saved source was validated when saved; one that no longer parses is left out.
 */
export function templateLibrary(custom: readonly CustomTemplateSource[]): TemplateChoice[] {
  const own = new Map<string, TemplateChoice>();
  for (const { id, name, source } of custom) {
    const parsed = parseTemplate(source);
    if (parsed.ok) own.set(id, { id, name, template: parsed.template, builtIn: false, source });
  }
  const builtIns = BUILT_IN_TEMPLATES.filter((t) => !own.has(t.id)).map((t) => ({ id: t.id, name: t.name, template: t.template, builtIn: true, source: t.source }));
  return [...builtIns, ...own.values()];
}

/** The chosen template, or the default (000 §10.3) when none is chosen or it was removed. */
export function resolveTemplate(id: string | null | undefined, library: readonly TemplateChoice[]): TemplateChoice {
  return library.find((t) => t.id === id) ?? library.find((t) => t.id === DEFAULT_TEMPLATE.id) ?? { id: DEFAULT_TEMPLATE.id, name: DEFAULT_TEMPLATE.name, template: DEFAULT_TEMPLATE.template, builtIn: true, source: DEFAULT_TEMPLATE.source };
}

/** The team's own templates in folded docs (for readers outside the app, like the CLI). */
export function customTemplatesOf(docs: ReadonlyMap<string, Doc>): CustomTemplateSource[] {
  const out: CustomTemplateSource[] = [];
  for (const doc of docs.values()) {
    if (doc.table !== 'settings' || !doc.key.startsWith('postmortem-template:')) continue;
    const latest = doc.value[doc.value.length - 1]?.value as { name: string; source: string } | null | undefined;
    if (latest) out.push({ id: doc.key.slice('postmortem-template:'.length), name: latest.name, source: latest.source });
  }
  return out;
}
