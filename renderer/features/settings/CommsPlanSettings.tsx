import { useState } from 'react';
import { defaultCommsPlan, validateCommsPlan } from '../../../shared/comms/commsPlan.ts';
import { commitAll } from '../../db/commit.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { useSeverityScheme } from '../board/useSeverityScheme.ts';
import { useLoadedCommsPlan } from '../comms/useCommsPlan.ts';

const pretty = (value: unknown): string => JSON.stringify(value, null, 2);

/**
 * The team's communications plan, edited as JSON (the schema is in docs/sync-format.md): saved
 * whole or not at all, so an invalid plan is refused with every problem named and nothing of it
 * is written.
 */
export function CommsPlanSettings({ actor }: { actor: string }) {
  const db = useDatabase();
  const scheme = useSeverityScheme();
  const plan = useLoadedCommsPlan();
  // null: not edited yet, the box shows the plan in force.
  const [text, setText] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const shown = text ?? (plan ? pretty(plan) : '');

  async function save() {
    setStatus(null);
    let input: unknown;
    try {
      input = JSON.parse(shown);
    } catch (failure) {
      return setProblems([`The plan is not JSON: ${errorMessage(failure)}`]);
    }
    const checked = validateCommsPlan(input);
    if (!checked.ok) return setProblems(checked.problems);
    setProblems([]);
    try {
      await commitAll(db, [{ actor: actor.trim() || 'unknown', incident: null, kind: 'settings.comms-plan', data: { plan: checked.plan } }]);
      setText(null);
      setStatus('Communications plan applied: the team has it with the next sync.');
    } catch (failure) {
      setStatus(`Not saved: ${errorMessage(failure)}`);
    }
  }

  return (
    <section aria-labelledby="comms-plan-title">
      <h3 id="comms-plan-title">Communications plan (shared with the team)</h3>
      <p className="hint">
        Per severity level, the audiences told about an incident: <code>id</code>, <code>name</code>, <code>cadenceMinutes</code> (minutes, <code>null</code> for no fixed
        cadence, or <code>&quot;severity&quot;</code> for the level&apos;s update cadence), <code>channel</code>, <code>customerFacing</code> and the <code>templates</code> for the
        initial, update and resolution messages. A level left out has one internal audience on the severity cadence.
      </p>
      <label htmlFor="comms-plan">Communications plan (JSON)</label>
      <textarea id="comms-plan" className="mono" rows={14} value={shown} readOnly={plan === undefined} onChange={(e) => (setText(e.target.value), setProblems([]))} spellCheck={false} />
      {problems.length > 0 && (
        <ul role="alert" className="error" aria-label="Communications plan problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {status && <p role="status">{status}</p>}
      <div className="actions">
        <button type="button" onClick={() => (setText(pretty(defaultCommsPlan(scheme))), setProblems([]))}>
          Start from the default plan
        </button>
        <button type="button" onClick={() => void save()} disabled={plan === undefined}>
          Apply communications plan
        </button>
      </div>
    </section>
  );
}
