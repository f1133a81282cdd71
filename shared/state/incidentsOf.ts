import type { Doc } from './docs.ts';
import { entryView, incidentView, type EntryView, type IncidentView } from './docs.ts';

/** Every declared incident in folded docs, with its entries: what a reader outside the app sees. */
export function incidentsOf(docs: ReadonlyMap<string, Doc>): { incident: IncidentView; entries: EntryView[] }[] {
  const incidents = new Map<string, { incident: IncidentView; entries: EntryView[] }>();
  for (const doc of docs.values()) {
    if (doc.table !== 'incidents') continue;
    const incident = incidentView(doc);
    if (incident) incidents.set(incident.id, { incident, entries: [] });
  }
  for (const doc of docs.values()) {
    if (doc.table !== 'entries') continue;
    const entry = entryView(doc);
    if (entry) incidents.get(entry.incident)?.entries.push(entry);
  }
  return [...incidents.values()].sort((a, b) => a.incident.declaredAt.localeCompare(b.incident.declaredAt) || a.incident.id.localeCompare(b.incident.id));
}
