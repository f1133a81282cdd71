import { useLiveQuery } from 'dexie-react-hooks';
import { formatScenarioTime } from '../../../shared/exercises/score.ts';
import { db } from '../../app/db.ts';
import { routeHash } from '../../app/store.ts';
import { listExercises } from '../../db/queries.ts';

/** On every page of an exercise incident: it is a rehearsal, said in words. */
export function ExerciseBanner({ title }: { title?: string }) {
  return <p role="note" className="exercise-banner">{`EXERCISE — NOT A REAL INCIDENT${title ? ` · ${title}` : ''}`}</p>;
}

/**
 * Across the whole app while an exercise runs (started and not ended): whatever screen people
 * are on, they can tell the rehearsal's activity from real work.
 */
export function RunningExercisesBanner({ except }: { except?: string | undefined }) {
  const running = useLiveQuery(async () => {
    // The exercise's own pages carry their own banner.
    const live = [...(await listExercises(db)).values()].filter((exercise) => exercise.clock.startedAt !== null && exercise.endedAt === null && exercise.incident !== except);
    return live.map((exercise) => ({ id: exercise.incident, title: exercise.scenario.title, last: exercise.delivered.at(-1)?.inject.at }));
  }, [except]);
  if (!running || running.length === 0) return null;
  return (
    <p role="note" className="exercise-banner app-exercise-banner">
      {'EXERCISE IN PROGRESS — not a real incident: '}
      {running.map((exercise, i) => (
        <span key={exercise.id}>
          {i > 0 && ' · '}
          <a href={routeHash({ name: 'exercise', id: exercise.id })}>{exercise.title}</a>
          {exercise.last !== undefined && ` (last inject ${formatScenarioTime(exercise.last)})`}
        </span>
      ))}
    </p>
  );
}
