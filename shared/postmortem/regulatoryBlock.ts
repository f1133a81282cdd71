/**
 * The post-mortem's "Personal data and notifications" block: whether personal data was involved,
 * the 72-hour regulator deadline and whether it was met, and the notices recorded (time,
 * authority or how and whom, reference). Generated at export after the template's sections,
 * whatever the template, for any incident someone marked either way or that recorded a notice;
 * the timeline holds who decided and recorded each, and when.
 */
import { REGULATORY_DEADLINE_MS } from '../board/clocks.ts';
import { incidentStart, type IncidentFields } from '../domain/incident.ts';
import { markdownCell } from '../timeline/exportTimeline.ts';
import { formatUtc, NOT_RECORDED } from './facts.ts';

export const REGULATORY_HEADING = 'Personal data and notifications';

type RegulatoryFacts = Pick<
  IncidentFields,
  'regulated' | 'detectedAt' | 'declaredAt' | 'regulatoryNotifiedAt' | 'regulatorAuthority' | 'regulatorReference' | 'individualsNotifiedAt' | 'individualsNotifiedHow' | 'individualsReference'
>;

const cell = (text: string | null): string => (text === null ? NOT_RECORDED : markdownCell(text));

/** The block's lines (heading included), or none when nobody marked personal data and no notice was recorded. */
export function regulatoryBlock(incident: RegulatoryFacts): string[] {
  if (incident.regulated === null && incident.regulatoryNotifiedAt === null && incident.individualsNotifiedAt === null) return [];
  const deadline = Date.parse(incidentStart(incident)) + REGULATORY_DEADLINE_MS;
  const notified = incident.regulatoryNotifiedAt === null ? null : Date.parse(incident.regulatoryNotifiedAt);
  const verdict = notified === null ? 'not notified' : notified <= deadline ? 'notified within 72 h' : 'notified late';
  const rows: [string, string][] = [['Personal data involved', incident.regulated === null ? 'not decided' : incident.regulated ? 'yes' : 'no']];
  if (incident.regulated === true) rows.push(['Regulator deadline (72 h from ' + (incident.detectedAt ? 'detection' : 'declaration') + ')', `${formatUtc(new Date(deadline).toISOString())}: ${verdict}`]);
  rows.push(
    ['Regulator notified', formatUtc(incident.regulatoryNotifiedAt)],
    ['Authority', cell(incident.regulatorAuthority)],
    ['Regulator reference', cell(incident.regulatorReference)],
    ['Individuals notified', formatUtc(incident.individualsNotifiedAt)],
    ['How and whom', cell(incident.individualsNotifiedHow)],
    ['Individuals notice reference', cell(incident.individualsReference)],
  );
  return [`## ${REGULATORY_HEADING}`, '', '| Field | Value |', '| --- | --- |', ...rows.map(([field, value]) => `| ${field} | ${value} |`)];
}
