import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS } from '../../../../shared/exercises/builtins.ts';
import { MINUTE_MS, dueInjects, initialClock, nextInjectAt, pause, resume, scenarioMs, setSpeed, start, type ClockState } from '../../../../shared/exercises/clock.ts';
import type { Scenario } from '../../../../shared/exercises/scenario.ts';

const POOL = BUILT_IN_SCENARIOS.find((s) => s.title === 'Database connection pool exhausted') as Scenario;
const T0 = 1_700_000_000_000;
const ids = (scenario: Scenario, state: ClockState, now: number, delivered: Set<string> = new Set()): string[] => dueInjects(scenario, state, now, delivered).map((i) => i.id);

describe('facilitator clock', () => {
  it('the pool scenario injects come at T+0, 5, 10, 15, 25, 35', () => {
    expect(POOL.injects.map((i) => i.at)).toEqual([0, 5, 10, 15, 25, 35]);
  });

  it('before start nothing is due and scenario time is 0', () => {
    const state = initialClock();
    expect(scenarioMs(state, T0)).toBe(0);
    expect(ids(POOL, state, T0)).toEqual([]);
    expect(nextInjectAt(POOL, state, T0, new Set())).toBeNull();
  });

  it('at 1× injects come due at their minute; delivered ones are left out', () => {
    const state = start(T0);
    expect(ids(POOL, state, T0)).toEqual(['inject-1']);
    expect(ids(POOL, state, T0 + 5 * MINUTE_MS - 1)).toEqual(['inject-1']);
    expect(ids(POOL, state, T0 + 5 * MINUTE_MS, new Set(['inject-1']))).toEqual(['inject-2']);
    expect(nextInjectAt(POOL, state, T0 + 1000, new Set(['inject-1']))).toBe(T0 + 5 * MINUTE_MS);
  });

  it('pause stops injects; resume continues from where it stopped', () => {
    let state = start(T0);
    state = pause(state, T0 + 3 * MINUTE_MS);
    const delivered = new Set(['inject-1']);
    expect(scenarioMs(state, T0 + 60 * MINUTE_MS)).toBe(3 * MINUTE_MS);
    expect(ids(POOL, state, T0 + 60 * MINUTE_MS, delivered)).toEqual([]);
    expect(ids(POOL, state, T0 + 60 * MINUTE_MS)).toEqual([]); // paused: not even the overdue T+0 one
    expect(nextInjectAt(POOL, state, T0 + 60 * MINUTE_MS, delivered)).toBeNull();

    state = resume(state, T0 + 13 * MINUTE_MS); // paused for 10 real minutes
    expect(state.pausedTotalMs).toBe(10 * MINUTE_MS);
    expect(scenarioMs(state, T0 + 13 * MINUTE_MS)).toBe(3 * MINUTE_MS);
    expect(nextInjectAt(POOL, state, T0 + 13 * MINUTE_MS, delivered)).toBe(T0 + 15 * MINUTE_MS);
    expect(ids(POOL, state, T0 + 15 * MINUTE_MS - 1, delivered)).toEqual([]);
    expect(ids(POOL, state, T0 + 15 * MINUTE_MS, delivered)).toEqual(['inject-2']);
  });

  it('5× speed delivers at scaled real times', () => {
    const state = start(T0, initialClock(5));
    const delivered = new Set<string>();
    const times: number[] = [];
    let now = T0;
    for (;;) {
      const next = nextInjectAt(POOL, state, now, delivered);
      if (next === null) break;
      now = next;
      for (const inject of dueInjects(POOL, state, now, delivered)) {
        delivered.add(inject.id);
        times.push(now - T0);
      }
    }
    // 0, 5, 10, 15, 25, 35 scenario minutes = 0, 1, 2, 3, 5, 7 real minutes.
    expect(times).toEqual([0, 1, 2, 3, 5, 7].map((m) => m * MINUTE_MS));
  });

  it('changing speed does not jump scenario time', () => {
    let state = start(T0);
    const at = T0 + 4 * MINUTE_MS;
    expect(scenarioMs(state, at)).toBe(4 * MINUTE_MS);
    state = setSpeed(state, 10, at);
    expect(scenarioMs(state, at)).toBe(4 * MINUTE_MS);
    expect(scenarioMs(state, at + MINUTE_MS)).toBe(14 * MINUTE_MS);
    // T+15 at 10×: one more scenario minute after T+14 = 6 real seconds.
    expect(nextInjectAt(POOL, state, at + MINUTE_MS, new Set(['inject-1', 'inject-2', 'inject-3']))).toBe(at + MINUTE_MS + 6_000);
    state = setSpeed(state, 1, at + MINUTE_MS);
    expect(scenarioMs(state, at + MINUTE_MS)).toBe(14 * MINUTE_MS);
    expect(scenarioMs(state, at + 2 * MINUTE_MS)).toBe(15 * MINUTE_MS);
  });

  it('changing speed while paused takes effect from the resume', () => {
    let state = pause(start(T0), T0 + MINUTE_MS);
    state = setSpeed(state, 2, T0 + 5 * MINUTE_MS);
    expect(scenarioMs(state, T0 + 5 * MINUTE_MS)).toBe(MINUTE_MS);
    state = resume(state, T0 + 6 * MINUTE_MS);
    expect(scenarioMs(state, T0 + 7 * MINUTE_MS)).toBe(3 * MINUTE_MS);
  });
});
