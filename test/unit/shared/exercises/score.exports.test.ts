import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportIncident, type ExportFormat } from '../../../../electron/cli/exportIncident.ts';
import { BUILT_IN_SCENARIOS } from '../../../../shared/exercises/builtins.ts';
import { afterActionReport, EXERCISE_BANNER, scoreRun } from '../../../../shared/exercises/score.ts';
import { P0_P3_SCHEME } from '../../../../shared/domain/severity.ts';
import { metricsBySeverity } from '../../../../shared/metrics/incidentMetrics.ts';
import { createOp, type OpIntent, type Op, foldOps } from '../../../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../../../shared/ops/createOp.ts';
import { postmortemDocument } from '../../../../shared/postmortem/exportBundle.ts';
import { incidentsOf } from '../../../../shared/entities/incidentsOf.ts';
import { exportIncidentTimeline } from '../../../../shared/timeline/exportIncident.ts';

/** "Marked in every export": each way an incident leaves the app says EXERCISE, and only for an exercise. */
const DEVICE = '0123456789abcdef';
const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const POOL = BUILT_IN_SCENARIOS.find((s) => s.id === 'db-connection-pool-exhausted')!;

function history(): Op[] {
  let state: DeviceState = freshDeviceState(DEVICE);
  const declare = (incident: string, title: string, exercise: boolean): OpIntent => ({
    actor: 'Fran', incident, kind: 'incident.declare', data: { title, severity: 'P1', type: 'performance', declaredAt: iso(T), detectedAt: iso(T), exercise },
  });
  const line = (incident: string, entry: string, text: string): OpIntent => ({
    actor: 'Fran', incident, kind: 'entry.add', data: { entry, fields: { text, kind: 'inject', eventAt: iso(T + 60_000), pinned: true, tags: [] } },
  });
  const intents: OpIntent[] = [
    declare('inc-drill01', 'Exercise: Database connection pool exhausted', true),
    { actor: 'Fran', incident: 'inc-drill01', kind: 'exercise.start', data: { scenario: POOL } },
    line('inc-drill01', 'ent-000001', 'Alert: Error rate above 5%'),
    declare('inc-real01', 'Checkout errors', false),
    line('inc-real01', 'ent-000002', 'Rolled back'),
  ];
  return intents.map((intent, i) => {
    const made = createOp(state, intent, T + i);
    state = made.state;
    return made.op;
  });
}

const ops = history();
const bundles = incidentsOf(foldOps(ops));
const drill = bundles.find((b) => b.incident.id === 'inc-drill01')!;
const real = bundles.find((b) => b.incident.id === 'inc-real01')!;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warroom-exercise-export-'));
  const folder = join(dir, 'warroom', 'v1', 'ops', DEVICE);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, `000000000001-${String(ops.length).padStart(12, '0')}.jsonl`), ops.map((op) => `${JSON.stringify(op)}\n`).join(''));
  await writeFile(join(dir, 'warroom', 'format.json'), `${JSON.stringify({ format: 'warroom-sync', version: 1 })}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(incident: string, format: ExportFormat): Promise<string> {
  let out = '';
  const code = await exportIncident(dir, incident, format, (text) => (out += text), () => undefined, undefined, () => iso(T));
  expect(code).toBe(0);
  return out;
}

describe('an exercise is marked in every export', () => {
  it('timeline Markdown opens with the banner and says so in its facts', () => {
    const markdown = exportIncidentTimeline(drill.incident, drill.entries, 'markdown');
    expect(markdown.split('\n')[0]).toBe(EXERCISE_BANNER);
    expect(markdown).toContain('- **Exercise:** yes — a rehearsal, not a real incident');
    expect(exportIncidentTimeline(real.incident, real.entries, 'markdown')).not.toMatch(/EXERCISE|Exercise/);
  });

  it('timeline CSV says exercise=true on every row (false for a real incident)', () => {
    const rows = (csv: string) => csv.trimEnd().split('\r\n').map((row) => row.split(','));
    const [header, ...body] = rows(exportIncidentTimeline(drill.incident, drill.entries, 'csv'));
    const column = header!.indexOf('exercise');
    expect(column).toBeGreaterThan(0);
    expect(body.length).toBeGreaterThan(0);
    expect(body.every((row) => row[column] === 'true')).toBe(true);
    expect(rows(exportIncidentTimeline(real.incident, real.entries, 'csv')).slice(1).every((row) => row[column] === 'false')).toBe(true);
  });

  it('the post-mortem and the after-action report say EXERCISE', () => {
    expect(postmortemDocument(drill, { generatedAt: iso(T) })).toContain('**EXERCISE**');
    expect(postmortemDocument(real, { generatedAt: iso(T) })).not.toContain('EXERCISE');
    const report = afterActionReport(POOL, scoreRun(POOL, { events: [], manualMet: new Set(), endedAtScenarioMinutes: 30 }, 15));
    expect(report.split('\n')[0]).toBe(EXERCISE_BANNER);
  });

  it('the CLI export of the sync archive carries the same marks', async () => {
    expect((await cli('inc-drill01', 'timeline')).split('\n')[0]).toBe(EXERCISE_BANNER);
    expect(await cli('inc-drill01', 'postmortem')).toContain('**EXERCISE**');
    expect((await cli('inc-drill01', 'csv')).split('\r\n')[1]!.endsWith(',true,inc-drill01')).toBe(true);
  });

  it('metrics count only the real incident', () => {
    const rows = metricsBySeverity(bundles.map((b) => b.incident), P0_P3_SCHEME, T + 3_600_000);
    expect(rows.map((row) => [row.severity, row.incidents])).toEqual([['P1', 1]]);
  });
});
