import { DEFAULT_PHASE_NAMES, type PhaseNames } from '../domain/phaseNames.ts';
import { P0_P3_SCHEME, type SeverityScheme } from '../domain/severity.ts';
import { type ActionView, type Doc, type EntryView, type IncidentView, type PostmortemView, actionView, entryView, incidentView, postmortemView } from './index.ts';

export interface IncidentBundle {
  incident: IncidentView;
  entries: EntryView[];
  postmortem: PostmortemView | null;
  actions: ActionView[];
}

/**
 * Every declared incident in folded docs, with its entries, post-mortem and action items: what a
 * reader outside the app (the `warroom` CLI) sees.
 */
export function incidentsOf(docs: ReadonlyMap<string, Doc>): IncidentBundle[] {
  const incidents = new Map<string, IncidentBundle>();
  for (const doc of docs.values()) {
    if (doc.table !== 'incidents') continue;
    const incident = incidentView(doc);
    if (incident) incidents.set(incident.id, { incident, entries: [], postmortem: null, actions: [] });
  }
  for (const doc of docs.values()) {
    if (doc.table === 'entries') {
      const entry = entryView(doc);
      if (entry) incidents.get(entry.incident)?.entries.push(entry);
    } else if (doc.table === 'postmortems') {
      const bundle = incidents.get(doc.incident);
      if (bundle) bundle.postmortem = postmortemView(doc);
    } else if (doc.table === 'actions') {
      const action = actionView(doc);
      if (action) incidents.get(action.incident)?.actions.push(action);
    }
  }
  return [...incidents.values()].sort((a, b) => a.incident.declaredAt.localeCompare(b.incident.declaredAt) || a.incident.id.localeCompare(b.incident.id));
}

/** The team's phase names from folded docs (the synced setting), or the plans' names. */
export function phaseNamesOf(docs: ReadonlyMap<string, Doc>): PhaseNames {
  const doc = docs.get('settings:phase-names');
  const latest = doc?.table === 'settings' && doc.key === 'phase-names' ? doc.value[doc.value.length - 1]?.value : undefined;
  return latest ?? DEFAULT_PHASE_NAMES;
}

/** The team's severity scheme from folded docs (the synced setting), or the default scheme. */
export function severitySchemeOf(docs: ReadonlyMap<string, Doc>): SeverityScheme {
  const doc = docs.get('settings:severity-scheme');
  const latest = doc?.table === 'settings' && doc.key === 'severity-scheme' ? doc.value[doc.value.length - 1]?.value : undefined;
  return latest ?? P0_P3_SCHEME;
}
