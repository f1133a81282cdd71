import { useEffect, useState } from 'react';
import { dueInjects, nextInjectAt } from '../../../shared/exercises/clock.ts';
import type { ExerciseView } from '../../../shared/exercises/exerciseView.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import type { WarRoomDb } from '../../db/database.ts';
import { readDeviceState } from '../../db/device.ts';
import { useLiveRows } from '../../db/hooks.ts';
import { getExercise, getIncident } from '../../db/queries.ts';
import { deliverInject } from './exerciseActions.ts';

/** This install's device id (null until the first op has created it). */
export function useDeviceId(): string | null | undefined {
  return useLiveRows(async (db) => (await readDeviceState(db))?.device ?? null, []);
}

/**
 * Delivers due injects of every running exercise this laptop drives (its clock was pressed here
 * last), wherever the facilitator is in the app. One timer per exercise, set for the next inject;
 * every delivery re-reads the exercise, so a pause or a teammate's delivery is never raced.
 */
export function useExerciseDriver(exercises: ReadonlyMap<string, ExerciseView> | undefined, actor: string | null): string | null {
  const db = useDatabase();
  const device = useDeviceId();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!exercises || !device || actor === null) return;
    const timers: number[] = [];
    let cancelled = false;
    for (const exercise of exercises.values()) {
      if (exercise.driver !== device || exercise.endedAt !== null) continue;
      const delivered = new Set(exercise.delivered.map((d) => d.inject.id));
      const at = nextInjectAt(exercise.scenario, exercise.clock, Date.now(), delivered);
      if (at === null) continue;
      const deliver = () => {
        if (!cancelled) deliverDue(db, exercise, actor).then(() => setFailure(null), (error: unknown) => setFailure(String(error)));
      };
      if (at <= Date.now()) deliver();
      else timers.push(window.setTimeout(deliver, at - Date.now()));
    }
    return () => {
      cancelled = true;
      for (const timer of timers) window.clearTimeout(timer);
    };
  }, [db, exercises, device, actor]);

  return failure;
}

const inFlight = new Map<string, { again: boolean }>();

/**
 * Delivers, in scenario order, what is due now by the stored clock (one commit per inject).
 * One delivery run per exercise at a time: a call while one runs asks it to look once more, so
 * an inject is never posted twice by overlapping timers or re-renders.
 */
async function deliverDue(db: WarRoomDb, stale: ExerciseView, actor: string): Promise<void> {
  const running = inFlight.get(stale.incident);
  if (running) {
    running.again = true;
    return;
  }
  const state = { again: false };
  inFlight.set(stale.incident, state);
  try {
    do {
      state.again = false;
      while (await deliverNext(db, stale.incident, actor));
    } while (state.again);
  } finally {
    inFlight.delete(stale.incident);
  }
}

/** The first due inject not yet delivered, read afresh; false when none is due. */
async function deliverNext(db: WarRoomDb, id: string, actor: string): Promise<boolean> {
  const exercise = await getExercise(db, id);
  if (!exercise || exercise.endedAt !== null) return false;
  const delivered = new Set(exercise.delivered.map((d) => d.inject.id));
  const [inject] = dueInjects(exercise.scenario, exercise.clock, Date.now(), delivered);
  const incident = await getIncident(db, id);
  if (!inject || !incident) return false;
  await deliverInject(db, incident, inject, false, actor);
  return true;
}
