import { DeclareIncident, type IncidentType, type Role } from '../../../shared/domain/incident.ts';
import { describeZodError } from '../../../shared/util/zodError.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { commitAll } from '../../db/commit.ts';
import { mintIncidentRef } from './mintRef.ts';
import { splitServices } from './factsForm.ts';
import { newRecordId } from '../../db/device.ts';
import { parseTimeInput } from './parseTimeInput.ts';
import { logLine, ROLE_NAMES } from './lifecycle.ts';
import { Logistics, NO_LOGISTICS } from '../../../shared/domain/logistics.ts';
import { logisticsIntents } from './logistics/logisticsActions.ts';

/** The on-call the declare dialog proposed, if the person declaring accepted: assigned in the declaration's commit. */
export interface FirstResponder {
  role: Role;
  person: string;
}

export interface DeclareForm {
  title: string;
  severity: string;
  type: IncidentType;
  exercise: boolean;
  /** As typed: HH:MM, YYYY-MM-DD HH:MM or -15m; empty = detected when declared. */
  detectedAt: string;
  summary?: string;
  /** Comma-separated, as typed. */
  services?: string;
  impactUser: string;
  impactBusiness: string;
  impactTechnical: string;
  /** As typed; empty = unknown. */
  usersAffected: string;
  responder?: FirstResponder | null;
  /** The bridge, chat channel and room, as typed (optional). */
  logistics?: Logistics;
}

/** Validate and record a declaration; returns the new incident's ids or a readable error. */
export async function declareIncident(db: WarRoomDb, actor: string, form: DeclareForm, now = Date.now()): Promise<{ id: string; ref: string } | { error: string }> {
  const detected = parseTimeInput(form.detectedAt, now);
  if (!detected.ok) return { error: `Detected at: ${detected.error}` };
  const users = form.usersAffected.trim();
  if (users !== '' && !/^\d+$/.test(users)) return { error: `Users affected: "${users}" is not a whole number` };
  const data = DeclareIncident.safeParse({
    title: form.title,
    severity: form.severity,
    type: form.type,
    exercise: form.exercise,
    declaredAt: new Date(now).toISOString(),
    detectedAt: detected.iso,
    summary: (form.summary ?? '').trim(),
    services: splitServices(form.services ?? ''),
    impactUser: form.impactUser.trim(),
    impactBusiness: form.impactBusiness.trim(),
    impactTechnical: form.impactTechnical.trim(),
    usersAffected: users === '' ? null : Number(users),
  });
  if (!data.success) return { error: describeZodError(data.error) };
  const logistics = Logistics.safeParse(form.logistics ?? NO_LOGISTICS);
  if (!logistics.success) return { error: describeZodError(logistics.error) };
  const id = newRecordId('inc');
  let ref = '';
  // Numbered inside the commit: a second window declaring at the same moment reads the first's id.
  await commitAll(db, async (device) => {
    ref = await mintIncidentRef(db, device, now);
    const declared = { actor, incident: id, kind: 'incident.declare', data: { ...data.data, ref } } as const;
    const responder = form.responder;
    const withLogistics = [declared, ...logisticsIntents(id, NO_LOGISTICS, logistics.data, actor, now)];
    if (!responder) return withLogistics;
    return [
      ...withLogistics,
      { actor, incident: id, kind: 'incident.assign', data: { role: responder.role, person: responder.person } },
      logLine(id, actor, `${ROLE_NAMES[responder.role]}: ${responder.person} (on call)`, 'event', now, ['roles']),
    ];
  });
  return { id, ref };
}
