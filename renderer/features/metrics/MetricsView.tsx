import { actionCompletion, metricsBySeverity, type SeverityMetrics } from '../../../shared/metrics/incidentMetrics.ts';
import { useNow } from '../../ui/useNow.ts';
import { useSeverityScheme } from '../board/useSeverityScheme.ts';
import { BarChart } from './BarChart.tsx';
import { useActions, useIncidents } from '../../db/hooks.ts';

const SPANS: [keyof SeverityMetrics['meanMinutes'], string][] = [
  ['detect', 'Time to detect'],
  ['acknowledge', 'Time to acknowledge'],
  ['mitigate', 'Time to mitigate'],
  ['resolve', 'Time to resolve'],
];

const minutes = (value: number | null) => (value === null ? '—' : value < 120 ? `${value} min` : `${Math.round(value / 6) / 10} h`);

/** How the team responds, per severity, over every real incident on this laptop (exercises excluded). */
export function MetricsView() {
  const incidents = useIncidents();
  const actions = useActions();
  const scheme = useSeverityScheme();
  const now = useNow(60_000);
  if (!incidents || !actions) return <p aria-busy="true">Loading metrics…</p>;
  const rows = metricsBySeverity(incidents, scheme, now);
  const exercises = new Set(incidents.filter((i) => i.exercise).map((i) => i.id));
  const completion = actionCompletion(actions, exercises, new Date(now).toISOString().slice(0, 10));
  return (
    <section aria-labelledby="metrics-title" className="metrics">
      <h1 id="metrics-title">Response metrics</h1>
      <p className="hint">{`${incidents.length - exercises.size} real incident${incidents.length - exercises.size === 1 ? '' : 's'}; ${exercises.size} exercise${exercises.size === 1 ? '' : 's'} left out. Times run from detection (or declaration when no detection time was recorded).`}</p>
      {rows.length === 0 ? (
        <p className="empty">No real incidents yet.</p>
      ) : (
        <>
          <table className="metrics-table">
            <caption>Means per severity</caption>
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Incidents</th>
                {SPANS.map(([, label]) => (
                  <th scope="col" key={label}>
                    {label}
                  </th>
                ))}
                <th scope="col">Within response target</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.severity}>
                  <th scope="row">{row.severity}</th>
                  <td>{row.incidents}</td>
                  {SPANS.map(([span]) => (
                    <td key={span}>{minutes(row.meanMinutes[span])}</td>
                  ))}
                  <td>{row.withinResponseTarget.of ? `${Math.round((100 * row.withinResponseTarget.met) / row.withinResponseTarget.of)}% (${row.withinResponseTarget.met} of ${row.withinResponseTarget.of})` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="charts">
            {SPANS.map(([span, label]) => (
              <BarChart key={span} title={`${label} (mean, minutes)`} unit="min" bars={rows.map((row) => ({ label: row.severity, value: row.meanMinutes[span] }))} />
            ))}
          </div>
        </>
      )}
      <h2>Action items</h2>
      <p>{completion.committed ? `${completion.done} of ${completion.committed} done (${Math.round((100 * completion.done) / completion.committed)}%)${completion.overdue ? ` · ⚠ ${completion.overdue} overdue` : ''}` : 'No action items yet.'}</p>
    </section>
  );
}
