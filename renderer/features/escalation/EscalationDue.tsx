import { useState } from 'react';
import { isOpenStatus } from '../../../shared/domain/incident.ts';
import { incidentLabel } from '../../../shared/domain/incidentRef.ts';
import type { SeverityScheme } from '../../../shared/domain/severity.ts';
import { dueEscalations, type DueEscalation } from '../../../shared/escalation/due.ts';
import { escalationPathClock } from '../../../shared/escalation/path.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { attempt } from '../../ui/errors.ts';
import { logEscalation } from './escalationActions.ts';
import { useEscalationSources, useLoggedEscalations } from './useEscalation.ts';

/** The element id of the first "Log escalation" button, which the L shortcut focuses. */
export const ESCALATION_LOG_ID = 'escalation-log';

/**
 * The escalation steps that fell due and are not yet logged, on the board (every open incident)
 * and the incident page (one): who, how to reach them, and "Log escalation". A region with a
 * heading and buttons in the tab order, so a keyboard user reaches it like any other control;
 * nothing here takes focus by itself. `readOnly` (the display window) shows who and how, without
 * the button: escalations are logged from the laptop.
 */
export function EscalationDue({ incidents, actor, scheme, now, readOnly = false }: { incidents: readonly IncidentView[]; actor: string; scheme: SeverityScheme; now: number; readOnly?: boolean }) {
  const db = useDatabase();
  const sources = useEscalationSources();
  // Only incidents with a step reached are read for their logged escalations: a big board stays one cheap pass.
  const open = incidents.filter((i) => isOpenStatus(i.status) && escalationPathClock({ incident: i, scheme, matrix: sources.matrix, now }).reached.length > 0);
  const logged = useLoggedEscalations(open.map((i) => i.id));
  const [error, setError] = useState<string | null>(null);
  // While a press is being written, its button is disabled: a double press logs once.
  const [busy, setBusy] = useState<string | null>(null);
  if (logged === undefined) return null;
  const due = open.flatMap((incident) =>
    dueEscalations({ incident, scheme, matrix: sources.matrix, people: sources.people, now, logged: logged.get(incident.id) ?? new Set() }).map((d) => ({ incident, d })),
  );
  if (due.length === 0) return null;
  const log = async (incident: IncidentView, d: DueEscalation) => {
    setBusy(`${incident.id}:${d.tag}`);
    await attempt(() => logEscalation(db, incident.id, d, actor), setError, 'Not logged');
    setBusy(null);
  };
  return (
    <section aria-labelledby="escalation-due-title" className="escalation-due">
      <h2 id="escalation-due-title">
        <span aria-hidden="true">⚠ </span>
        Escalation due
      </h2>
      <ul>
        {due.map(({ incident, d }, index) => (
          <li key={`${incident.id}:${d.tag}`}>
            <p>
              <strong>{`Escalate: ${incident.title}`}</strong>
              {` · ${incidentLabel(incident)} · ${incident.severity} · T+${d.step.afterMinutes} min: ${d.step.label}`}
            </p>
            <ul aria-label={`Who to bring in at T+${d.step.afterMinutes} min`}>
              {d.people.map((p) => (
                <li key={p.label}>{p.reach.length > 0 ? `${p.label}: ${p.reach.join(' · ')}` : p.label}</li>
              ))}
            </ul>
            {!readOnly && (
              <button
                type="button"
                className="primary"
                // The first (latest) step is where L jumps to on the incident page (ScribeView's shortcuts).
                {...(index === 0 ? { id: ESCALATION_LOG_ID, 'aria-keyshortcuts': 'L' } : {})}
                title={d.line}
                disabled={busy === `${incident.id}:${d.tag}`}
                onClick={() => void log(incident, d)}
              >
                Log escalation
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
