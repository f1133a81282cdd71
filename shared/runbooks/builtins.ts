/**
 * The runbooks War Room ships with, written as Markdown (builtin/*.ts, one file each, each
 * citing the response plans in docs/response-plans.md it comes from) and parsed when this module loads.
 * A built-in that does not parse is a programming error and throws here; the tests parse and
 * round-trip every one of them.
 *
 * Order: the general checklist, the runbooks per kind of incident, the common scenarios, then
 * disaster recovery.
 */
import { AI_DEPENDENCY } from './builtin/aiDependency.ts';
import { CONNECTION_POOL } from './builtin/connectionPool.ts';
import { DATA_BREACH } from './builtin/dataBreach.ts';
import { DATABASE } from './builtin/database.ts';
import { DISASTER_RECOVERY } from './builtin/disasterRecovery.ts';
import { DISK_FULL } from './builtin/diskFull.ts';
import { EMAIL_FAILURE } from './builtin/emailFailure.ts';
import { GENERAL_RESPONSE } from './builtin/general.ts';
import { MEMORY_LEAK } from './builtin/memoryLeak.ts';
import { PAYMENT_FAILURE } from './builtin/paymentFailure.ts';
import { SECURITY } from './builtin/security.ts';
import { parseRunbook } from './parse.ts';
import type { Runbook } from './runbook.ts';

/** The Markdown of every built-in runbook, in BUILT_IN_RUNBOOKS order. */
export const BUILT_IN_RUNBOOK_SOURCES: readonly string[] = [
  GENERAL_RESPONSE,
  AI_DEPENDENCY,
  DATABASE,
  SECURITY,
  CONNECTION_POOL,
  MEMORY_LEAK,
  DISK_FULL,
  PAYMENT_FAILURE,
  EMAIL_FAILURE,
  DATA_BREACH,
  DISASTER_RECOVERY,
];

export const BUILT_IN_RUNBOOKS: readonly Runbook[] = BUILT_IN_RUNBOOK_SOURCES.map((source) => deepFreeze(load(source)));

function load(source: string): Runbook {
  const result = parseRunbook(source);
  if (result.ok) return result.runbook;
  const title = /^# (.*)$/m.exec(source)?.[1] ?? 'a built-in runbook';
  const errors = result.errors.map((error) => `line ${error.line}: ${error.message}`).join('; ');
  throw new Error(`Built-in runbook "${title}" does not parse: ${errors}`);
}

/** Shared by every incident that starts them: nobody may edit them in place. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
