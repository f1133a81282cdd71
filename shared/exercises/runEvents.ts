/**
 * What the team did during an exercise, read from the same merged docs the app shows, and put
 * on the scenario's clock for scoring. Every register keeps its history (docs/architecture.md#data-path), so a
 * severity raised and lowered again still counts as raised, at the minute it was raised.
 */
import { hlcToIso } from '../ops/hlc.ts';
import type { ChecklistView, IncidentDoc } from '../entities/index.ts';
import type { Register } from '../state/register.ts';
import { scenarioMinutesAt, type ClockAction } from './clockLog.ts';
import type { ExerciseView } from './exerciseView.ts';
import type { RunEvent, RunEventKind } from './score.ts';

const wallMs = (hlc: string): number => Date.parse(hlcToIso(hlc));

/**
 * The op that carries an inject's severity change: delivery commits it right after the
 * `exercise.inject` op, so it is the next op of the same device (ids are `<device>-<seq>`).
 */
export function injectSeverityOpId(injectOpId: string): string {
  const dash = injectOpId.lastIndexOf('-');
  return `${injectOpId.slice(0, dash)}-${Number(injectOpId.slice(dash + 1)) + 1}`;
}

/**
 * Events in scenario minutes. The declaration's own values (starting severity, phase) and a
 * severity an inject set are not actions the team took, so their versions are left out.
 */
export function runEventsOf(incident: IncidentDoc, checklists: readonly ChecklistView[], exercise: Pick<ExerciseView, 'clockLog' | 'delivered'>): RunEvent[] {
  const { clockLog } = exercise;
  // Neither the declaration's values nor a severity an inject imposed are actions the team took.
  const declaredBy = new Set([...incident.declared.map((stamp) => stamp.opId), ...exercise.delivered.map((item) => injectSeverityOpId(item.opId))]);
  const events: RunEvent[] = [];
  const push = (kind: RunEventKind, atMs: number, value?: string): void => {
    const event: RunEvent = { atScenarioMinutes: scenarioMinutesAt(clockLog, atMs), kind };
    if (value !== undefined) event.value = value;
    events.push(event);
  };
  const later = <T>(register: Register<T> | undefined) => (register ?? []).filter((version) => !declaredBy.has(version.opId));

  for (const version of later(incident.fields.lastUpdateAt)) if (version.value !== null) push('status-update', wallMs(version.hlc));
  for (const version of later(incident.fields.severity)) push('severity-set', wallMs(version.hlc), version.value);
  for (const version of later(incident.fields.phase)) push('phase-reached', wallMs(version.hlc), version.value);
  for (const [role, register] of Object.entries(incident.roles)) {
    for (const version of register ?? []) if (version.value !== null) push('role-assigned', wallMs(version.hlc), role);
  }
  for (const run of checklists) push('checklist-started', Date.parse(run.startedAt), run.runbook.id);
  return events.sort((a, b) => a.atScenarioMinutes - b.atScenarioMinutes);
}

/** Real epoch ms (ISO) → scenario minutes; null stays null. */
export function scenarioMinutesOfIso(iso: string | null, clockLog: readonly ClockAction[]): number | null {
  if (iso === null) return null;
  const at = Date.parse(iso);
  return Number.isFinite(at) ? scenarioMinutesAt(clockLog, at) : null;
}
