import type { EntryView, IncidentView } from '../../../shared/entities/index.ts';
import { exportIncidentTimeline } from '../../../shared/timeline/exportIncident.ts';
import { incidentFileName, saveTextFile } from '../export/saveTextFile.ts';

/** An incident's timeline saved as CSV or Markdown, as the timeline's buttons and the palette both export it; returns what to tell the user. */
export function saveIncidentTimeline(incident: IncidentView, entries: readonly EntryView[], format: 'csv' | 'markdown'): Promise<string> {
  const content = exportIncidentTimeline(incident, entries, format);
  return saveTextFile(incidentFileName(incident, format === 'csv' ? 'timeline.csv' : 'timeline.md'), content, format);
}
