import { z } from 'zod';
import { SPEEDS, type Speed } from '../exercises/clock.ts';
import type { ClockActionKind } from '../exercises/clockLog.ts';
import { exerciseView, type ExerciseView } from '../exercises/exerciseView.ts';
import { ExpectedAction, Inject, Scenario } from '../exercises/scenario.ts';
import { RecordId } from '../ops/ids.ts';
import { insertSorted, type Register, type Stamp } from '../state/register.ts';
import { byIncident, defineEntity, kind } from '../state/registry.ts';

/** One clock action of an exercise, with the device that pressed it (the one that drives injects). */
export interface ClockMark extends Stamp {
  action: ClockActionKind;
  at: number;
  speed: Speed;
  device: string;
}

/** An inject delivered into the timeline. */
export interface DeliveredInject extends Stamp {
  inject: Inject;
  entry: string;
  adhoc: boolean;
}

/**
 * The merged exercise of one incident. The scenario is the earliest start's snapshot; clock
 * actions and deliveries are add-only logs; each manual check is its own register.
 */
export interface ExerciseDoc {
  table: 'exercises';
  /** The incident id: one exercise per incident. */
  key: string;
  incident: string;
  started: readonly (Stamp & { scenario: Scenario })[];
  clock: readonly ClockMark[];
  delivered: readonly DeliveredInject[];
  manual: Readonly<Record<string, Register<boolean>>>;
}

/** Materialized exercise, keyed by its incident; `view` is null until its start has arrived. */
export interface ExerciseRow {
  key: string;
  incident: string;
  doc: ExerciseDoc;
  view: ExerciseView | null;
}

const exerciseKind = kind<ExerciseDoc>();

export const exercises = defineEntity({
  table: 'exercises',
  scope: 'incident',
  store: { indexes: 'key', since: 6 },
  kinds: {
    /**
     * Turn the incident into a tabletop exercise of this scenario. The scenario is snapshotted into
     * the op (like a checklist's runbook), so every laptop plays the same injects.
     */
    'exercise.start': exerciseKind(z.object({ scenario: Scenario }).strict(), {
      key: byIncident,
      reduce: (doc, op, stamp) => ({ ...doc, started: insertSorted(doc.started, { ...stamp, scenario: op.data.scenario }) }),
    }),
    /**
     * The facilitator's clock: each start, pause, resume, speed change and end, with the real time
     * (`at`, epoch ms) it happened and the speed from then on. The whole log is kept, so any moment
     * of real time maps to scenario time (scoring needs that), not just the latest state.
     */
    'exercise.clock': exerciseKind(
      z.object({ action: z.enum(['start', 'pause', 'resume', 'speed', 'end']), at: z.number().int().nonnegative(), speed: z.literal(SPEEDS) }).strict(),
      { key: byIncident, reduce: (doc, op, stamp) => ({ ...doc, clock: insertSorted(doc.clock, { ...stamp, ...op.data, device: op.device }) }) },
    ),
    /** An inject was delivered as timeline entry `entry` (committed with it); ad hoc = typed by the facilitator. */
    'exercise.inject': exerciseKind(z.object({ inject: Inject, entry: RecordId, adhoc: z.boolean() }).strict(), {
      key: byIncident,
      reduce: (doc, op, stamp) => ({ ...doc, delivered: insertSorted(doc.delivered, { ...stamp, ...op.data }) }),
    }),
    /** The facilitator ticks (or unticks) an expected action only a person can judge. */
    'exercise.manual': exerciseKind(z.object({ expected: ExpectedAction.shape.id, met: z.boolean() }).strict(), {
      key: byIncident,
      reduce(doc, op, stamp) {
        const register = Object.hasOwn(doc.manual, op.data.expected) ? doc.manual[op.data.expected] : undefined;
        return { ...doc, manual: { ...doc.manual, [op.data.expected]: insertSorted(register, { ...stamp, value: op.data.met }) } };
      },
    }),
  },
  empty: (key, op): ExerciseDoc => ({ table: 'exercises', key, incident: op.incident!, started: [], clock: [], delivered: [], manual: {} }),
  row: (doc): ExerciseRow => ({ key: doc.key, incident: doc.incident, doc, view: exerciseView(doc) }),
});
