/**
 * The one definition of each response metric. The Metrics page (means over incidents), the
 * post-mortem (one incident, page and export) and an exercise's after-action report all read
 * their spans from `responseSpans`, so the same incident gives the same numbers everywhere:
 *
 * - time to detect: onset (impact began, `onsetAt`) → detection; not measured when no onset is
 *   recorded (War Room never guesses when a fault began);
 * - time to acknowledge: detection → acknowledged;
 * - time to mitigate: detection → mitigated;
 * - time to resolve: detection → resolved.
 *
 * "Detection" is the detected time, or the declared time when no detection time is recorded (as
 * the board's clocks count); the span then says "Declared", so nobody mistakes one for the other.
 * A span lacking either end, or whose end is before its start (times entered out of order), is
 * not measured: it is left out of means, never counted as zero.
 *
 * Within response target (`targetVerdict`): acknowledged within the level's response target of
 * detection (exactly at the target meets it); not yet acknowledged, it is pending until the
 * target passes, then missed. The Metrics page's share is met of met + missed.
 */
import { incidentStart, type IncidentFields } from '../domain/incident.ts';

export const RESPONSE_METRICS = ['detect', 'acknowledge', 'mitigate', 'resolve'] as const;
export type ResponseMetricId = (typeof RESPONSE_METRICS)[number];

export const RESPONSE_METRIC_LABELS: Record<ResponseMetricId, string> = {
  detect: 'Time to detect',
  acknowledge: 'Time to acknowledge',
  mitigate: 'Time to mitigate',
  resolve: 'Time to resolve',
};

export type TimedIncident = Pick<IncidentFields, 'onsetAt' | 'detectedAt' | 'declaredAt' | 'acknowledgedAt' | 'mitigatedAt' | 'resolvedAt'>;

export interface ResponseSpan {
  id: ResponseMetricId;
  label: string;
  /** What the span is counted from and to, in words, and the times themselves (null: not recorded). */
  fromLabel: string;
  from: string | null;
  toLabel: string;
  to: string | null;
  /** Minutes (whole seconds kept), or null when not measured. */
  minutes: number | null;
}

/** Minutes on some clock for a recorded time: real time by default; an exercise reads its scenario clock. */
export type MinutesAt = (iso: string) => number | null;

const realMinutes: MinutesAt = (iso) => {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms / 60_000 : null;
};

/** `Detected`, or `Declared` when no detection time is recorded (what the spans then count from). */
export function detectionLabel(incident: Pick<IncidentFields, 'detectedAt'>): 'Detected' | 'Declared' {
  return incident.detectedAt === null ? 'Declared' : 'Detected';
}

/** Signed minutes from → to, rounded to the second: float clock arithmetic must not turn 20 min into 19.99…. */
function elapsed(from: string, to: string, minutesAt: MinutesAt): number | null {
  const start = minutesAt(from);
  const end = minutesAt(to);
  return start === null || end === null ? null : Math.round((end - start) * 60) / 60;
}

function span(from: string | null, to: string | null, minutesAt: MinutesAt): number | null {
  const minutes = from === null || to === null ? null : elapsed(from, to, minutesAt);
  return minutes === null || minutes < 0 ? null : minutes;
}

/** Time to resolve alone (a resolution notice's duration): the same span responseSpans gives. */
export function timeToResolve(incident: Pick<TimedIncident, 'detectedAt' | 'declaredAt' | 'resolvedAt'>): number | null {
  return span(incidentStart(incident), incident.resolvedAt, realMinutes);
}

export type TargetVerdict = 'met' | 'missed' | 'pending';

/** Whether the incident was acknowledged within `targetMinutes` of detection, as of `now`. */
export function targetVerdict(incident: TimedIncident, targetMinutes: number, now: string, minutesAt: MinutesAt = realMinutes): TargetVerdict {
  const minutes = elapsed(incidentStart(incident), incident.acknowledgedAt ?? now, minutesAt);
  if (minutes === null) return 'pending';
  if (incident.acknowledgedAt !== null) return minutes <= targetMinutes ? 'met' : 'missed';
  return minutes <= targetMinutes ? 'pending' : 'missed';
}

export function responseSpans(incident: TimedIncident, minutesAt: MinutesAt = realMinutes): ResponseSpan[] {
  const detected = incidentStart(incident);
  const detectedLabel = detectionLabel(incident);
  const make = (id: ResponseMetricId, fromLabel: string, from: string | null, toLabel: string, to: string | null): ResponseSpan => ({
    id,
    label: RESPONSE_METRIC_LABELS[id],
    fromLabel,
    from,
    toLabel,
    to,
    minutes: span(from, to, minutesAt),
  });
  return [
    make('detect', 'Impact began', incident.onsetAt, detectedLabel, detected),
    make('acknowledge', detectedLabel, detected, 'Acknowledged', incident.acknowledgedAt),
    make('mitigate', detectedLabel, detected, 'Mitigated', incident.mitigatedAt),
    make('resolve', detectedLabel, detected, 'Resolved', incident.resolvedAt),
  ];
}

export const NOT_MEASURED = 'not measured';

/**
 * A duration as every place shows it: whole minutes, truncated — `45 min`, `2 h 05 min`,
 * `1 d 3 h 00 min`, `under 1 min`; null or negative → "not measured".
 */
export function formatSpan(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes) || minutes < 0) return NOT_MEASURED;
  const total = Math.floor(minutes + 1e-9);
  if (total === 0) return 'under 1 min';
  const days = Math.floor(total / (24 * 60));
  const hours = Math.floor(total / 60) % 24;
  const rest = total % 60;
  if (days === 0 && hours === 0) return `${rest} min`;
  const mm = String(rest).padStart(2, '0');
  return days === 0 ? `${hours} h ${mm} min` : `${days} d ${hours} h ${mm} min`;
}
