import { statusPageHtml, statusPageMarkdown, statusPageOf, type StatusPage } from '../../../shared/comms/statusPage.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { listEntries } from '../../db/queries.ts';

export interface StatusPageFiles {
  page: StatusPage;
  html: string;
  markdown: string;
}

/** The status page of the picked incidents, read from the database as it is now, in both formats. */
export async function buildStatusPage(db: WarRoomDb, incidents: readonly IncidentView[], title: string, now = Date.now()): Promise<StatusPageFiles> {
  const picked = await Promise.all(incidents.map(async (incident) => ({ incident, entries: await listEntries(db, incident.id) })));
  const page = statusPageOf(picked);
  const options = { title: title.trim() || 'Service status', generatedAt: new Date(now).toISOString() };
  return { page, html: statusPageHtml(page, options), markdown: statusPageMarkdown(page, options) };
}
