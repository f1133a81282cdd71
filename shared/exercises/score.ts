/**
 * Scoring a tabletop run against the scenario's expected actions, and the after-action report.
 *
 * Input is exact and already in scenario time: whoever records the run (the renderer, with the
 * facilitator's clock) converts each event's real time with `scenarioMinutes`.
 */
import { PHASES, type Phase } from '../domain/incident.ts';
import { escapeLine } from '../runbooks/format.ts';
import { EXERCISE_BANNER } from '../timeline/exportTimeline.ts';
import type { ExpectedAction, Scenario } from './scenario.ts';

export const RUN_EVENT_KINDS = ['status-update', 'checklist-started', 'role-assigned', 'severity-set', 'phase-reached'] as const;
export type RunEventKind = (typeof RUN_EVENT_KINDS)[number];

export interface RunEvent {
  atScenarioMinutes: number;
  kind: RunEventKind;
  /** Runbook id, role id, severity id or phase; none for a status update. */
  value?: string;
}

export interface ExerciseRun {
  events: readonly RunEvent[];
  /** Expected actions the facilitator ticked by hand: manual checks, and automatic ones met in discussion. */
  manualMet: ReadonlySet<string>;
  /** Scenario minutes at which the run ended (closes the last cadence gap). */
  endedAtScenarioMinutes: number;
}

export interface ExpectedResult {
  id: string;
  text: string;
  met: boolean;
  /** Scenario minutes of the event that met it (none when ticked by hand, or missed). */
  at?: number;
}

export interface CadenceResult {
  /** The severity's cadence; null = no fixed cadence (always kept). */
  cadenceMinutes: number | null;
  kept: boolean;
  /** Minutes from the start to the first update, between updates, and from the last to the end. */
  gaps: number[];
}

export interface ScoreResult {
  expected: ExpectedResult[];
  cadence: CadenceResult;
  met: number;
  total: number;
  /** round(100 × met / total). */
  score: number;
}

const phaseIndex = (phase: string): number => PHASES.indexOf(phase as Phase);

function firstMatch(action: ExpectedAction, events: readonly RunEvent[], manualMet: ReadonlySet<string>): ExpectedResult {
  const base = { id: action.id, text: action.text };
  const check = action.check;
  // The facilitator's tick counts for any action: in a discussion-only tabletop nobody posts
  // updates or starts checklists in the app, so an automatic check can only be met by hand.
  const hit = (predicate: (event: RunEvent) => boolean): ExpectedResult => {
    const event = events.find(predicate);
    return event ? { ...base, met: true, at: event.atScenarioMinutes } : { ...base, met: manualMet.has(action.id) };
  };
  switch (check.kind) {
    case 'status-update-within':
      return hit((e) => e.kind === 'status-update' && e.atScenarioMinutes <= check.minutes);
    case 'checklist-started':
      return hit((e) => e.kind === 'checklist-started' && (check.runbook === undefined || e.value === check.runbook));
    case 'role-assigned':
      return hit((e) => e.kind === 'role-assigned' && e.value === check.role);
    case 'severity-set':
      return hit((e) => e.kind === 'severity-set' && e.value === check.severity);
    case 'phase-reached':
      // Reaching a later phase counts: a team may skip one.
      return hit((e) => e.kind === 'phase-reached' && e.value !== undefined && phaseIndex(e.value) >= phaseIndex(check.phase));
    case 'manual':
      return { ...base, met: manualMet.has(action.id) };
  }
}

export function cadenceOf(events: readonly RunEvent[], endedAt: number, cadenceMinutes: number | null): CadenceResult {
  const updates = events.filter((e) => e.kind === 'status-update').map((e) => e.atScenarioMinutes);
  const marks = [0, ...updates, Math.max(endedAt, updates[updates.length - 1] ?? 0)];
  const gaps: number[] = [];
  for (let i = 1; i < marks.length; i++) gaps.push((marks[i] ?? 0) - (marks[i - 1] ?? 0));
  const kept = cadenceMinutes === null || gaps.every((gap) => gap <= cadenceMinutes);
  return { cadenceMinutes, kept, gaps };
}

/** Scores a run. Events are read in time order (sorted here; ties keep their order). */
export function scoreRun(scenario: Scenario, run: ExerciseRun, cadenceMinutes: number | null): ScoreResult {
  const events = [...run.events].sort((a, b) => a.atScenarioMinutes - b.atScenarioMinutes);
  const expected = scenario.expected.map((action) => firstMatch(action, events, run.manualMet));
  const met = expected.filter((result) => result.met).length;
  const total = expected.length;
  return { expected, cadence: cadenceOf(events, run.endedAtScenarioMinutes, cadenceMinutes), met, total, score: total === 0 ? 0 : Math.round((100 * met) / total) };
}

export interface TimelineRow {
  atScenarioMinutes: number;
  text: string;
}

/** One phase's checklist items, as counted at the end of the run. */
export interface PhaseCompletion {
  /** The phase's name as the team calls it. */
  phase: string;
  done: number;
  skipped: number;
  total: number;
}

export interface ChecklistCompletion {
  runbook: string;
  phases: PhaseCompletion[];
}

/**
 * A response-time target (the severity's acknowledge-within), when it was acknowledged in scenario
 * minutes, and whether that was within the target (shared/metrics/responseMetrics.ts decides).
 */
export interface ResponseTargetResult {
  label: string;
  targetMinutes: number;
  atMinutes: number | null;
  met: boolean;
}

export function responseTarget(label: string, targetMinutes: number, atMinutes: number | null, met: boolean): ResponseTargetResult {
  return { label, targetMinutes, atMinutes, met };
}

/** One response metric (shared/metrics/responseMetrics.ts) as the report shows it: ends in scenario time. */
export interface ReportMetric {
  label: string;
  from: string;
  to: string;
  value: string;
}

export interface ReportDetails {
  /** The exercise incident's readable id (else its record id). */
  incident?: string;
  checklists?: readonly ChecklistCompletion[];
  responseTargets?: readonly ResponseTargetResult[];
  metrics?: readonly ReportMetric[];
  timeline?: readonly TimelineRow[];
}

export { EXERCISE_BANNER } from '../timeline/exportTimeline.ts';

/** `T+05`, `T+1:05:30` style scenario time. */
export function formatScenarioTime(minutes: number): string {
  const totalSeconds = Math.round(minutes * 60);
  const m = Math.floor(totalSeconds / 60);
  const s = totalSeconds % 60;
  const mm = String(m).padStart(2, '0');
  return s === 0 ? `T+${mm}` : `T+${mm}:${String(s).padStart(2, '0')}`;
}

const cell = (text: string): string => escapeLine(text.replace(/[\r\n]+/g, ' '));

/** The after-action report as GFM Markdown. */
export function afterActionReport(scenario: Scenario, result: ScoreResult, details: ReportDetails = {}): string {
  const { incident, checklists = [], responseTargets = [], metrics = [], timeline = [] } = details;
  const out: string[] = [
    EXERCISE_BANNER,
    '',
    `# After-action report: ${escapeLine(scenario.title, { allHashes: true })}`,
    '',
    `Scenario \`${scenario.id}\` · ${scenario.type} · starting severity ${scenario.severity}${incident ? ` · incident ${cell(incident)}` : ''}`,
    '',
    `**Score: ${result.score}/100** (${result.met} of ${result.total} expected actions met)`,
    '',
    '## Expected actions',
    '',
    '| Action | Result | When |',
    '| --- | --- | --- |',
  ];
  for (const row of result.expected) {
    const when = row.at === undefined ? (row.met ? 'ticked by facilitator' : '—') : formatScenarioTime(row.at);
    out.push(`| ${cell(row.text)} | ${row.met ? '✅ met' : '❌ missed'} | ${when} |`);
  }
  out.push('', '## Status-update cadence', '');
  const { cadence } = result;
  if (cadence.cadenceMinutes === null) out.push('No fixed cadence for this severity: kept.');
  else out.push(`Cadence every ${cadence.cadenceMinutes} min: ${cadence.kept ? '**kept**' : '**not kept**'}.`);
  out.push('', `Gaps between updates (min): ${cadence.gaps.join(', ')}`);
  if (responseTargets.length > 0) {
    out.push('', '## Response-time targets', '', '| Target | Result | When |', '| --- | --- | --- |');
    for (const row of responseTargets) {
      const when = row.atMinutes === null ? 'not yet' : formatScenarioTime(row.atMinutes);
      out.push(`| ${cell(row.label)} (within ${row.targetMinutes} min) | ${row.met ? '✅ met' : '❌ missed'} | ${when} |`);
    }
  }
  if (metrics.length > 0) {
    out.push('', '## Response metrics', '', '| Metric | From | To | Time |', '| --- | --- | --- | --- |');
    for (const row of metrics) out.push(`| ${cell(row.label)} | ${cell(row.from)} | ${cell(row.to)} | ${cell(row.value)} |`);
  }
  out.push('', '## Checklist completion', '');
  if (checklists.length === 0) out.push('No checklist was started.');
  for (const run of checklists) {
    out.push(`### ${escapeLine(run.runbook, { allHashes: true })}`, '', '| Phase | Done | Skipped | Open |', '| --- | --- | --- | --- |');
    for (const row of run.phases) out.push(`| ${cell(row.phase)} | ${row.done}/${row.total} | ${row.skipped} | ${row.total - row.done - row.skipped} |`);
    out.push('');
  }
  if (checklists.length > 0) out.pop();
  if (timeline.length > 0) {
    out.push('', '## Timeline', '', '| Time | Event |', '| --- | --- |');
    for (const row of timeline) out.push(`| ${formatScenarioTime(row.atScenarioMinutes)} | ${cell(row.text)} |`);
  }
  return `${out.join('\n')}\n`;
}
