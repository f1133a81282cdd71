import type { PhaseNames } from '../domain/phaseNames.ts';
import type { SeverityScheme } from '../domain/severity.ts';
import type { IncidentBundle } from '../entities/incidentsOf.ts';
import { postmortemToMarkdown } from './exportPostmortem.ts';
import { resolveTemplate, templateLibrary, type TemplateChoice } from './library.ts';

/**
 * The post-mortem document of one incident, exactly as the app's Export button makes it; the
 * `warroom export` CLI calls this too, so both give the same file for the same ops.
 */
export function postmortemDocument(bundle: IncidentBundle, options: { generatedAt: string; phaseNames?: PhaseNames; scheme?: SeverityScheme; templates?: readonly TemplateChoice[] }): string {
  const { incident, entries, postmortem, actions } = bundle;
  const chosen = resolveTemplate(postmortem?.template, options.templates ?? templateLibrary([]));
  const sections = Object.fromEntries(Object.entries(postmortem?.sections ?? {}).map(([section, view]) => [section, view.text]));
  return postmortemToMarkdown({
    incident,
    entries,
    sections,
    template: chosen.template,
    actionItems: actions,
    timelineMode: postmortem?.timelineMode ?? 'pinned',
    exercise: incident.exercise,
    generatedAt: options.generatedAt,
    ...(options.phaseNames ? { phaseNames: options.phaseNames } : {}),
    ...(options.scheme ? { scheme: options.scheme } : {}),
  });
}
