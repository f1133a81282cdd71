/**
 * The facilitator's clock as a log of actions (`exercise.clock` ops), replayed into a
 * ClockState. Keeping the log, not only the latest state, lets any moment of real time be read
 * as scenario time: a status update posted before a pause is scored at the minute it was posted.
 */
import { initialClock, MINUTE_MS, pause, resume, scenarioMs, setSpeed, start, type ClockState, type Speed } from './clock.ts';

export const CLOCK_ACTIONS = ['start', 'pause', 'resume', 'speed', 'end'] as const;
export type ClockActionKind = (typeof CLOCK_ACTIONS)[number];

export interface ClockAction {
  action: ClockActionKind;
  /** Real time (epoch ms) it was pressed. */
  at: number;
  /** The speed from then on. */
  speed: Speed;
}

export interface ReplayedClock {
  state: ClockState;
  /** Real time the exercise was ended; null while it runs. Actions after the end are ignored. */
  endedAt: number | null;
}

/** Replays actions in the order given (the caller's causal order: by hlc). */
export function replayClock(actions: readonly ClockAction[], until = Number.POSITIVE_INFINITY): ReplayedClock {
  let state = initialClock();
  let endedAt: number | null = null;
  for (const { action, at, speed } of actions) {
    if (at > until) break;
    if (endedAt !== null) break;
    switch (action) {
      case 'start':
        state = start(at, { ...state, speed });
        break;
      case 'pause':
        state = pause(state, at);
        break;
      case 'resume':
        state = resume(state, at);
        break;
      case 'speed':
        state = setSpeed(state, speed, at);
        break;
      case 'end':
        if (state.startedAt === null) break;
        state = pause(state, at);
        endedAt = at;
        break;
    }
  }
  return { state, endedAt };
}

/** Scenario minutes at real time `at`, as the clock stood then (0 before the start). */
export function scenarioMinutesAt(actions: readonly ClockAction[], at: number): number {
  const { state } = replayClock(actions, at);
  return scenarioMs(state, at) / MINUTE_MS;
}
