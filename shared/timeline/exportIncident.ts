import { incidentStart } from '../domain/incident.ts';
import type { EntryView, IncidentView } from '../entities/index.ts';
import { timelineToCsv, timelineToMarkdown } from './exportTimeline.ts';

export type TimelineFormat = 'csv' | 'markdown';

/**
 * The one export the app's button and `warroom export` both produce, so a file made on a
 * headless machine is byte-for-byte what the laptop would have saved. T+ counts from detection.
 */
export function exportIncidentTimeline(incident: IncidentView, entries: readonly EntryView[], format: TimelineFormat): string {
  const options = { startAt: incidentStart(incident) };
  return format === 'csv' ? timelineToCsv(incident, entries, options) : timelineToMarkdown(incident, entries, options);
}
