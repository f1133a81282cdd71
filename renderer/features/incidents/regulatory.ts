import { REGULATORY_DEADLINE_MS } from '../../../shared/board/clocks.ts';
import { incidentStart, type IncidentFields } from '../../../shared/domain/incident.ts';
import { IndividualsNotice, individualsNoticeFields, RegulatorNotice, regulatorNoticeFields } from '../../../shared/domain/regulatory.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { describeZodError } from '../../../shared/util/zodError.ts';
import { commitAll } from '../../db/commit.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { logLine } from './lifecycle.ts';

/*
 * The personal-data decision and the notices it brings, each written with its timeline line in
 * one commit (who and when are the line's author and record time), like every other change.
 */

const utc = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function set(incident: string, actor: string, fields: Partial<IncidentFields>) {
  return { actor, incident, kind: 'incident.set', data: { fields } } as const;
}

/** Mark the incident as involving personal data or not, at any time, whatever its type. */
export async function setPersonalData(db: WarRoomDb, incident: IncidentView, involved: boolean, actor: string, now = Date.now()): Promise<void> {
  if (incident.regulated === involved) return;
  const was = incident.regulated === null ? '' : ` (was ${incident.regulated ? 'yes' : 'no'})`;
  const deadline = new Date(Date.parse(incidentStart(incident)) + REGULATORY_DEADLINE_MS).toISOString();
  const text = involved
    ? `Personal data involved: yes${was}. The 72 h regulator notice is due by ${utc(deadline)} (72 h from ${incident.detectedAt ? 'detection' : 'declaration'})`
    : `Personal data involved: no${was}. No regulator notice clock`;
  await commitAll(db, [set(incident.id, actor, { regulated: involved }), logLine(incident.id, actor, text, 'decision', now, ['regulatory'])]);
}

/** Record that the regulator was notified: stops the 72-hour clock. A second record corrects the first (both stay in the timeline). */
export async function recordRegulatorNotice(db: WarRoomDb, incident: IncidentView, input: unknown, actor: string, now = Date.now()): Promise<void> {
  const parsed = RegulatorNotice.safeParse(input);
  if (!parsed.success) throw new Error(`Regulator notice: ${describeZodError(parsed.error)}`);
  const notice = parsed.data;
  const text = `Regulator notified at ${utc(notice.at)}: ${notice.authority}, reference ${notice.reference}`;
  await commitAll(db, [set(incident.id, actor, regulatorNoticeFields(notice)), logLine(incident.id, actor, text, 'communication', now, ['regulatory'])]);
}

/** Record that the affected individuals were notified: when, how and whom, and a reference. */
export async function recordIndividualsNotice(db: WarRoomDb, incident: IncidentView, input: unknown, actor: string, now = Date.now()): Promise<void> {
  const parsed = IndividualsNotice.safeParse(input);
  if (!parsed.success) throw new Error(`Individuals notice: ${describeZodError(parsed.error)}`);
  const notice = parsed.data;
  const text = `Affected individuals notified at ${utc(notice.at)}: ${notice.how}, reference ${notice.reference}`;
  await commitAll(db, [set(incident.id, actor, individualsNoticeFields(notice)), logLine(incident.id, actor, text, 'communication', now, ['regulatory'])]);
}
