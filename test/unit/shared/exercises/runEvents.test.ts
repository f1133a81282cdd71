import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS } from '../../../../shared/exercises/builtins.ts';
import { replayClock, scenarioMinutesAt, type ClockAction } from '../../../../shared/exercises/clockLog.ts';
import { exerciseView } from '../../../../shared/exercises/exerciseView.ts';
import { runEventsOf } from '../../../../shared/exercises/runEvents.ts';
import { scoreRun } from '../../../../shared/exercises/score.ts';
import { createOp, type OpIntent, type Op, checklistView, type ChecklistDoc, type ExerciseDoc, type IncidentDoc, foldOps } from '../../../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../../../shared/ops/createOp.ts';
import { BUILT_IN_RUNBOOKS } from '../../../../shared/runbooks/builtins.ts';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const MIN = 60_000;
const POOL = BUILT_IN_SCENARIOS.find((s) => s.id === 'db-connection-pool-exhausted')!;
const INCIDENT = 'inc-exer01';

describe('replayClock / scenarioMinutesAt', () => {
  const log: ClockAction[] = [
    { action: 'start', at: T0, speed: 5 },
    { action: 'pause', at: T0 + 2 * MIN, speed: 5 },
    { action: 'resume', at: T0 + 7 * MIN, speed: 5 },
    { action: 'speed', at: T0 + 8 * MIN, speed: 10 },
    { action: 'end', at: T0 + 9 * MIN, speed: 10 },
    { action: 'resume', at: T0 + 10 * MIN, speed: 10 },
  ];

  it('maps real time to scenario time through pauses and speed changes', () => {
    expect(scenarioMinutesAt(log, T0 - MIN)).toBe(0);
    expect(scenarioMinutesAt(log, T0 + MIN)).toBe(5);
    expect(scenarioMinutesAt(log, T0 + 2 * MIN)).toBe(10);
    expect(scenarioMinutesAt(log, T0 + 6 * MIN)).toBe(10); // paused
    expect(scenarioMinutesAt(log, T0 + 8 * MIN)).toBe(15);
    expect(scenarioMinutesAt(log, T0 + 8.5 * MIN)).toBe(20);
    expect(scenarioMinutesAt(log, T0 + 30 * MIN)).toBe(25); // ended at T+25; the resume after the end is ignored
  });

  it('the end is final', () => {
    expect(replayClock(log)).toMatchObject({ endedAt: T0 + 9 * MIN, state: { pausedAt: T0 + 9 * MIN, baseScenarioMs: 25 * MIN } });
  });
});

/** One facilitator laptop; `at` is the real minute after T0 each op is made. */
function script(steps: readonly [number, OpIntent][]): Op[] {
  let device: DeviceState = freshDeviceState('f0f0f0f0f0f0f0f0');
  return steps.map(([minute, intent]) => {
    const made = createOp(device, intent, T0 + minute * MIN);
    device = made.state;
    return made.op;
  });
}

const on = (kind: OpIntent['kind'], data: unknown, actor = 'Fran'): OpIntent => ({ actor, incident: INCIDENT, kind, data }) as OpIntent;

describe('an exercise run, from ops to score', () => {
  const runbook = BUILT_IN_RUNBOOKS.find((r) => r.id === 'db-connection-pool-exhausted')!;
  const ops = script([
    [0, on('incident.declare', { title: 'EXERCISE: pool', severity: 'P1', type: 'performance', declaredAt: new Date(T0).toISOString(), exercise: true })],
    [0, on('exercise.start', { scenario: POOL })],
    [0, on('exercise.clock', { action: 'start', at: T0, speed: 5 })],
    // 5×: real minute 1 is T+05.
    [1, on('incident.assign', { role: 'incident-commander', person: 'Fran' })],
    // The inject raises the severity (the next op of the chain): not the team's doing.
    [1.2, on('exercise.inject', { inject: POOL.injects[1], entry: 'ent-inj002', adhoc: false })],
    [1.2, on('incident.set', { fields: { severity: 'P0' } })],
    [1.2, on('incident.set', { fields: { severity: 'P1' } })],
    // The team raises it again itself.
    [1.4, on('incident.set', { fields: { severity: 'P0' } })],
    [2, on('exercise.clock', { action: 'pause', at: T0 + 2 * MIN, speed: 5 })],
    // Paused from real minute 2 to 12: a status update posted while paused is scored at T+10.
    [6, on('incident.set', { fields: { lastUpdateAt: new Date(T0 + 6 * MIN).toISOString() } })],
    [12, on('exercise.clock', { action: 'resume', at: T0 + 12 * MIN, speed: 5 })],
    [13, on('checklist.start', { run: 'run-000001', runbook })],
    [14, on('exercise.manual', { expected: 'expect-5', met: true })],
    [14.5, on('exercise.manual', { expected: 'expect-5', met: false })],
    [16, on('exercise.clock', { action: 'end', at: T0 + 16 * MIN, speed: 5 })],
  ]);
  const docs = foldOps(ops);
  const exercise = exerciseView(docs.get(`exercises:${INCIDENT}`) as ExerciseDoc)!;
  const incident = docs.get(`incidents:${INCIDENT}`) as IncidentDoc;
  const runs = [...docs.values()].filter((d): d is ChecklistDoc => d.table === 'checklists').map((d) => checklistView(d)!);

  it('the view holds the scenario, the clock, deliveries and manual ticks', () => {
    expect(exercise.scenario.id).toBe(POOL.id);
    expect(exercise.endedAt).toBe(T0 + 16 * MIN);
    expect(exercise.driver).toBe('f0f0f0f0f0f0f0f0');
    expect(exercise.delivered.map((d) => [d.inject.id, d.entry])).toEqual([['inject-2', 'ent-inj002']]);
    expect(exercise.manualMet).toEqual([]);
  });

  it('events land at their scenario minute, the declaration left out', () => {
    expect(runEventsOf(incident, runs, exercise)).toEqual([
      { atScenarioMinutes: 5, kind: 'role-assigned', value: 'incident-commander' },
      { atScenarioMinutes: 6, kind: 'severity-set', value: 'P1' },
      { atScenarioMinutes: 7, kind: 'severity-set', value: 'P0' },
      { atScenarioMinutes: 10, kind: 'status-update' },
      { atScenarioMinutes: 15, kind: 'checklist-started', value: 'db-connection-pool-exhausted' },
    ]);
  });

  it('scores exactly', () => {
    const events = runEventsOf(incident, runs, exercise);
    const result = scoreRun(POOL, { events, manualMet: new Set(exercise.manualMet), endedAtScenarioMinutes: 30 }, 15);
    expect(result.expected.map((r) => [r.id, r.met, r.at])).toEqual([
      ['expect-1', true, 10],
      ['expect-2', true, 15],
      ['expect-3', true, 5],
      ['expect-4', true, 7],
      ['expect-5', false, undefined],
    ]);
    expect([result.met, result.total, result.score]).toEqual([4, 5, 80]);
    expect(result.cadence).toEqual({ cadenceMinutes: 15, kept: false, gaps: [10, 20] });
  });

  it('any order and duplicates fold to the same view', () => {
    const shuffled = [...ops].reverse().concat(ops.slice(3, 8));
    expect(exerciseView(foldOps(shuffled).get(`exercises:${INCIDENT}`) as ExerciseDoc)).toEqual(exercise);
  });
});
