import { WarRoomDb } from '../db/database.ts';

/** One database per profile; tests may pick another name with ?db=… to stay isolated. */
const name = new URLSearchParams(window.location.search).get('db') ?? 'warroom';
export const db = new WarRoomDb(name);
