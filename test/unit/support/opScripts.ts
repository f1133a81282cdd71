import fc from 'fast-check';
import { ENTRY_KINDS } from '../../../shared/domain/entry.ts';
import { P0_P3_SCHEME, P1_P4_SCHEME } from '../../../shared/domain/severity.ts';
import { INCIDENT_STATUSES, INCIDENT_TYPES, PHASES, ROLES } from '../../../shared/domain/incident.ts';
import { ACTION_STATUSES, LEGACY_ACTION_PRIORITIES } from '../../../shared/domain/actionItems.ts';
import { type POSTMORTEM_SECTIONS, TIMELINE_MODES } from '../../../shared/domain/postmortem.ts';
import { createOp, type OpIntent, type Op, CHECKLIST_ITEM_STATES, type OpData } from '../../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../../shared/ops/createOp.ts';
import { receive } from '../../../shared/ops/hlc.ts';
import type { Runbook } from '../../../shared/runbooks/runbook.ts';
import { BUILT_IN_SCENARIOS } from '../../../shared/exercises/builtins.ts';
import { SPEEDS } from '../../../shared/exercises/clock.ts';
import { CLOCK_ACTIONS } from '../../../shared/exercises/clockLog.ts';

/**
 * Random but valid histories: several devices take turns making ops about a shared pool of
 * incidents and entries, sometimes "syncing" (receiving each other's clocks), with skewed clocks.
 */
export const DEVICES = ['a1a1a1a1a1a1a1a1', 'b2b2b2b2b2b2b2b2', 'c3c3c3c3c3c3c3c3'] as const;
const INCIDENTS = ['inc-aaaaaa', 'inc-bbbbbb', 'inc-cccccc'];
const ENTRIES = ['ent-000001', 'ent-000002', 'ent-000003', 'ent-000004', 'ent-000005'];
const BASE = Date.UTC(2026, 10, 23, 8, 0, 0);

/** Two runbooks sharing some item ids, so two starts of one run id disagree on content. */
export const RUNBOOKS: readonly Runbook[] = [
  {
    id: 'db-failover',
    title: 'Database failover',
    types: ['data'],
    severities: [],
    phases: [
      { phase: 'triage', items: [{ id: 'triage-1', text: 'Confirm replica lag', role: 'technical-lead' }, { id: 'triage-2', text: 'Page the DBA' }] },
      { phase: 'containment', items: [{ id: 'contain-1', text: 'Freeze deploys', note: 'Announce in #ops' }, { id: 'contain-2', text: 'Promote the replica' }] },
    ],
  },
  {
    id: 'status-page',
    title: 'Status page',
    types: [],
    severities: ['P0', 'P1'],
    phases: [
      { phase: 'detection', items: [{ id: 'triage-1', text: 'Post a first notice', role: 'communications-lead' }] },
      { phase: 'recovery', items: [{ id: 'recover-1', text: 'Post the all-clear' }] },
    ],
  },
];
export const RUNS = ['run-000001', 'run-000002'];
/** Every item id of both runbooks, plus one neither has (kept by the fold, ignored by the view). */
export const CHECKLIST_ITEMS = ['triage-1', 'triage-2', 'contain-1', 'contain-2', 'recover-1', 'ghost-1'];

/** Checklist ops only: starts, checks, unchecks, skips and assignments over a few runs. */
export const checklistIntentArb: fc.Arbitrary<OpIntent> = fc.oneof(
  fc.record({
    incident: fc.constantFrom(...INCIDENTS),
    run: fc.constantFrom(...RUNS),
    runbook: fc.constantFrom(...RUNBOOKS),
  }).map(({ incident, run, runbook }) => ({
    actor: 'Hal', incident, kind: 'checklist.start' as const, data: { run, runbook },
  })),
  {
    arbitrary: fc.record({
      incident: fc.constantFrom(...INCIDENTS),
      run: fc.constantFrom(...RUNS),
      item: fc.constantFrom(...CHECKLIST_ITEMS),
      state: fc.constantFrom(...CHECKLIST_ITEM_STATES),
      reason: fc.option(fc.constantFrom('not applicable', 'done by the vendor', 'no replica'), { nil: undefined }),
      actor: fc.constantFrom('Ana', 'Ben', 'Cy'),
    }).map(({ incident, run, item, state, reason, actor }) => ({
      actor, incident, kind: 'checklist.set' as const,
      data: { run, item, state, ...(state === 'skipped' ? { reason: reason ?? 'not needed' } : reason ? { reason } : {}) },
    })),
    weight: 3,
  },
  fc.record({
    incident: fc.constantFrom(...INCIDENTS),
    run: fc.constantFrom(...RUNS),
    item: fc.constantFrom(...CHECKLIST_ITEMS),
    assignee: fc.option(fc.constantFrom('Ana', 'Ben', 'scribe', ' technical-lead '), { nil: null }),
  }).map(({ incident, run, item, assignee }) => ({
    actor: 'Ida', incident, kind: 'checklist.assign' as const, data: { run, item, assignee },
  })),
);

/** A few sections only, so concurrent edits of one section are common. */
export const PM_SECTIONS = ['summary', 'root-cause', 'metrics'] as const satisfies readonly (typeof POSTMORTEM_SECTIONS)[number][];
export const ACTIONS = ['act-000001', 'act-000002', 'act-000003'];

/**
 * A placeholder `base` for postmortem.set: buildHistory swaps it for the hash of an earlier
 * write of the same section (the pick-th latest), or null for pick 0. Pick 7 stays as it is:
 * a base this history never wrote (an op not received yet), which the fold must tolerate.
 */
const BASE_PICK = 'f'.repeat(63);
const basePick = (pick: number) => `${BASE_PICK}${pick.toString(16)}`;

/** Post-mortem and action-item ops: section edits from recent or stale bases, templates, items. */
export const postmortemIntentArb: fc.Arbitrary<OpIntent> = fc.oneof(
  {
    arbitrary: fc.record({
      incident: fc.constantFrom(...INCIDENTS),
      section: fc.constantFrom(...PM_SECTIONS),
      // Few texts, so a later edit often writes a loser's words again (a restore).
      text: fc.oneof(fc.constantFrom('', 'Rolled back', 'A bad deploy'), fc.string({ maxLength: 20 })),
      pick: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.constant(1), fc.constant(7)),
      resolves: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 4 }),
      actor: fc.constantFrom('Ana', 'Ben', 'Cy'),
    }).map(({ incident, section, text, pick, resolves, actor }) => ({
      actor, incident, kind: 'postmortem.set' as const,
      data: { section, text, base: basePick(pick), ...(resolves ? { resolves: resolves.map(basePick) } : {}) },
    })),
    weight: 4,
  },
  fc.record({ incident: fc.constantFrom(...INCIDENTS), template: fc.constantFrom('default-10-3', 'short-form', 'security') }).map(({ incident, template }) => ({
    actor: 'Jo', incident, kind: 'postmortem.template' as const, data: { template },
  })),
  fc.record({ incident: fc.constantFrom(...INCIDENTS), mode: fc.constantFrom(...TIMELINE_MODES) }).map(({ incident, mode }) => ({
    actor: 'Jo', incident, kind: 'postmortem.timeline' as const, data: { mode },
  })),
  {
    arbitrary: fc.record({
      incident: fc.constantFrom(...INCIDENTS),
      action: fc.constantFrom(...ACTIONS),
      description: fc.constantFrom('Add an alert on replica lag', 'Write the failover runbook', '  Rotate the keys  '),
      owner: fc.option(fc.constantFrom('Ana', 'platform team'), { nil: null }),
      // An older laptop's P0–P3 or a named priority on the team's scale.
      priority: fc.oneof(fc.record({ priority: fc.constantFrom(...LEGACY_ACTION_PRIORITIES) }), fc.record({ priorityName: fc.constantFrom('High', 'Medium', 'Low', 'Sev 1') })),
      dueDate: fc.option(fc.constantFrom('2026-12-01', '2026-12-15', '2027-01-10'), { nil: null }),
      fromEntry: fc.option(fc.constantFrom(...ENTRIES), { nil: null }),
    }).map(({ incident, action, priority, ...fields }) => ({
      actor: 'Kim', incident, kind: 'action.create' as const, data: { action, fields: { ...fields, ...priority, status: 'open' as const } },
    })),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      incident: fc.constantFrom(...INCIDENTS),
      action: fc.constantFrom(...ACTIONS),
      fields: fc.record(
        {
          description: fc.constantFrom('Alert on lag > 30 s', 'Automate failover'),
          owner: fc.option(fc.constantFrom('Ben', 'sre'), { nil: null }),
          priority: fc.constantFrom(...LEGACY_ACTION_PRIORITIES),
          priorityName: fc.constantFrom('High', 'Low'),
          dueDate: fc.option(fc.constantFrom('2026-11-30', '2027-02-01'), { nil: null }),
          status: fc.constantFrom(...ACTION_STATUSES),
        },
        { requiredKeys: [] },
      ).filter((fields) => Object.keys(fields).length > 0),
      actor: fc.constantFrom('Ana', 'Ben'),
    }).map(({ incident, action, fields, actor }) => ({
      actor, incident, kind: 'action.set' as const, data: { action, fields },
    })),
    weight: 2,
  },
);

/**
 * The placeholder hashes of a scripted postmortem.set (its base, the conflicts it resolves),
 * made real against the ops written so far; a resolve that names nothing is left out.
 */
function resolveBase(intent: OpIntent, earlier: readonly Op[]): OpIntent {
  if (intent.kind !== 'postmortem.set') return intent;
  const data = intent.data as OpData<'postmortem.set'>;
  const writes = earlier.filter((op) => op.kind === 'postmortem.set' && op.incident === intent.incident && op.data.section === data.section);
  const real = (hash: string): string | null => {
    if (!hash.startsWith(BASE_PICK)) return hash;
    const pick = Number.parseInt(hash.slice(BASE_PICK.length), 16);
    if (pick === 7) return hash;
    return pick === 0 ? null : (writes[writes.length - pick]?.hash ?? null);
  };
  const { resolves, ...rest } = data;
  const settled = [...new Set((resolves ?? []).map(real).filter((hash) => hash !== null))];
  return { ...intent, data: { ...rest, base: data.base === null ? null : real(data.base), ...(settled.length > 0 ? { resolves: settled } : {}) } };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Exercise ops: two scenarios for one incident (the earliest start wins), clock presses, deliveries, manual ticks. */
export const exerciseIntentArb: fc.Arbitrary<OpIntent> = fc.oneof(
  fc.record({ incident: fc.constantFrom(...INCIDENTS), scenario: fc.constantFrom(...BUILT_IN_SCENARIOS.slice(0, 2)) }).map(({ incident, scenario }) => ({
    actor: 'Lu', incident, kind: 'exercise.start' as const, data: { scenario },
  })),
  {
    arbitrary: fc.record({
      incident: fc.constantFrom(...INCIDENTS),
      action: fc.constantFrom(...CLOCK_ACTIONS),
      minute: fc.integer({ min: 0, max: 120 }),
      speed: fc.constantFrom(...SPEEDS),
    }).map(({ incident, action, minute, speed }) => ({
      actor: 'Lu', incident, kind: 'exercise.clock' as const, data: { action, at: BASE + minute * 60_000, speed },
    })),
    weight: 3,
  },
  fc.record({
    incident: fc.constantFrom(...INCIDENTS),
    inject: fc.constantFrom(...BUILT_IN_SCENARIOS[0]!.injects.slice(0, 3)),
    entry: fc.constantFrom(...ENTRIES),
    adhoc: fc.boolean(),
  }).map(({ incident, inject, entry, adhoc }) => ({
    actor: 'Lu', incident, kind: 'exercise.inject' as const, data: { inject, entry, adhoc },
  })),
  fc.record({ incident: fc.constantFrom(...INCIDENTS), expected: fc.constantFrom('expect-1', 'expect-4', 'debrief'), met: fc.boolean() }).map(({ incident, expected, met }) => ({
    actor: 'Lu', incident, kind: 'exercise.manual' as const, data: { expected, met },
  })),
);

const intentArb: fc.Arbitrary<OpIntent> = fc.oneof(
  fc.record({
    incident: fc.constantFrom(...INCIDENTS),
    title: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
    severity: fc.constantFrom('P0', 'P1', 'P2', 'P3'),
    type: fc.constantFrom(...INCIDENT_TYPES),
  }).map(({ incident, title, severity, type }) => ({
    actor: 'Ana', incident, kind: 'incident.declare' as const,
    data: { title, severity, type, declaredAt: iso(BASE) },
  })),
  fc.record({
    incident: fc.constantFrom(...INCIDENTS),
    status: fc.constantFrom(...INCIDENT_STATUSES),
    phase: fc.option(fc.constantFrom(...PHASES), { nil: undefined }),
    severity: fc.option(fc.constantFrom('P0', 'P1', 'P2', 'P3'), { nil: undefined }),
  }).map(({ incident, status, phase, severity }) => ({
    actor: 'Ben', incident, kind: 'incident.set' as const,
    data: { fields: { status, ...(phase ? { phase } : {}), ...(severity ? { severity } : {}) } },
  })),
  fc.constantFrom(P0_P3_SCHEME, P1_P4_SCHEME).map((scheme) => ({
    actor: 'Gus', incident: null, kind: 'settings.severity-scheme' as const, data: { scheme },
  })),
  fc.record({
    incident: fc.constantFrom(...INCIDENTS),
    role: fc.constantFrom(...ROLES),
    person: fc.option(fc.constantFrom('Ana', 'Ben', 'Cy'), { nil: null }),
  }).map(({ incident, role, person }) => ({
    actor: 'Fay', incident, kind: 'incident.assign' as const, data: { role, person },
  })),
  fc.record({
    incident: fc.constantFrom(...INCIDENTS),
    entry: fc.constantFrom(...ENTRIES),
    text: fc.string({ minLength: 1, maxLength: 30 }),
    kind: fc.constantFrom(...ENTRY_KINDS),
    minute: fc.integer({ min: 0, max: 600 }),
  }).map(({ incident, entry, text, kind, minute }) => ({
    actor: 'Cy', incident, kind: 'entry.add' as const,
    data: { entry, fields: { text, kind, eventAt: iso(BASE + minute * 60_000), pinned: false, tags: [] } },
  })),
  fc.record({
    incident: fc.constantFrom(...INCIDENTS),
    entry: fc.constantFrom(...ENTRIES),
    text: fc.string({ minLength: 1, maxLength: 30 }),
    pinned: fc.boolean(),
  }).map(({ incident, entry, text, pinned }) => ({
    actor: 'Di', incident, kind: 'entry.edit' as const, data: { entry, fields: { text, pinned } },
  })),
  fc.record({
    incident: fc.constantFrom(...INCIDENTS),
    entry: fc.constantFrom(...ENTRIES),
    reason: fc.string({ maxLength: 10 }),
  }).map(({ incident, entry, reason }) => ({
    actor: 'Ed', incident, kind: 'entry.strike' as const, data: { entry, reason },
  })),
  { arbitrary: checklistIntentArb, weight: 3 },
  { arbitrary: postmortemIntentArb, weight: 3 },
  { arbitrary: exerciseIntentArb, weight: 2 },
);

interface Step {
  device: number;
  intent: OpIntent;
  advanceMs: number;
  syncFrom: number | undefined;
}

const stepArbOf = (intent: fc.Arbitrary<OpIntent>): fc.Arbitrary<Step> => fc.record({
  device: fc.integer({ min: 0, max: DEVICES.length - 1 }),
  intent,
  /** How far this device's own wall clock moves before the op (clocks disagree by up to ±24 h). */
  advanceMs: fc.integer({ min: 0, max: 120_000 }),
  syncFrom: fc.option(fc.integer({ min: 0, max: DEVICES.length - 1 }), { nil: undefined, freq: 4 }),
});

export const skewArb = fc.array(fc.integer({ min: -86_400_000, max: 86_400_000 }), {
  minLength: DEVICES.length,
  maxLength: DEVICES.length,
});

/** Replays a script into real, hash-chained ops. */
export function buildHistory(steps: readonly Step[], skews: readonly number[]): Op[] {
  const states: DeviceState[] = DEVICES.map((d) => freshDeviceState(d));
  const walls = DEVICES.map((_, i) => BASE + (skews[i] ?? 0));
  const ops: Op[] = [];
  for (const step of steps) {
    const i = step.device;
    walls[i]! += step.advanceMs;
    if (step.syncFrom !== undefined && step.syncFrom !== i) {
      states[i] = { ...states[i]!, clock: receive(states[i]!.clock, states[step.syncFrom]!.clock, walls[i]!, 7 * 86_400_000) };
    }
    const { op, state } = createOp(states[i]!, resolveBase(step.intent, ops), walls[i]!);
    states[i] = state;
    ops.push(op);
  }
  return ops;
}

/** A random history of any ops; pass `intents` to draw from a narrower mix (e.g. checklistIntentArb). */
export function historyArb(minOps: number, maxOps: number, intents: fc.Arbitrary<OpIntent> = intentArb): fc.Arbitrary<Op[]> {
  return fc
    .tuple(fc.array(stepArbOf(intents), { minLength: minOps, maxLength: maxOps }), skewArb)
    .map(([steps, skews]) => buildHistory(steps, skews));
}

/** The same ops as another replica might receive them: shuffled, some delivered twice. */
export function deliveryArb(ops: readonly Op[]): fc.Arbitrary<Op[]> {
  return fc
    .tuple(fc.shuffledSubarray([...ops], { minLength: 0, maxLength: Math.min(60, ops.length) }), fc.infiniteStream(fc.nat()))
    .map(([dupes, randoms]) => {
      const all = [...ops, ...dupes];
      for (let i = all.length - 1; i > 0; i -= 1) {
        const j = randoms.next().value % (i + 1);
        [all[i], all[j]] = [all[j]!, all[i]!];
      }
      return all;
    });
}
