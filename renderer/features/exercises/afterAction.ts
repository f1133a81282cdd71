import { levelOf, type SeverityScheme } from '../../../shared/domain/severity.ts';
import { phaseName, type PhaseNames } from '../../../shared/domain/phaseNames.ts';
import { scenarioMinutesAt } from '../../../shared/exercises/clockLog.ts';
import type { ExerciseView } from '../../../shared/exercises/exerciseView.ts';
import { runEventsOf, scenarioMinutesOfIso } from '../../../shared/exercises/runEvents.ts';
import { afterActionReport, formatScenarioTime, responseTarget, scoreRun, type ReportDetails, type ReportMetric, type ScoreResult } from '../../../shared/exercises/score.ts';
import type { ClockAction } from '../../../shared/exercises/clockLog.ts';
import { formatSpan, responseSpans, targetVerdict, type MinutesAt } from '../../../shared/metrics/responseMetrics.ts';
import { incidentLabel } from '../../../shared/domain/incidentRef.ts';
import type { ChecklistView, EntryView, IncidentView, IncidentRow } from '../../../shared/entities/index.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { getExercise, getPhaseNames, getSeverityScheme, listChecklists, listEntries, getIncidentRow } from '../../db/queries.ts';

export interface ExerciseStanding {
  incident: IncidentView;
  exercise: ExerciseView;
  /** Scenario minutes now (or at the end). */
  minutes: number;
  result: ScoreResult;
  details: ReportDetails;
}

export interface ExerciseData {
  row: IncidentRow;
  incident: IncidentView;
  exercise: ExerciseView;
  checklists: ChecklistView[];
  entries: EntryView[];
  scheme: SeverityScheme;
  names: PhaseNames;
}

/** Everything an exercise is scored from, read in one go (a live query's body: it does not depend on the time). */
export async function loadExerciseData(db: WarRoomDb, id: string): Promise<ExerciseData | null> {
  const [row, exercise, checklists, entries, scheme, names] = await Promise.all([
    getIncidentRow(db, id),
    getExercise(db, id),
    listChecklists(db, id),
    listEntries(db, id),
    getSeverityScheme(db),
    getPhaseNames(db),
  ]);
  if (!row?.view || !exercise) return null;
  return { row, incident: row.view, exercise, checklists, entries, scheme, names };
}

/** Minutes on the facilitator's clock for a recorded time. */
function scenarioClock(clockLog: readonly ClockAction[]): MinutesAt {
  return (iso) => scenarioMinutesOfIso(iso, clockLog);
}

/**
 * The response metrics of the exercise incident: the same spans as the Metrics page and the
 * post-mortem (responseMetrics.ts), measured on the facilitator's clock, so they read in the
 * report's scenario time (at 1× and without pauses, the same minutes as the post-mortem's).
 */
export function exerciseMetrics(incident: IncidentView, clockLog: readonly ClockAction[]): ReportMetric[] {
  const minutesAt = scenarioClock(clockLog);
  const at = (label: string, iso: string | null) => {
    const minutes = iso === null ? null : minutesAt(iso);
    return `${label}, ${minutes === null ? 'not recorded' : formatScenarioTime(minutes)}`;
  };
  return responseSpans(incident, minutesAt).map((span) => ({ label: span.label, from: at(span.fromLabel, span.from), to: at(span.toLabel, span.to), value: formatSpan(span.minutes) }));
}

/**
 * Where an exercise stands at `now`: the same figures drive the console's live view and the
 * after-action report. Cadence and response target are those of the scenario's starting
 * severity (the severity the team was briefed at).
 */
export function standingOf({ row, incident, exercise, checklists, entries, scheme, names }: ExerciseData, now: number): ExerciseStanding {
  // `now` may lag the last press by a display tick; never read the clock from before it.
  const minutes = scenarioMinutesAt(exercise.clockLog, exercise.endedAt ?? Math.max(now, exercise.clockLog.at(-1)?.at ?? now));
  const level = levelOf(exercise.scenario.severity, scheme);
  const events = runEventsOf(row.doc, checklists, exercise);
  const result = scoreRun(exercise.scenario, { events, manualMet: new Set(exercise.manualMet), endedAtScenarioMinutes: minutes }, level?.updateCadenceMinutes ?? null);
  const details: ReportDetails = {
    incident: incidentLabel(incident),
    responseTargets: level ? [responseTarget(`Acknowledged (${level.id} response target)`, level.responseTargetMinutes, scenarioMinutesOfIso(incident.acknowledgedAt, exercise.clockLog), targetVerdict(incident, level.responseTargetMinutes, new Date(now).toISOString(), scenarioClock(exercise.clockLog)) === 'met')] : [],
    metrics: exerciseMetrics(incident, exercise.clockLog),
    checklists: checklists.map((run) => ({
      runbook: run.runbook.title,
      phases: run.progress.map((p) => ({ phase: phaseName(p.phase, names), done: p.done, skipped: p.skipped, total: p.total })),
    })),
    timeline: entries
      .filter((entry) => entry.struck === null)
      .map((entry) => ({ atScenarioMinutes: scenarioMinutesAt(exercise.clockLog, Date.parse(entry.eventAt)), text: `${entry.kind}: ${entry.text}` })),
  };
  return { incident, exercise, minutes, result, details };
}

export function reportMarkdown(standing: ExerciseStanding): string {
  return afterActionReport(standing.exercise.scenario, standing.result, standing.details);
}
