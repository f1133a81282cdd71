import { DisasterDeclaration, DisasterStandDown, declarationFields, standDownFields } from '../../../shared/domain/disaster.ts';
import type { IncidentFields } from '../../../shared/domain/incident.ts';
import { IsoTime } from '../../../shared/ops/ids.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { describeZodError } from '../../../shared/util/zodError.ts';
import { commitAll } from '../../db/commit.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { logLine } from './lifecycle.ts';

/*
 * A disaster's declaration, restoration and stand-down, each written with its timeline line in
 * one commit (who recorded it and when are the line's author and record time).
 */

const utc = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function set(incident: string, actor: string, fields: Partial<IncidentFields>) {
  return { actor, incident, kind: 'incident.set', data: { fields } } as const;
}

function isActive(incident: IncidentView): boolean {
  return incident.disasterDeclaredAt !== null && incident.disasterRestoredAt === null && incident.disasterStoodDownAt === null;
}

/** Declare a disaster, approved by the named person; the RTO clock starts at its time. */
export async function declareDisaster(db: WarRoomDb, incident: IncidentView, input: unknown, actor: string, now = Date.now()): Promise<void> {
  if (isActive(incident)) throw new Error('A disaster is already declared on this incident: stand it down first');
  const parsed = DisasterDeclaration.safeParse(input);
  if (!parsed.success) throw new Error(`Disaster declaration: ${describeZodError(parsed.error)}`);
  const d = parsed.data;
  const deadline = new Date(Date.parse(d.at) + d.rtoMinutes * 60_000).toISOString();
  const text = `Disaster declared at ${utc(d.at)}, approved by ${d.approvedBy}. RTO ${d.rtoMinutes} min (services due back by ${utc(deadline)}), RPO ${d.rpoMinutes} min`;
  await commitAll(db, [set(incident.id, actor, declarationFields(d)), logLine(incident.id, actor, text, 'decision', now, ['disaster'])]);
}

/** Core services are back: stops the RTO clock. */
export async function markRestored(db: WarRoomDb, incident: IncidentView, at: string, actor: string, now = Date.now()): Promise<void> {
  if (!isActive(incident)) throw new Error('No disaster is in progress on this incident');
  const parsed = IsoTime.safeParse(at);
  if (!parsed.success) throw new Error(`Services restored: ${describeZodError(parsed.error)}`);
  const deadline = Date.parse(incident.disasterDeclaredAt!) + (incident.disasterRtoMinutes ?? 0) * 60_000;
  const verdict = Date.parse(parsed.data) <= deadline ? 'within' : 'after';
  const text = `Services restored at ${utc(parsed.data)}, ${verdict} the RTO of ${incident.disasterRtoMinutes ?? '?'} min`;
  await commitAll(db, [set(incident.id, actor, { disasterRestoredAt: parsed.data }), logLine(incident.id, actor, text, 'action', now, ['disaster'])]);
}

/** Stand the disaster down, with a reason: stops the RTO clock. */
export async function standDownDisaster(db: WarRoomDb, incident: IncidentView, input: unknown, actor: string, now = Date.now()): Promise<void> {
  if (!isActive(incident)) throw new Error('No disaster is in progress on this incident');
  const parsed = DisasterStandDown.safeParse(input);
  if (!parsed.success) throw new Error(`Stand-down: ${describeZodError(parsed.error)}`);
  const text = `Disaster stood down at ${utc(parsed.data.at)}: ${parsed.data.reason}`;
  await commitAll(db, [set(incident.id, actor, standDownFields(parsed.data)), logLine(incident.id, actor, text, 'decision', now, ['disaster'])]);
}
