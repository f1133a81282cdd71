import { formatScenarioTime, type ExpectedResult } from '../../../shared/exercises/score.ts';
import type { ExerciseStanding } from './afterAction.ts';

function expectedStatus(row: ExpectedResult, standing: ExerciseStanding, manual: boolean): string {
  if (row.met) return row.at === undefined ? 'Met (ticked by the facilitator)' : `Met at ${formatScenarioTime(row.at)}`;
  const check = standing.exercise.scenario.expected.find((e) => e.id === row.id)?.check;
  const overdue = check?.kind === 'status-update-within' && standing.minutes > check.minutes;
  if (standing.exercise.endedAt !== null || overdue) return 'Missed';
  return manual ? 'Not yet (tick when done)' : 'Not yet';
}

/**
 * The scenario's expected actions as they are met. The facilitator can tick any of them, the
 * automatic ones too: in a discussion-only tabletop the team talks the response through and
 * nothing is done in the app, so only the facilitator can say it was met. An action the app saw
 * done keeps its time and needs no tick.
 */
export function ExpectedActions({ standing, manualIds, onTick }: { standing: ExerciseStanding; manualIds: ReadonlySet<string>; onTick(expected: string, met: boolean): void }) {
  const { result } = standing;
  return (
    <section aria-labelledby="expected-title">
      <h2 id="expected-title">{`Expected actions · ${result.met} of ${result.total} met`}</h2>
      <table className="expected-table" aria-label="Expected actions">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Status</th>
            <th scope="col">Facilitator</th>
          </tr>
        </thead>
        <tbody>
          {result.expected.map((row) => {
            const seen = row.at !== undefined;
            return (
              <tr key={row.id}>
                <td>{row.text}</td>
                <td>{expectedStatus(row, standing, manualIds.has(row.id))}</td>
                <td>
                  <label>
                    <input type="checkbox" aria-label={`Met: ${row.text}`} checked={row.met} disabled={seen} onChange={(e) => onTick(row.id, e.target.checked)} /> {seen ? 'Met in the app' : 'Met'}
                  </label>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
