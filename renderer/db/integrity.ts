import { verifyChains } from '../../shared/ops/chain.ts';
import { parseOp, type Op, foldOps } from '../../shared/entities/index.ts';
import { type OpEnvelope } from '../../shared/ops/envelope.ts';
import { canonicalJson } from '../../shared/util/canonicalJson.ts';
import type { WarRoomDb } from './database.ts';

export interface IntegrityProblem {
  opId: string;
  /** The timeline entry the op belongs to, when it is one. */
  entry: string | null;
  /** The entry's text as stored, to let a person find it. */
  text: string | null;
  reason: string;
}

export interface IntegrityReport {
  ops: number;
  entries: number;
  verifiedEntries: number;
  problems: IntegrityProblem[];
}

function entryOf(op: OpEnvelope): string | null {
  const entry = (op.data as { entry?: unknown }).entry;
  return op.kind.startsWith('entry.') && typeof entry === 'string' ? entry : null;
}

/**
 * Is this incident's record intact? Checks the full hash chain of every device that wrote to it
 * (a chain is only as good as its links, including ops of other incidents), each op's schema,
 * and that the materialized timeline still equals a fold of its ops.
 */
export async function verifyIncident(db: WarRoomDb, incident: string): Promise<IntegrityReport> {
  const own = await db.ops.where('incident').equals(incident).toArray();
  const devices = [...new Set(own.map((op) => op.device))];
  const chains = await Promise.all(devices.map((device) => db.ops.where('[device+seq]').between([device, 0], [device, Infinity]).toArray()));
  const report = verifyChains(chains.flat());
  const byId = new Map(own.map((op) => [op.id, op]));
  const rows = await db.entries.where('[incident+order]').between([incident, ''], [incident, '\uffff']).toArray();
  const textOf = new Map(rows.map((row) => [row.doc.entry, row.view?.text ?? null]));

  const problems: IntegrityProblem[] = [];
  const badEntries = new Set<string>();
  const note = (op: OpEnvelope | undefined, opId: string, reason: string) => {
    const entry = op ? entryOf(op) : null;
    if (entry) badEntries.add(entry);
    problems.push({ opId, entry, text: entry ? (textOf.get(entry) ?? null) : null, reason });
  };
  for (const problem of report.problems) {
    const op = byId.get(problem.opId);
    note(op, problem.opId, op ? problem.reason : `${problem.reason} (an op of another incident in device ${problem.device}'s chain)`);
  }
  const valid: Op[] = [];
  for (const op of own) {
    const parsed = parseOp(op);
    if (parsed.status === 'ok') valid.push(parsed.op);
    else note(op, op.id, parsed.status === 'pending' ? `kept for a newer app: ${parsed.reason}` : `invalid: ${parsed.reason}`);
  }
  const folded = foldOps(valid);
  for (const row of rows) {
    const expected = folded.get(`entries:${row.key}`);
    if (!expected || canonicalJson(expected) !== canonicalJson(row.doc)) {
      badEntries.add(row.doc.entry);
      problems.push({ opId: '—', entry: row.doc.entry, text: row.view?.text ?? null, reason: 'the stored timeline row differs from what its ops say' });
    }
  }
  const entries = rows.filter((row) => row.view).length;
  return { ops: own.length, entries, verifiedEntries: rows.filter((row) => row.view && !badEntries.has(row.doc.entry)).length, problems };
}
