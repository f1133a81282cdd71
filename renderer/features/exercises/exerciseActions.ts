import type { Speed } from '../../../shared/exercises/clock.ts';
import type { ClockActionKind } from '../../../shared/exercises/clockLog.ts';
import type { Inject, InjectKind, Scenario } from '../../../shared/exercises/scenario.ts';
import type { OpIntent, IncidentView } from '../../../shared/entities/index.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { commitAll } from '../../db/commit.ts';
import { newRecordId } from '../../db/device.ts';
import { logLine } from '../incidents/lifecycle.ts';
import { mintIncidentRef } from '../incidents/mintRef.ts';
import { formatScenarioTime } from '../../../shared/exercises/score.ts';
import { isOpenStatus } from '../../../shared/domain/incident.ts';
import { capitalize } from '../../ui/format.ts';

export const INJECT_KIND_NAMES: Record<InjectKind, string> = {
  alert: 'Alert',
  fact: 'New fact',
  customer: 'Customer',
  executive: 'Executive',
  other: 'Inject',
};

/**
 * Declares the exercise incident (flagged, so it stays out of real metrics) with the scenario
 * snapshotted, in one commit. The clock waits for the facilitator's Start.
 */
export async function startExercise(db: WarRoomDb, scenario: Scenario, actor: string, now = Date.now()): Promise<string> {
  const id = newRecordId('inc');
  const at = new Date(now).toISOString();
  await commitAll(db, async (device) => [
    {
      actor,
      incident: id,
      kind: 'incident.declare',
      data: { title: `Exercise: ${scenario.title}`.slice(0, 200), severity: scenario.severity, type: scenario.type, exercise: true, declaredAt: at, detectedAt: at, summary: scenario.briefing.slice(0, 10_000), ref: await mintIncidentRef(db, device, now) },
    },
    { actor, incident: id, kind: 'exercise.start', data: { scenario } },
    logLine(id, actor, `Exercise started from scenario "${scenario.title}". Briefing: ${scenario.briefing.replace(/\s+/g, ' ')}`, 'event', now, ['exercise']),
  ]);
  return id;
}

const CLOCK_WORDS: Record<ClockActionKind, (speed: Speed, minutes: number) => string> = {
  start: (speed) => `Exercise clock started at ${speed}×`,
  pause: (_, m) => `Exercise clock paused at ${formatScenarioTime(m)}`,
  resume: (speed, m) => `Exercise clock resumed at ${formatScenarioTime(m)} (${speed}×)`,
  speed: (speed, m) => `Exercise clock speed ${speed}× from ${formatScenarioTime(m)}`,
  end: (_, m) => `Exercise ended at ${formatScenarioTime(m)}`,
};

/** A press of the facilitator's clock, with its timeline line. */
export async function pressClock(db: WarRoomDb, incident: string, action: ClockActionKind, speed: Speed, scenarioMinutes: number, actor: string, now = Date.now()): Promise<void> {
  await commitAll(db, clockIntents(incident, action, speed, scenarioMinutes, actor, now));
}

function clockIntents(incident: string, action: ClockActionKind, speed: Speed, scenarioMinutes: number, actor: string, now: number): OpIntent[] {
  return [{ actor, incident, kind: 'exercise.clock', data: { action, at: now, speed } }, logLine(incident, actor, CLOCK_WORDS[action](speed, scenarioMinutes), 'event', now, ['exercise'])];
}

/**
 * Ends the exercise and closes its incident in the same commit, so it leaves the Open board and
 * its clocks and reminders stop. Only the status and the closed time are set: stamping the
 * acknowledged, mitigated or resolved times now would put moments into the record (and the
 * after-action report) that the team never reached.
 */
export async function endExercise(db: WarRoomDb, incident: IncidentView, speed: Speed, scenarioMinutes: number, actor: string, now = Date.now()): Promise<void> {
  const intents = clockIntents(incident.id, 'end', speed, scenarioMinutes, actor, now);
  if (isOpenStatus(incident.status)) {
    intents.push(
      { actor, incident: incident.id, kind: 'incident.set', data: { fields: { status: 'closed', closedAt: incident.closedAt ?? new Date(now).toISOString() } } },
      logLine(incident.id, actor, `Status: ${capitalize(incident.status)} → Closed (the exercise ended)`, 'event', now, ['status']),
    );
  }
  await commitAll(db, intents);
}

export function injectText(inject: Inject): string {
  return `${INJECT_KIND_NAMES[inject.kind]}: ${inject.text}${inject.severity ? ` (severity now ${inject.severity})` : ''}`;
}

/**
 * Delivers an inject: its timeline entry, the delivery record and, when the inject says so, the
 * severity change — one commit. The severity op must come right after the delivery op: that is
 * how scoring tells it from a change the team made (runEvents.ts).
 */
export async function deliverInject(db: WarRoomDb, incident: IncidentView, inject: Inject, adhoc: boolean, actor: string, now = Date.now()): Promise<void> {
  const entry = logLine(incident.id, actor, injectText(inject), 'inject', now, ['inject']);
  const intents: OpIntent[] = [entry, { actor, incident: incident.id, kind: 'exercise.inject', data: { inject, entry: (entry.data as { entry: string }).entry, adhoc } }];
  if (inject.severity && inject.severity !== incident.severity) intents.push({ actor, incident: incident.id, kind: 'incident.set', data: { fields: { severity: inject.severity } } });
  await commitAll(db, intents);
}

/** A unique id for an inject the facilitator types during the run. */
export function adhocInjectId(): string {
  return newRecordId('ent').replace(/^ent-/, 'adhoc-');
}

export async function setManualCheck(db: WarRoomDb, incident: string, expected: string, met: boolean, actor: string): Promise<void> {
  await commitAll(db, [{ actor, incident, kind: 'exercise.manual', data: { expected, met } }]);
}
