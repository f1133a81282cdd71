import { foldOps, parseOp, rowOf, type Op } from '../../shared/entities/index.ts';
import type { WarRoomDb } from './database.ts';
import { MATERIALIZED_TABLES, splitRows, writeRows } from './materialize.ts';

/** Throw the materialized tables away and fold them again from `ops`, the source of truth. */
export async function rebuildFromOps(db: WarRoomDb): Promise<{ ops: number; skipped: number }> {
  return db.transaction('rw', [db.ops, ...MATERIALIZED_TABLES(db)], async () => {
    const ops: Op[] = [];
    let skipped = 0;
    await db.ops.each((stored) => {
      const parsed = parseOp(stored);
      if (parsed.status === 'ok') ops.push(parsed.op);
      else skipped += 1;
    });
    const rows = splitRows([...foldOps(ops).values()].map(rowOf));
    await Promise.all(MATERIALIZED_TABLES(db).map((table) => table.clear()));
    await writeRows(db, rows);
    return { ops: ops.length, skipped };
  });
}
