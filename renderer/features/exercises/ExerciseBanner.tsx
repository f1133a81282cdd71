import type { ExerciseView } from '../../../shared/exercises/exerciseView.ts';
import { formatScenarioTime } from '../../../shared/exercises/score.ts';
import { routeHash } from '../../app/store.ts';

/** On every page of an exercise incident: it is a rehearsal, said in words. */
export function ExerciseBanner({ title }: { title?: string }) {
  return <p role="note" className="exercise-banner">{`EXERCISE — NOT A REAL INCIDENT${title ? ` · ${title}` : ''}`}</p>;
}

/**
 * Across the whole app while an exercise runs (started and not ended): whatever screen people
 * are on, they can tell the rehearsal's activity from real work.
 */
export function RunningExercisesBanner({ exercises, except }: { exercises: ReadonlyMap<string, ExerciseView> | undefined; except?: string | undefined }) {
  // The exercise's own pages carry their own banner.
  const running = [...(exercises?.values() ?? [])]
    .filter((exercise) => exercise.clock.startedAt !== null && exercise.endedAt === null && exercise.incident !== except)
    .map((exercise) => ({ id: exercise.incident, title: exercise.scenario.title, last: exercise.delivered.at(-1)?.inject.at }));
  if (running.length === 0) return null;
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
