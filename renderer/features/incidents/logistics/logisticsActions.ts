import { changedLogistics, describeLogisticsChange, Logistics, NO_LOGISTICS } from '../../../../shared/domain/logistics.ts';
import type { IncidentView, OpIntent } from '../../../../shared/entities/index.ts';
import { describeZodError } from '../../../../shared/util/zodError.ts';
import { commitAll } from '../../../db/commit.ts';
import type { WarRoomDb } from '../../../db/database.ts';
import { logLine } from '../lifecycle.ts';

/** The ops that set what changed of an incident's logistics, with the timeline line saying what; none when nothing changed. */
export function logisticsIntents(incident: string, before: Logistics, next: Logistics, actor: string, now: number): OpIntent[] {
  const changed = changedLogistics(before, next);
  if (Object.keys(changed).length === 0) return [];
  return [{ actor, incident, kind: 'incident.logistics', data: { fields: changed } }, logLine(incident, actor, describeLogisticsChange(before, changed), 'event', now, ['logistics'])];
}

/**
 * Set the bridge, chat channel and room as typed (trimmed, one line each, capped); logged in the
 * same commit. Refused with a readable error; false when nothing changed.
 */
export async function setLogistics(db: WarRoomDb, incident: IncidentView, input: unknown, actor: string, now = Date.now()): Promise<boolean> {
  const parsed = Logistics.safeParse(input);
  if (!parsed.success) throw new Error(describeZodError(parsed.error));
  const intents = logisticsIntents(incident.id, incident.logistics ?? NO_LOGISTICS, parsed.data, actor, now);
  if (intents.length === 0) return false;
  await commitAll(db, intents);
  return true;
}
