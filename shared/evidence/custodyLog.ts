/**
 * The custody log of an incident's evidence, as CSV (for a spreadsheet or a case file) and
 * Markdown (for the post-mortem or a report). Every string in it was typed by someone, so both
 * are escaped as the timeline exports are: no cell runs as a formula, no text becomes markup.
 * Each item's events (collected, hand-overs, re-checks) are listed in time order.
 */
import type { EvidenceView, IncidentView } from '../entities/index.ts';
import { incidentLabel } from '../domain/incidentRef.ts';
import { csvCell, EXERCISE_BANNER, markdownCell, markdownInline } from '../timeline/exportTimeline.ts';
import { utcOffset } from '../timeline/localTime.ts';
import { formatClock } from '../timeline/timeFormat.ts';

export type CustodyIncident = Pick<IncidentView, 'id' | 'title'> & Partial<Pick<IncidentView, 'ref' | 'exercise'>>;

/** One line of an item's custody: what happened, when, between whom. */
interface CustodyEvent {
  at: string;
  event: 'collected' | 'handover' | 'check';
  from: string;
  to: string;
  storedAt: string;
  /** Why it moved, or what a re-check found. */
  note: string;
  recordedBy: string;
  recordedAt: string;
}

function eventsOf(item: EvidenceView): CustodyEvent[] {
  const events: CustodyEvent[] = [
    { at: item.collectedAt, event: 'collected', from: '', to: item.collectedBy, storedAt: item.storedAt, note: item.description, recordedBy: item.recordedBy, recordedAt: item.recordedAt },
    ...item.handovers.map((h): CustodyEvent => ({
      at: h.at,
      event: 'handover',
      from: h.from,
      to: h.to,
      storedAt: h.storedAt ?? '',
      note: h.continuous ? h.reason : `${h.reason} (GAP: ${h.from} did not hold the item)`,
      recordedBy: h.recordedBy,
      recordedAt: h.recordedAt,
    })),
    ...item.checks.map((c): CustodyEvent => ({
      at: c.at,
      event: 'check',
      from: '',
      to: '',
      storedAt: '',
      note: c.matches ? `matches (${c.artefact.name})` : `MISMATCH: ${c.artefact.name} hashes to ${c.artefact.sha256}`,
      recordedBy: c.by,
      recordedAt: c.at,
    })),
  ];
  // Stable: at equal times the record comes first, then hand-overs, then checks.
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export const CUSTODY_CSV_COLUMNS = [
  'incident',
  'evidence_id',
  'description',
  'file_name',
  'size_bytes',
  'sha256',
  'event',
  'at_utc',
  'from',
  'to',
  'stored_at',
  'note',
  'recorded_by',
  'recorded_at_utc',
] as const;

/** A header, then one record per event of every item; CRLF after every record (RFC 4180). */
export function custodyLogToCsv(incident: CustodyIncident, items: readonly EvidenceView[]): string {
  const records: string[][] = [[...CUSTODY_CSV_COLUMNS]];
  for (const item of items) {
    for (const e of eventsOf(item)) {
      records.push([
        incidentLabel(incident),
        item.id,
        item.description,
        item.artefact.name,
        String(item.artefact.size),
        item.artefact.sha256,
        e.event,
        e.at,
        e.from,
        e.to,
        e.storedAt,
        e.note,
        e.recordedBy,
        e.recordedAt,
      ]);
    }
  }
  return records.map((record) => `${record.map(csvCell).join(',')}\r\n`).join('');
}

const utc = (iso: string) => formatClock(iso, { utc: true, offsetMinutes: utcOffset, withDate: true, withSeconds: true });

const EVENT_NAMES: Record<CustodyEvent['event'], string> = { collected: 'Collected', handover: 'Hand-over', check: 'Re-checked' };

/** `# Custody log — <title>`, then per item its facts and a table of its events in UTC. Ends with one newline. */
export function custodyLogToMarkdown(incident: CustodyIncident, items: readonly EvidenceView[]): string {
  const lines = [
    ...(incident.exercise ? [EXERCISE_BANNER, ''] : []),
    `# Custody log — ${markdownInline(incident.title.replace(/\s+/g, ' ').trim()).replace(/#/g, '\\#')}`,
    '',
    `- **Incident:** ${markdownCell(incidentLabel(incident))}`,
    `- **Evidence items:** ${items.length}`,
  ];
  if (items.length === 0) lines.push('', 'No evidence recorded.');
  for (const item of items) {
    lines.push(
      '',
      `## ${markdownCell(item.description).replace(/#/g, '\\#')}`,
      '',
      `- **Id:** ${item.id}`,
      `- **File:** ${markdownCell(item.artefact.name)} (${item.artefact.size} bytes)`,
      // Hex only: safe in a code span.
      `- **SHA-256:** \`${item.artefact.sha256}\``,
      `- **Held by:** ${markdownCell(item.holder)}, at ${markdownCell(item.currentlyAt)}`,
      '',
      '| Time (UTC) | Event | From | To | Stored at | Note | Recorded by |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const e of eventsOf(item)) {
      const cells = [utc(e.at).replace(/ UTC$/, ''), EVENT_NAMES[e.event], e.from, e.to, e.storedAt, e.note, e.recordedBy].map((cell, index) => (index < 2 ? cell : markdownCell(cell)));
      lines.push(`| ${cells.join(' | ')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
