import fc from 'fast-check';
import { ENTRY_KINDS } from '../../../shared/domain/entry.ts';
import { P0_P3_SCHEME, P1_P4_SCHEME } from '../../../shared/domain/severityScheme.ts';
import { INCIDENT_STATUSES, INCIDENT_TYPES, PHASES, ROLES } from '../../../shared/domain/incident.ts';
import { createOp, freshDeviceState, type DeviceState, type OpIntent } from '../../../shared/ops/createOp.ts';
import type { Op } from '../../../shared/ops/envelope.ts';
import { receive } from '../../../shared/ops/hlc.ts';

/**
 * Random but valid histories: several devices take turns making ops about a shared pool of
 * incidents and entries, sometimes "syncing" (receiving each other's clocks), with skewed clocks.
 */
export const DEVICES = ['a1a1a1a1a1a1a1a1', 'b2b2b2b2b2b2b2b2', 'c3c3c3c3c3c3c3c3'] as const;
const INCIDENTS = ['inc-aaaaaa', 'inc-bbbbbb', 'inc-cccccc'];
const ENTRIES = ['ent-000001', 'ent-000002', 'ent-000003', 'ent-000004', 'ent-000005'];
const BASE = Date.UTC(2026, 10, 23, 8, 0, 0);

const iso = (ms: number) => new Date(ms).toISOString();

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
);

interface Step {
  device: number;
  intent: OpIntent;
  advanceMs: number;
  syncFrom: number | undefined;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  device: fc.integer({ min: 0, max: DEVICES.length - 1 }),
  intent: intentArb,
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
    const { op, state } = createOp(states[i]!, step.intent, walls[i]!);
    states[i] = state;
    ops.push(op);
  }
  return ops;
}

export function historyArb(minOps: number, maxOps: number): fc.Arbitrary<Op[]> {
  return fc
    .tuple(fc.array(stepArb, { minLength: minOps, maxLength: maxOps }), skewArb)
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
