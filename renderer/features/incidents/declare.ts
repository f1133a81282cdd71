import { DeclareIncident, type IncidentType } from '../../../shared/domain/incident.ts';
import { describeZodError } from '../../../shared/ops/envelope.ts';
import { db } from '../../app/db.ts';
import { commit } from '../../db/commit.ts';
import { newRecordId } from '../../db/device.ts';

export interface DeclareForm {
  title: string;
  severity: string;
  type: IncidentType;
  exercise: boolean;
}

/** Validate and record a declaration; returns the new incident's id or a readable error. */
export async function declareIncident(actor: string, form: DeclareForm, now = Date.now()): Promise<{ id: string } | { error: string }> {
  const data = DeclareIncident.safeParse({ ...form, declaredAt: new Date(now).toISOString() });
  if (!data.success) return { error: describeZodError(data.error) };
  const id = newRecordId('inc');
  await commit(db, { actor, incident: id, kind: 'incident.declare', data: data.data });
  return { id };
}
