import { WarRoomDb } from '../db/database.ts';

/** Set when a backup was restored into a new database because the old one could not be opened. */
export const PROFILE_KEY = 'warroom.database';

/**
 * One database per profile: tests pick one with ?db=…; after a recovery the restored copy is
 * used (the unreadable original is left untouched, never deleted).
 */
export const databaseName = new URLSearchParams(window.location.search).get('db') ?? localStorage.getItem(PROFILE_KEY) ?? 'warroom';
export const db = new WarRoomDb(databaseName);
