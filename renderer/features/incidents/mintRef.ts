import { deviceTag, nextIncidentRef } from '../../../shared/domain/incidentRef.ts';
import type { DeviceState } from '../../../shared/ops/createOp.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { knownIncidentRefs } from '../../db/queries.ts';

/**
 * The readable id for an incident this laptop declares now. Call it inside a commit's intent
 * builder (commit.ts), so the number is read and used in one transaction.
 */
export async function mintIncidentRef(db: WarRoomDb, device: DeviceState, now: number): Promise<string> {
  return nextIncidentRef(await knownIncidentRefs(db), deviceTag(device.device), new Date(now).getUTCFullYear());
}
