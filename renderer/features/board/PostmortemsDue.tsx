import { formatCountdown } from '../../../shared/board/clocks.ts';
import type { SeverityScheme } from '../../../shared/domain/severity.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { routeHash } from '../../app/store.ts';
import { postmortemsDue } from './boardRows.ts';

/**
 * Post-mortems owed by resolved incidents and not yet complete, beside the board whatever its
 * filter: a resolved incident leaves the Open view, its post-mortem deadline does not.
 */
export function PostmortemsDue({ incidents, scheme, now }: { incidents: readonly IncidentView[]; scheme: SeverityScheme; now: number }) {
  const rows = postmortemsDue(incidents, scheme, now);
  if (rows.length === 0) return null;
  const overdue = rows.filter((row) => row.due.state === 'overdue').length;
  return (
    <section aria-labelledby="pm-due-title" className="pm-due">
      <h2 id="pm-due-title">{`Post-mortems due${overdue > 0 ? ` · ${overdue} overdue` : ''}`}</h2>
      <ul>
        {rows.map(({ incident, due }) => (
          <li key={incident.id}>
            <a href={routeHash({ name: 'postmortem', id: incident.id })}>{incident.title}</a>
            {` · ${incident.severity} · `}
            <span className={due.state === 'overdue' ? 'flag flag-late' : 'flag flag-ok'}>{due.state === 'overdue' ? `⚠ ${formatCountdown(due.msLeft ?? 0)}` : `due in ${formatCountdown(due.msLeft ?? 0)}`}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
