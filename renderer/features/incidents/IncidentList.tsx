import { useLiveQuery } from 'dexie-react-hooks';
import { isOpenStatus } from '../../../shared/domain/incident.ts';
import { db } from '../../app/db.ts';
import { routeHash } from '../../app/store.ts';
import { listIncidents } from '../../db/queries.ts';
import { capitalize, formatElapsed } from '../../ui/format.ts';
import { SeverityBadge } from '../../ui/SeverityBadge.tsx';
import { useNow } from '../../ui/useNow.ts';

/** Every incident, most severe first, with how long each has been open. */
export function IncidentList() {
  const incidents = useLiveQuery(() => listIncidents(db), []);
  const now = useNow();
  if (incidents === undefined) return <p aria-busy="true">Loading incidents…</p>;
  if (incidents.length === 0) {
    return (
      <section className="empty" aria-labelledby="incidents-title">
        <h1 id="incidents-title">Incidents</h1>
        <p>No incidents yet. Declare one with the button above or press Alt+N.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="incidents-title">
      <h1 id="incidents-title">Incidents</h1>
      <table className="incidents">
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Incident</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Phase</th>
            <th scope="col">Open for</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((incident) => (
            <tr key={incident.id} className={isOpenStatus(incident.status) ? '' : 'done'}>
              <td>
                <SeverityBadge severity={incident.severity} />
              </td>
              <td>
                <a href={routeHash({ name: 'incident', id: incident.id })}>{incident.title}</a>
                {incident.exercise && <span className="tag exercise">Exercise</span>}
              </td>
              <td>{capitalize(incident.type)}</td>
              <td>{capitalize(incident.status)}</td>
              <td>{capitalize(incident.phase)}</td>
              <td>{isOpenStatus(incident.status) ? formatElapsed(incident.detectedAt ?? incident.declaredAt, now) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
