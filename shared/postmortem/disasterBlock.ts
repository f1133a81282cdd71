/**
 * The post-mortem's "Disaster recovery" block: when the disaster was declared and who approved
 * it, the recovery objectives, when services were restored (and whether within the RTO) or when
 * and why it was stood down. Generated at export after the template's sections, whatever the
 * template, for any incident on which a disaster was declared; the timeline holds who recorded
 * each step, and when.
 */
import { rtoClock } from '../board/disasterClock.ts';
import type { IncidentFields } from '../domain/incident.ts';
import { markdownCell } from '../timeline/exportTimeline.ts';
import { formatUtc, NOT_RECORDED } from './facts.ts';

export const DISASTER_HEADING = 'Disaster recovery';

type DisasterFacts = Pick<
  IncidentFields,
  'disasterDeclaredAt' | 'disasterApprovedBy' | 'disasterRtoMinutes' | 'disasterRpoMinutes' | 'disasterRestoredAt' | 'disasterStoodDownAt' | 'disasterStandDownReason'
>;

const minutes = (value: number | null): string => (value === null ? NOT_RECORDED : `${value} min`);

/** The block's lines (heading included), or none when no disaster was declared. */
export function disasterBlock(incident: DisasterFacts): string[] {
  if (incident.disasterDeclaredAt === null) return [];
  const clock = rtoClock({ incident, now: Date.parse(incident.disasterDeclaredAt) });
  const verdict = incident.disasterRestoredAt === null ? 'not restored' : clock?.met ? 'within the RTO' : 'after the RTO';
  const rows: [string, string][] = [
    ['Declared', formatUtc(incident.disasterDeclaredAt)],
    ['Approved by', incident.disasterApprovedBy === null ? NOT_RECORDED : markdownCell(incident.disasterApprovedBy)],
    ['RTO', minutes(incident.disasterRtoMinutes)],
    ['RTO deadline', clock ? formatUtc(new Date(clock.deadlineAt).toISOString()) : NOT_RECORDED],
    ['RPO', minutes(incident.disasterRpoMinutes)],
    ['Services restored', incident.disasterRestoredAt === null ? verdict : `${formatUtc(incident.disasterRestoredAt)}: ${verdict}`],
    ['Stood down', formatUtc(incident.disasterStoodDownAt)],
    ['Stand-down reason', incident.disasterStandDownReason === null ? NOT_RECORDED : markdownCell(incident.disasterStandDownReason)],
  ];
  return [`## ${DISASTER_HEADING}`, '', '| Field | Value |', '| --- | --- |', ...rows.map(([field, value]) => `| ${field} | ${value} |`)];
}
