import { hlcToIso } from '../ops/hlc.ts';
import type { ExerciseDoc } from '../entities/exercise.ts';
import { currentValue, type Register } from '../state/register.ts';
import type { ClockState } from './clock.ts';
import { replayClock, type ClockAction } from './clockLog.ts';
import type { Inject, Scenario } from './scenario.ts';

export interface DeliveredInjectView {
  inject: Inject;
  /** The timeline entry it became. */
  entry: string;
  adhoc: boolean;
  by: string;
  /** The delivering op (its successor carries the inject's severity change, see runEvents.ts). */
  opId: string;
  /** ISO time it was delivered. */
  at: string;
}

export interface ExerciseView {
  incident: string;
  /** The snapshot the earliest start carried: what every laptop plays. */
  scenario: Scenario;
  startedBy: string;
  /** The clock log in causal (hlc) order. */
  clockLog: ClockAction[];
  clock: ClockState;
  /** Real time (epoch ms) the exercise ended; null while it runs. */
  endedAt: number | null;
  /**
   * The device that pressed the clock last: only it delivers due injects, so two laptops with
   * the console open never both post the same inject.
   */
  driver: string | null;
  /** In delivery order; an inject delivered twice (two laptops at once) is listed once. */
  delivered: DeliveredInjectView[];
  /** Expected actions the facilitator ticked as met. */
  manualMet: string[];
}

/** The exercise as the UI sees it; null until its start has arrived. */
export function exerciseView(doc: ExerciseDoc): ExerciseView | null {
  const start = doc.started[0];
  if (!start) return null;
  const clockLog = doc.clock.map(({ action, at, speed }) => ({ action, at, speed }));
  const { state, endedAt } = replayClock(clockLog);
  const seen = new Set<string>();
  const delivered: DeliveredInjectView[] = [];
  for (const item of doc.delivered) {
    if (seen.has(item.inject.id)) continue;
    seen.add(item.inject.id);
    delivered.push({ inject: item.inject, entry: item.entry, adhoc: item.adhoc, by: item.actor, at: hlcToIso(item.hlc), opId: item.opId });
  }
  const manualMet = (Object.entries(doc.manual) as [string, Register<boolean>][]).filter(([, register]) => currentValue(register) === true).map(([id]) => id);
  return {
    incident: doc.incident,
    scenario: start.scenario,
    startedBy: start.actor,
    clockLog,
    clock: state,
    endedAt,
    driver: doc.clock[doc.clock.length - 1]?.device ?? null,
    delivered,
    manualMet: manualMet.sort(),
  };
}
