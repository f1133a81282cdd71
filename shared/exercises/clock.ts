/**
 * The facilitator's clock, as pure state: scenario time runs at 1×, 2×, 5× or 10× real time,
 * can be paused and resumed, and decides which injects are due. Times are epoch milliseconds
 * (`now` is passed in, so the clock is deterministic and testable).
 *
 * Scenario time is `baseScenarioMs + (now - baseRealAt) × speed` while running, and
 * `baseScenarioMs` while paused: every pause, resume and speed change re-bases at `now`, so
 * none of them makes scenario time jump.
 */
import type { Inject, Scenario } from './scenario.ts';

export const SPEEDS = [1, 2, 5, 10] as const;
export type Speed = (typeof SPEEDS)[number];

export interface ClockState {
  /** Real time the exercise was started; null before it is. */
  startedAt: number | null;
  /** Real time it was paused; null while running. */
  pausedAt: number | null;
  /** Real milliseconds spent paused, in total (for the report). */
  pausedTotalMs: number;
  speed: Speed;
  /** Scenario milliseconds at `baseRealAt`. */
  baseScenarioMs: number;
  /** Real time of the last re-base (start, resume, speed change). */
  baseRealAt: number;
}

export const MINUTE_MS = 60_000;

export function initialClock(speed: Speed = 1): ClockState {
  return { startedAt: null, pausedAt: null, pausedTotalMs: 0, speed, baseScenarioMs: 0, baseRealAt: 0 };
}

export function start(now: number, state: ClockState = initialClock()): ClockState {
  if (state.startedAt !== null) return state;
  return { ...state, startedAt: now, pausedAt: null, pausedTotalMs: 0, baseScenarioMs: 0, baseRealAt: now };
}

export function isRunning(state: ClockState): boolean {
  return state.startedAt !== null && state.pausedAt === null;
}

/** Scenario milliseconds since the start (0 before it). */
export function scenarioMs(state: ClockState, now: number): number {
  if (state.startedAt === null) return 0;
  if (state.pausedAt !== null) return state.baseScenarioMs;
  return state.baseScenarioMs + Math.max(0, now - state.baseRealAt) * state.speed;
}

export function scenarioMinutes(state: ClockState, now: number): number {
  return scenarioMs(state, now) / MINUTE_MS;
}

export function pause(state: ClockState, now: number): ClockState {
  if (!isRunning(state)) return state;
  return { ...state, pausedAt: now, baseScenarioMs: scenarioMs(state, now), baseRealAt: now };
}

export function resume(state: ClockState, now: number): ClockState {
  if (state.startedAt === null || state.pausedAt === null) return state;
  return { ...state, pausedAt: null, pausedTotalMs: state.pausedTotalMs + Math.max(0, now - state.pausedAt), baseRealAt: now };
}

export function setSpeed(state: ClockState, speed: Speed, now: number): ClockState {
  if (state.startedAt === null) return { ...state, speed };
  if (state.pausedAt !== null) return { ...state, speed };
  return { ...state, speed, baseScenarioMs: scenarioMs(state, now), baseRealAt: now };
}

/** Injects whose time has come and that were not delivered yet, in scenario order. Paused or not started: none. */
export function dueInjects(scenario: Scenario, state: ClockState, now: number, delivered: ReadonlySet<string>): Inject[] {
  if (!isRunning(state)) return [];
  const elapsed = scenarioMs(state, now);
  return scenario.injects.filter((inject) => inject.at * MINUTE_MS <= elapsed && !delivered.has(inject.id));
}

/**
 * Real time at which the next undelivered inject comes due, for a timer; `now` if one is due
 * already; null when paused, not started or nothing is left. Rounded up to the millisecond so
 * that `dueInjects` at the returned time includes it.
 */
export function nextInjectAt(scenario: Scenario, state: ClockState, now: number, delivered: ReadonlySet<string>): number | null {
  if (!isRunning(state)) return null;
  const elapsed = scenarioMs(state, now);
  const next = scenario.injects.find((inject) => !delivered.has(inject.id));
  if (!next) return null;
  const dueMs = next.at * MINUTE_MS;
  if (dueMs <= elapsed) return now;
  return Math.max(now, state.baseRealAt + Math.ceil((dueMs - state.baseScenarioMs) / state.speed));
}
