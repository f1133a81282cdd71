import { describe, expect, it } from 'vitest';
import type { WarRoomDb } from '../../../renderer/db/database.ts';
import { getIncident, listEntries } from '../../../renderer/db/queries.ts';
import { loadExerciseData, reportMarkdown, standingOf } from '../../../renderer/features/exercises/afterAction.ts';
import { pressClock, startExercise } from '../../../renderer/features/exercises/exerciseActions.ts';
import { declareIncident } from '../../../renderer/features/incidents/declare.ts';
import { acknowledge, setKeyTime, type KeyTime } from '../../../renderer/features/incidents/lifecycle.ts';
import { P0_P3_SCHEME } from '../../../shared/domain/severity.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { BUILT_IN_SCENARIOS } from '../../../shared/exercises/builtins.ts';
import { metricsBySeverity } from '../../../shared/metrics/incidentMetrics.ts';
import { postmortemDocument } from '../../../shared/postmortem/exportBundle.ts';
import { placeholderValues } from '../../../shared/postmortem/facts.ts';
import { freshDb } from '../support/freshDb.ts';

/**
 * One incident, its numbers read where people read them: the Metrics page's means, the
 * post-mortem (placeholders and the exported Markdown) and an exercise's after-action report.
 */
const T0 = Date.parse('2026-11-23T09:00:00.000Z');
const at = (minutes: number) => T0 + minutes * 60_000;
const iso = (minutes: number) => new Date(at(minutes)).toISOString();

async function declared(db: WarRoomDb): Promise<IncidentView> {
  const form = { title: 'Checkout is down', severity: 'P1', type: 'availability', exercise: false, detectedAt: '', impactUser: '', impactBusiness: '', impactTechnical: '', usersAffected: '' } as const;
  const result = await declareIncident(db, 'Ana', form, T0);
  if (!('id' in result)) throw new Error(result.error);
  return (await getIncident(db, result.id))!;
}

async function setTimes(db: WarRoomDb, id: string, times: Partial<Record<KeyTime, number>>): Promise<IncidentView> {
  for (const [field, minutes] of Object.entries(times) as [KeyTime, number][]) await setKeyTime(db, (await getIncident(db, id))!, field, iso(minutes), 'Ana', at(150));
  return (await getIncident(db, id))!;
}

/** The Time column of the Markdown metrics table (post-mortem and after-action report alike). */
function markdownMetrics(markdown: string): Record<string, string> {
  const rows = markdown.split('\n').filter((line) => /^\| Time to (detect|acknowledge|mitigate|resolve) \|/.test(line));
  return Object.fromEntries(rows.map((line) => line.split(' | ')).map((cells) => [cells[0]!.slice(2), cells.at(-1)!.replace(/ \|$/, '')]));
}

describe('the response metrics agree wherever they are read', () => {
  it('detected 20 min after declaring and acknowledged 20 min later: 20 min to acknowledge on the Metrics page and in the post-mortem', async () => {
    const db = freshDb('metrics-agree');
    const { id } = await declared(db);
    await acknowledge(db, (await getIncident(db, id))!, 'Ana', at(40));
    const incident = await setTimes(db, id, { detectedAt: 20, mitigatedAt: 65, resolvedAt: 110 });

    const [row] = metricsBySeverity([incident], P0_P3_SCHEME, at(150));
    expect(row?.meanMinutes).toMatchObject({ acknowledge: 20, mitigate: 45, resolve: 90 });
    const values = placeholderValues(incident);
    expect([values['metrics.timeToAcknowledge'], values['metrics.timeToMitigate'], values['metrics.timeToResolve']]).toEqual(['20 min', '45 min', '1 h 30 min']);
    const markdown = postmortemDocument({ incident, entries: await listEntries(db, id), postmortem: null, actions: [] }, { generatedAt: iso(150) });
    expect(markdownMetrics(markdown)).toMatchObject({ 'Time to acknowledge': '20 min', 'Time to mitigate': '45 min', 'Time to resolve': '1 h 30 min' });
  });

  it('with an onset recorded, the Metrics page, the post-mortem and the after-action report of an exercise with the same times give the same four numbers', async () => {
    const expected = { 'Time to detect': '10 min', 'Time to acknowledge': '20 min', 'Time to mitigate': '45 min', 'Time to resolve': '1 h 30 min' };
    const times = { onsetAt: 10, detectedAt: 20, acknowledgedAt: 40, mitigatedAt: 65, resolvedAt: 110 };
    const db = freshDb('metrics-agree');

    const real = await setTimes(db, (await declared(db)).id, times);
    const [row] = metricsBySeverity([real], P0_P3_SCHEME, at(150));
    expect(row?.meanMinutes).toEqual({ detect: 10, acknowledge: 20, mitigate: 45, resolve: 90 });
    const realPostmortem = postmortemDocument({ incident: real, entries: [], postmortem: null, actions: [] }, { generatedAt: iso(150), scheme: P0_P3_SCHEME });
    expect(markdownMetrics(realPostmortem)).toEqual(expected);
    // Within the response target: P1 answers within 60 min of detection; 20 min is within.
    expect(row?.withinResponseTarget).toEqual({ met: 1, of: 1 });
    expect(realPostmortem).toMatch(/\| Within response target \| Detected, 2026-11-23 09:20 UTC \| Acknowledged, 2026-11-23 09:40 UTC \| met \(P1 target: 1 h 00 min\) \|/);

    // The exercise's clock runs at 1× from T0 and ends at T+120: its report reads the same spans in scenario time.
    const drill = await startExercise(db, BUILT_IN_SCENARIOS[0]!, 'Fran', T0);
    await pressClock(db, drill, 'start', 1, 0, 'Fran', T0);
    await setTimes(db, drill, times);
    await pressClock(db, drill, 'end', 1, 120, 'Fran', at(120));
    const data = (await loadExerciseData(db, drill))!;
    const report = reportMarkdown(standingOf(data, at(150)));
    expect(markdownMetrics(report)).toEqual(expected);
    expect(report).toContain('| Time to acknowledge | Detected, T+20 | Acknowledged, T+40 | 20 min |');
    // The scenario starts at P1, as the real incident: 20 min from detection is within its 60 min there too.
    expect(report).toMatch(/\| Acknowledged \(P1 response target\) \(within 60 min\) \| ✅ met \| T\+40 \|/);
    expect(markdownMetrics(postmortemDocument({ incident: data.incident, entries: [], postmortem: null, actions: [] }, { generatedAt: iso(150) }))).toEqual(expected);
  });

  it('the after-action report’s response target counts from detection, as the Metrics page does: detected T+20, acknowledged T+70 is within P1’s 60 min', async () => {
    const db = freshDb('metrics-agree');
    const drill = await startExercise(db, BUILT_IN_SCENARIOS[0]!, 'Fran', T0);
    await pressClock(db, drill, 'start', 1, 0, 'Fran', T0);
    const incident = await setTimes(db, drill, { detectedAt: 20, acknowledgedAt: 70 });
    await pressClock(db, drill, 'end', 1, 120, 'Fran', at(120));
    const report = reportMarkdown(standingOf((await loadExerciseData(db, drill))!, at(150)));
    expect(report).toMatch(/\| Acknowledged \(P1 response target\) \(within 60 min\) \| ✅ met \| T\+70 \|/);
    expect(metricsBySeverity([{ ...incident, exercise: false }], P0_P3_SCHEME, at(150))[0]?.withinResponseTarget).toEqual({ met: 1, of: 1 });
  });
});
