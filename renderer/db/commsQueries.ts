import type { CommsPlan } from '../../shared/comms/commsPlan.ts';
import type { WarRoomDb } from './database.ts';

/** The team's communications plan (synced setting), or null until the team saves one. */
export async function getCommsPlan(db: WarRoomDb): Promise<CommsPlan | null> {
  const row = await db.settings.get('comms-plan');
  const doc = row?.doc.key === 'comms-plan' ? row.doc : null;
  return doc?.value[doc.value.length - 1]?.value ?? null;
}
