import { postmortemDocument } from '../../shared/postmortem/exportBundle.ts';
import { customTemplatesOf, templateLibrary } from '../../shared/postmortem/library.ts';
import { foldOps } from '../../shared/entities/index.ts';
import { incidentsOf, phaseNamesOf, severitySchemeOf } from '../../shared/entities/incidentsOf.ts';
import { exportIncidentTimeline } from '../../shared/timeline/exportIncident.ts';
import { readArchive } from './readArchive.ts';

export type ExportFormat = 'postmortem' | 'timeline' | 'csv';

/**
 * `warroom export <target> --incident <id or readable id>`: the incident's post-mortem (or its timeline) as the
 * app exports it, folded from the ops the app would apply (a bad line is skipped and named on
 * `err`). Without --incident, lists the incidents. An archive that cannot be read throws ArchiveError.
 */
export async function exportIncident(
  target: string,
  incidentId: string | null,
  format: ExportFormat,
  out: (text: string) => void,
  err: (line: string) => void,
  passphrase?: string,
  now: () => string = () => new Date().toISOString(),
): Promise<number> {
  const archive = await readArchive(target, passphrase);
  for (const problem of archive.problems) err(`skipped ${problem.file}:${problem.line}: ${problem.reason}`);
  const docs = foldOps(archive.ops);
  const incidents = incidentsOf(docs);
  if (incidentId === null) {
    for (const { incident, entries } of incidents) out(`${incident.id}\t${incident.ref ?? '-'}\t${incident.severity}\t${incident.status}\t${entries.length} entries\t${incident.title}\n`);
    return 0;
  }
  // Named by its record id or its readable id (INC-2026-K7QM-0042), as people quote it.
  const found = incidents.find((i) => i.incident.id === incidentId || i.incident.ref === incidentId);
  if (!found) {
    err(`${target}: no incident ${incidentId} (run \`warroom export ${target}\` to list them)`);
    return 1;
  }
  if (format === 'postmortem') out(postmortemDocument(found, { generatedAt: now(), phaseNames: phaseNamesOf(docs), scheme: severitySchemeOf(docs), templates: templateLibrary(customTemplatesOf(docs)) }));
  else out(exportIncidentTimeline(found.incident, found.entries, format === 'csv' ? 'csv' : 'markdown'));
  return 0;
}
