/**
 * The post-mortem's "Communications log" block: every status update posted on the incident, in
 * time order, with its audience and channel as recorded when posted, who posted it and its first
 * line (the timeline holds the full text). Struck updates are left out: they were withdrawn.
 * Generated at export after the template's sections, whatever the template, when any update
 * was posted.
 */
import type { EntryView } from '../entities/index.ts';
import { markdownCell } from '../timeline/exportTimeline.ts';
import { formatUtc } from './facts.ts';

export const COMMS_LOG_HEADING = 'Communications log';

type PostedEntry = Pick<EntryView, 'text' | 'eventAt' | 'tags' | 'struck' | 'author' | 'audience'>;

const firstLine = (text: string): string => {
  const trimmed = text.trim();
  const end = trimmed.indexOf('\n');
  return (end === -1 ? trimmed : trimmed.slice(0, end)).trim().slice(0, 200);
};

/** The block's lines (heading included), or none when no update was posted. */
export function commsLogBlock(entries: readonly PostedEntry[], author: (actor: string) => string = (actor) => actor): string[] {
  const posted = entries.filter((entry) => !entry.struck && entry.tags.includes('status-update')).sort((a, b) => Date.parse(a.eventAt) - Date.parse(b.eventAt));
  if (posted.length === 0) return [];
  const cell = (text: string) => (text.trim() === '' ? '—' : markdownCell(text));
  return [
    `## ${COMMS_LOG_HEADING}`,
    '',
    '| Time | Audience | Channel | Who | First line |',
    '| --- | --- | --- | --- | --- |',
    ...posted.map((entry) => `| ${formatUtc(entry.eventAt)} | ${entry.audience ? cell(entry.audience.name) : 'not recorded'} | ${entry.audience ? cell(entry.audience.channel) : 'not recorded'} | ${cell(author(entry.author))} | ${cell(firstLine(entry.text))} |`),
  ];
}
