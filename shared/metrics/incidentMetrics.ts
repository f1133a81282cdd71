import { incidentStart, type IncidentType } from '../domain/incident.ts';
import { levelOrLeast, severityRank, type SeverityScheme } from '../domain/severity.ts';
import type { IncidentView } from '../entities/index.ts';
import { RESPONSE_METRICS, responseSpans, targetVerdict, type ResponseMetricId } from './responseMetrics.ts';

/**
 * Response metrics across incidents (exercises excluded: rehearsals must not flatter or spoil the
 * real figures). Each incident's spans are those of responseMetrics.ts — the post-mortem and the
 * after-action report show the very same spans for one incident; here they are averaged. An
 * incident whose span is not measured is left out of that mean, never counted as zero.
 */
export interface SeverityMetrics {
  severity: string;
  incidents: number;
  meanMinutes: Record<ResponseMetricId, number | null>;
  /** Acknowledged within the level's response target, of those acknowledged or already late. */
  withinResponseTarget: { met: number; of: number };
}

export interface ActionCompletion {
  done: number;
  /** Everything except won't-do: what the team committed to. */
  committed: number;
  overdue: number;
}

type Metricable = Pick<IncidentView, 'severity' | 'type' | 'exercise' | 'onsetAt' | 'declaredAt' | 'detectedAt' | 'acknowledgedAt' | 'mitigatedAt' | 'resolvedAt'>;

export const PERIODS = ['30d', '90d', 'all'] as const;
export type Period = (typeof PERIODS)[number];
export const PERIOD_NAMES: Record<Period, string> = { '30d': 'Last 30 days', '90d': 'Last 90 days', all: 'All time' };
const PERIOD_DAYS: Record<Period, number | null> = { '30d': 30, '90d': 90, all: null };

export interface MetricsFilter {
  period: Period;
  /** null: every type. */
  type: IncidentType | null;
}

/**
 * The real incidents a filter keeps. An incident belongs to the period in which it started
 * (detected, else declared — the time every span counts from), within the last N × 24 h.
 */
export function selectIncidents<T extends Metricable>(incidents: readonly T[], filter: MetricsFilter, now: number): T[] {
  const days = PERIOD_DAYS[filter.period];
  const since = days === null ? null : now - days * 24 * 3_600_000;
  return incidents.filter((i) => !i.exercise && (filter.type === null || i.type === filter.type) && (since === null || Date.parse(incidentStart(i)) >= since));
}

function mean(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
}

const bySeverityRank = (scheme: SeverityScheme) => (a: string, b: string) => severityRank(a, scheme) - severityRank(b, scheme) || a.localeCompare(b);

/** Means per severity over the given incidents (exercises among them are left out). */
export function metricsBySeverity(incidents: readonly Metricable[], scheme: SeverityScheme, now: number): SeverityMetrics[] {
  const bySeverity = new Map<string, Metricable[]>();
  for (const incident of incidents) if (!incident.exercise) bySeverity.set(incident.severity, [...(bySeverity.get(incident.severity) ?? []), incident]);
  return [...bySeverity.entries()]
    .sort(([a], [b]) => bySeverityRank(scheme)(a, b))
    .map(([severity, group]) => {
      let met = 0;
      let of = 0;
      const target = levelOrLeast(severity, scheme).responseTargetMinutes;
      for (const incident of group) {
        const verdict = targetVerdict(incident, target, new Date(now).toISOString());
        if (verdict === 'pending') continue;
        of += 1;
        if (verdict === 'met') met += 1;
      }
      const spans = group.map((incident) => new Map(responseSpans(incident).map((s) => [s.id, s.minutes])));
      const meanMinutes = Object.fromEntries(RESPONSE_METRICS.map((id) => [id, mean(spans.map((s) => s.get(id) ?? null))])) as Record<ResponseMetricId, number | null>;
      return { severity, incidents: group.length, meanMinutes, withinResponseTarget: { met, of } };
    });
}

export interface MonthlyFrequency {
  /** `YYYY-MM` (UTC), oldest first, every month of the range, empty ones too. */
  months: string[];
  /** Severities present, by rank. */
  severities: string[];
  /** counts[month][severity]. */
  counts: Record<string, Record<string, number>>;
}

/** At most this many months are charted: a stray old (or hostile) date must not draw decades. */
export const MAX_MONTHS = 36;

const monthOf = (ms: number): string => new Date(ms).toISOString().slice(0, 7);

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return monthOf(Date.UTC(y, m - 1 + n, 1));
}

/**
 * How many incidents started each month (UTC), per severity: from the period's first month (or
 * the oldest incident's, for all time) to the current month, at most the last MAX_MONTHS.
 */
export function frequencyByMonth(incidents: readonly Metricable[], scheme: SeverityScheme, filter: MetricsFilter, now: number): MonthlyFrequency {
  const kept = selectIncidents(incidents, filter, now);
  const starts = kept.map((i) => Date.parse(incidentStart(i))).filter(Number.isFinite);
  const days = PERIOD_DAYS[filter.period];
  const last = monthOf(Math.max(now, ...starts));
  const oldest = days === null ? monthOf(Math.min(now, ...starts)) : monthOf(now - days * 24 * 3_600_000);
  const earliestShown = addMonths(last, 1 - MAX_MONTHS);
  const months: string[] = [];
  for (let month = oldest > earliestShown ? oldest : earliestShown; month <= last; month = addMonths(month, 1)) months.push(month);
  const counts: Record<string, Record<string, number>> = Object.fromEntries(months.map((m) => [m, {}]));
  const severities = new Set<string>();
  for (const incident of kept) {
    const row = counts[monthOf(Date.parse(incidentStart(incident)))];
    if (!row) continue;
    row[incident.severity] = (row[incident.severity] ?? 0) + 1;
    severities.add(incident.severity);
  }
  return { months, severities: [...severities].sort(bySeverityRank(scheme)), counts };
}

/** Action items of real incidents: done of committed, and how many are past their due date. */
export function actionCompletion(
  actions: readonly { incident: string; status: string; dueDate: string | null }[],
  exerciseIncidents: ReadonlySet<string>,
  today: string,
): ActionCompletion {
  const real = actions.filter((a) => !exerciseIncidents.has(a.incident));
  const committed = real.filter((a) => a.status !== 'wont-do');
  return {
    done: committed.filter((a) => a.status === 'done').length,
    committed: committed.length,
    overdue: committed.filter((a) => a.status !== 'done' && a.dueDate !== null && a.dueDate < today).length,
  };
}
