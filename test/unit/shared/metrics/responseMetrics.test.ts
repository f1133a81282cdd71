import { describe, expect, it } from 'vitest';
import { formatSpan, responseSpans, targetVerdict, type TimedIncident } from '../../../../shared/metrics/responseMetrics.ts';

const T = Date.UTC(2026, 10, 1, 9, 0, 0);
const at = (minutes: number) => new Date(T + minutes * 60_000).toISOString();
const times = (patch: Partial<TimedIncident>): TimedIncident => ({ onsetAt: null, detectedAt: null, declaredAt: at(0), acknowledgedAt: null, mitigatedAt: null, resolvedAt: null, ...patch });
const minutes = (incident: TimedIncident) => Object.fromEntries(responseSpans(incident).map((s) => [s.id, s.minutes]));

describe('response spans', () => {
  it('detect runs onset → detection; the others detection → acknowledged / mitigated / resolved', () => {
    const spans = responseSpans(times({ onsetAt: at(-30), detectedAt: at(-20), acknowledgedAt: at(0), mitigatedAt: at(25), resolvedAt: at(70) }));
    expect(spans.map((s) => [s.label, s.fromLabel, s.toLabel, s.minutes])).toEqual([
      ['Time to detect', 'Impact began', 'Detected', 10],
      ['Time to acknowledge', 'Detected', 'Acknowledged', 20],
      ['Time to mitigate', 'Detected', 'Mitigated', 45],
      ['Time to resolve', 'Detected', 'Resolved', 90],
    ]);
  });

  it('without a detection time every span counts from the declaration, and says so', () => {
    const spans = responseSpans(times({ onsetAt: at(-5), acknowledgedAt: at(3) }));
    expect(spans.map((s) => [s.fromLabel, s.toLabel, s.minutes])).toEqual([
      ['Impact began', 'Declared', 5],
      ['Declared', 'Acknowledged', 3],
      ['Declared', 'Mitigated', null],
      ['Declared', 'Resolved', null],
    ]);
  });

  it('no onset recorded: time to detect is not measured (never guessed from declaration)', () => {
    expect(minutes(times({ detectedAt: at(-20) })).detect).toBeNull();
  });

  it('times out of order are not measured rather than counted as zero', () => {
    expect(minutes(times({ detectedAt: at(10), acknowledgedAt: at(5), onsetAt: at(12) }))).toMatchObject({ detect: null, acknowledge: null });
  });

  it('another clock (an exercise’s scenario minutes) measures the same spans, to the second', () => {
    // A clock at 3× whose minutes carry float noise: 20 real min read 60 scenario min, not 59.99….
    const scenario = (iso: string) => ((Date.parse(iso) - T) / 60_000) * 3 + 0.1;
    expect(minutes(times({ detectedAt: at(0), acknowledgedAt: at(20) }))).toMatchObject({ acknowledge: 20 });
    expect(Object.fromEntries(responseSpans(times({ detectedAt: at(0), acknowledgedAt: at(20) }), scenario).map((s) => [s.id, s.minutes]))).toMatchObject({ acknowledge: 60 });
  });

  it('formats whole minutes, truncated, as the post-mortem always has', () => {
    expect([null, -1, 0.5, 20, 20.9, 90, 125, 24 * 60 + 61].map(formatSpan)).toEqual(['not measured', 'not measured', 'under 1 min', '20 min', '20 min', '1 h 30 min', '2 h 05 min', '1 d 1 h 01 min']);
  });

  it('within target: acknowledged within the target of detection (exactly at it meets it); unacknowledged, pending until it passes, then missed', () => {
    const detected = { detectedAt: at(-20) };
    expect(targetVerdict(times({ ...detected, acknowledgedAt: at(40) }), 60, at(90))).toBe('met');
    expect(targetVerdict(times({ ...detected, acknowledgedAt: at(41) }), 60, at(90))).toBe('missed');
    expect(targetVerdict(times(detected), 60, at(40))).toBe('pending');
    expect(targetVerdict(times(detected), 60, at(41))).toBe('missed');
    // No detection time: from the declaration.
    expect(targetVerdict(times({ acknowledgedAt: at(60) }), 60, at(90))).toBe('met');
  });
});
