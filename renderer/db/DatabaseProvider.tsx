import { createContext, useContext, type ReactNode } from 'react';
import type { WarRoomDb } from './database.ts';

const DatabaseContext = createContext<WarRoomDb | null>(null);

/** The page's one database, opened at startup and handed down: views never import it. */
export function DatabaseProvider({ db, children }: { db: WarRoomDb; children: ReactNode }) {
  return <DatabaseContext value={db}>{children}</DatabaseContext>;
}

export function useDatabase(): WarRoomDb {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase() needs a <DatabaseProvider> above it');
  return db;
}
