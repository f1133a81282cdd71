import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportIncident, type ExportFormat } from '../../../../electron/cli/exportIncident.ts';
import { P1_P4_SCHEME } from '../../../../shared/domain/severity.ts';
import { postmortemDocument } from '../../../../shared/postmortem/exportBundle.ts';
import { createOp, type OpIntent, type Op, foldOps } from '../../../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../../../shared/ops/createOp.ts';
import { incidentsOf } from '../../../../shared/entities/incidentsOf.ts';
import { exportIncidentTimeline } from '../../../../shared/timeline/exportIncident.ts';
import { putFormat, putSegment } from '../../support/archiveFolder.ts';

const DEVICE = 'fedcba9876543210';
const GENERATED = '2026-11-23T12:00:00.000Z';
const T = Date.UTC(2026, 10, 23, 8, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warroom-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function history(): Op[] {
  let state: DeviceState = freshDeviceState(DEVICE);
  const intents: OpIntent[] = [
    { actor: 'Ana', incident: 'inc-pool01', kind: 'incident.declare', data: { title: 'Connection pool exhausted', severity: 'P1', type: 'availability', declaredAt: iso(T), ref: 'INC-2026-ZVEB-0007' } },
    { actor: 'Ana', incident: 'inc-pool01', kind: 'entry.add', data: { entry: 'ent-000001', fields: { text: 'Pool at 100% | queue growing', kind: 'finding', eventAt: iso(T + 60_000), pinned: true, tags: [] } } },
    { actor: 'Ben', incident: 'inc-pool01', kind: 'entry.add', data: { entry: 'ent-000002', fields: { text: 'Raised max connections', kind: 'action', eventAt: iso(T + 120_000), pinned: false, tags: [] } } },
    { actor: 'Ana', incident: 'inc-disk01', kind: 'incident.declare', data: { title: 'Disk full on db-3', severity: 'P2', type: 'infrastructure', declaredAt: iso(T + 1000) } },
    { actor: 'Ben', incident: 'inc-pool01', kind: 'postmortem.set', data: { section: 'root-cause', text: 'Pool size was left at the default of 10.', base: null } },
  ];
  return intents.map((intent, i) => {
    const made = createOp(state, intent, T + i);
    state = made.state;
    return made.op;
  });
}

const segmentFile = (last: number) => join(dir, 'warroom', 'v1', 'ops', DEVICE, `000000000001-${String(last).padStart(12, '0')}.jsonl`);

async function writeArchive(lines: string[]): Promise<void> {
  await putFormat(dir);
  await putSegment(dir, DEVICE, 1, lines.length, lines.map((l) => `${l}\n`).join(''));
}

async function run(incident: string | null, format: ExportFormat = 'timeline') {
  let out = '';
  const err: string[] = [];
  const code = await exportIncident(dir, incident, format, (text) => (out += text), (line) => err.push(line), undefined, () => GENERATED);
  return { code, out, err };
}

describe('warroom export', () => {
  it('the post-mortem judges the response target by the archive’s severity scheme, as the app does', async () => {
    let state: DeviceState = freshDeviceState(DEVICE);
    const intents: OpIntent[] = [
      { actor: 'Ana', incident: null, kind: 'settings.severity-scheme', data: { scheme: P1_P4_SCHEME } },
      { actor: 'Ana', incident: 'inc-pool01', kind: 'incident.declare', data: { title: 'Connection pool exhausted', severity: 'P1', type: 'availability', declaredAt: iso(T), acknowledgedAt: iso(T + 30 * 60_000) } },
    ];
    const ops = intents.map((intent, i) => {
      const made = createOp(state, intent, T + i);
      state = made.state;
      return made.op;
    });
    await writeArchive(ops.map((op) => JSON.stringify(op)));
    const { out } = await run('inc-pool01', 'postmortem');
    // P1 of the P1–P4 scheme answers within 15 min (the default scheme's P1: 60 min, which 30 min would meet).
    expect(out).toMatch(/\| Within response target \| Declared, 2026-11-23 08:00 UTC \| Acknowledged, 2026-11-23 08:30 UTC \| missed \(P1 target: 15 min\) \|/);
  });

  it('prints the timeline the app exports for the same ops, in Markdown and CSV', async () => {
    const ops = history();
    await writeArchive(ops.map((op) => JSON.stringify(op)));
    const expected = incidentsOf(foldOps(ops)).find((i) => i.incident.id === 'inc-pool01')!;
    const markdown = await run('inc-pool01', 'timeline');
    expect(markdown.code).toBe(0);
    expect(markdown.out).toBe(exportIncidentTimeline(expected.incident, expected.entries, 'markdown'));
    expect(markdown.out).toContain('Connection pool exhausted');
    expect(markdown.out).toContain('Pool at 100% \\| queue growing');
    expect(markdown.out).toContain('Raised max connections');
    const csv = await run('inc-pool01', 'csv');
    expect(csv.out).toBe(exportIncidentTimeline(expected.incident, expected.entries, 'csv'));
  });

  it('prints the post-mortem the app exports by default: same document for the same ops', async () => {
    const ops = history();
    await writeArchive(ops.map((op) => JSON.stringify(op)));
    const bundle = incidentsOf(foldOps(ops)).find((i) => i.incident.id === 'inc-pool01')!;
    const { code, out } = await run('inc-pool01', 'postmortem');
    expect(code).toBe(0);
    expect(out).toBe(postmortemDocument(bundle, { generatedAt: GENERATED }));
    expect(out).toContain('Pool size was left at the default of 10.');
    expect(out).toContain('## Root Cause');
  });

  it('lists the incidents when none is named', async () => {
    await writeArchive(history().map((op) => JSON.stringify(op)));
    const { code, out } = await run(null);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toEqual(['inc-pool01\tINC-2026-ZVEB-0007\tP1\tinvestigating\t2 entries\tConnection pool exhausted', 'inc-disk01\t-\tP2\tinvestigating\t0 entries\tDisk full on db-3']);
  });

  it('finds an incident by its readable id too', async () => {
    await writeArchive(history().map((op) => JSON.stringify(op)));
    const byRef = await run('INC-2026-ZVEB-0007', 'timeline');
    expect(byRef.code).toBe(0);
    expect(byRef.out).toBe((await run('inc-pool01', 'timeline')).out);
    expect(byRef.out).toContain('- **Incident:** INC-2026-ZVEB-0007');
  });

  it('leaves out a tampered op, says so, and exports the rest', async () => {
    const ops = history();
    const tampered = { ...ops[2]!, data: { ...ops[2]!.data, fields: { ...(ops[2]!.data as { fields: object }).fields, text: 'Nothing happened' } } };
    await writeArchive([ops[0], ops[1], tampered, ops[3]].map((op) => JSON.stringify(op)));
    const { code, out, err } = await run('inc-pool01');
    expect(code).toBe(0);
    expect(out).not.toContain('Nothing happened');
    expect(out).toContain('Pool at 100%');
    expect(err).toEqual([expect.stringMatching(new RegExp(`^skipped ${segmentFile(4)}:3: hash mismatch`))]);
  });

  it('names an unknown incident and an absent archive clearly', async () => {
    await expect(run('inc-nothere')).rejects.toThrow(/not a War Room archive/);
    await writeArchive(history().map((op) => JSON.stringify(op)));
    const missing = await run('inc-nothere');
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toContain('no incident inc-nothere');
  });
});
