import { useState } from 'react';
import type { SeverityScheme } from '../../../shared/domain/severity.ts';
import { DEFAULT_ESCALATION_MATRIX, validateEscalationMatrix } from '../../../shared/escalation/matrix.ts';
import { formatMatrixText, parseMatrixText, VIA_WORDS } from '../../../shared/escalation/matrixText.ts';
import { commit } from '../../db/commit.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { attempt } from '../../ui/errors.ts';
import { useEscalationSources } from './useEscalation.ts';

/**
 * The team's escalation matrix, edited as text (one row a line) in Settings and saved as one
 * synced setting: validated whole first, so an invalid matrix is refused with every problem named
 * by row and step, and nothing of it is saved.
 */
export function EscalationMatrixSetting({ actor, scheme }: { actor: string; scheme: SeverityScheme }) {
  const db = useDatabase();
  const { matrix } = useEscalationSources();
  const [text, setText] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const shown = text ?? formatMatrixText(matrix);

  async function save() {
    setStatus(null);
    const parsed = parseMatrixText(shown, scheme.id);
    const checked = parsed.ok ? validateEscalationMatrix(parsed.value) : parsed;
    if (!checked.ok) return setProblems(checked.problems);
    setProblems([]);
    if (await attempt(() => commit(db, { actor, incident: null, kind: 'settings.escalation-matrix', data: { matrix: checked.matrix } }), (m) => setProblems(m ? [m] : []))) {
      setText(null);
      setStatus('Escalation matrix saved.');
    }
  }

  // Rows naming levels apply only under the scheme they were written for, and a level the scheme
  // lacks never matches: say so, without refusing (the scheme may change back).
  const levels = new Set(scheme.levels.map((l) => l.id));
  const unknown = [...new Set(matrix.rows.flatMap((r) => r.severities).filter((id) => !levels.has(id)))];
  const otherScheme = matrix.scheme !== scheme.id && matrix.rows.some((r) => r.severities.length > 0);
  return (
    <section aria-labelledby="escalation-matrix-title">
      <h3 id="escalation-matrix-title">Escalation matrix (shared with the team)</h3>
      <p id="escalation-matrix-help" className="hint">
        {`One row a line: "severities | type | service: steps" (* = any), steps "minutes who [by ${VIA_WORDS}]" separated by ";", several people joined by "+". Who is a role, "contact <name>", "on-call primary" or "on-call secondary". The most specific matching row wins (service, then type, then severity); with none, the level's own escalation applies.`}
      </p>
      {otherScheme && <p className="hint">{`The rows naming severities were written for the ${matrix.scheme} scheme: under ${scheme.name} they do not apply (the levels' own steps do) until the matrix is applied again here.`}</p>}
      {unknown.length > 0 && <p className="hint">{`Rows naming ${unknown.join(', ')} never match: the severity scheme has no such level.`}</p>}
      <label htmlFor="escalation-matrix-text">Escalation matrix rows</label>
      <textarea id="escalation-matrix-text" aria-describedby="escalation-matrix-help" rows={10} spellCheck={false} value={shown} onChange={(e) => setText(e.target.value)} />
      {problems.length > 0 && (
        <ul role="alert" className="error" aria-label="Escalation matrix not saved">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {status && <p role="status">{status}</p>}
      <div className="actions">
        <button type="button" onClick={() => setText(formatMatrixText(DEFAULT_ESCALATION_MATRIX))}>
          Use the plans' default matrix
        </button>
        <button type="button" onClick={() => void save()}>
          Apply escalation matrix
        </button>
      </div>
    </section>
  );
}
