import { useState } from 'react';
import { actionCompletion, frequencyByMonth, metricsBySeverity, PERIOD_NAMES, selectIncidents, type MetricsFilter } from '../../../shared/metrics/incidentMetrics.ts';
import { formatSpan, RESPONSE_METRIC_LABELS, RESPONSE_METRICS } from '../../../shared/metrics/responseMetrics.ts';
import { useNow } from '../../ui/useNow.ts';
import { useSeverityScheme } from '../board/useSeverityScheme.ts';
import { BarChart } from './BarChart.tsx';
import { FrequencyChart } from './FrequencyChart.tsx';
import { MetricsFilters } from './MetricsFilters.tsx';
import { useActions, useIncidents } from '../../db/hooks.ts';

const SPANS = RESPONSE_METRICS.map((id) => [id, RESPONSE_METRIC_LABELS[id]] as const);

/** The post-mortem's wording of a duration (whole minutes, truncated); a dash where nothing was measured. */
const minutes = (value: number | null) => (value === null ? '—' : formatSpan(value));

/** How the team responds, per severity, over the real incidents on this laptop (exercises excluded) of a period and type. */
export function MetricsView() {
  const incidents = useIncidents();
  const actions = useActions();
  const scheme = useSeverityScheme();
  const now = useNow(60_000);
  const [filter, setFilter] = useState<MetricsFilter>({ period: 'all', type: null });
  if (!incidents || !actions) return <p aria-busy="true">Loading metrics…</p>;
  const selected = selectIncidents(incidents, filter, now);
  const rows = metricsBySeverity(selected, scheme, now);
  const exercises = new Set(incidents.filter((i) => i.exercise).map((i) => i.id));
  const completion = actionCompletion(actions, exercises, new Date(now).toISOString().slice(0, 10));
  const scope = `${PERIOD_NAMES[filter.period]}, ${filter.type ?? 'every type'}`;
  return (
    <section aria-labelledby="metrics-title" className="metrics">
      <h1 id="metrics-title">Response metrics</h1>
      <MetricsFilters filter={filter} onChange={setFilter} />
      <p className="hint" role="status">{`${selected.length} real incident${selected.length === 1 ? '' : 's'}; ${exercises.size} exercise${exercises.size === 1 ? '' : 's'} left out. ${scope}. Time to detect runs from when the impact began, where recorded; the other times from detection (or declaration when no detection time was recorded).`}</p>
      {rows.length === 0 ? (
        <p className="empty">No real incidents in this selection.</p>
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
              <BarChart key={span} title={`${label} (mean)`} format={formatSpan} bars={rows.map((row) => ({ label: row.severity, value: row.meanMinutes[span] }))} />
            ))}
          </div>
          <FrequencyChart frequency={frequencyByMonth(incidents, scheme, filter, now)} />
        </>
      )}
      <h2>Action items</h2>
      <p>{completion.committed ? `${completion.done} of ${completion.committed} done (${Math.round((100 * completion.done) / completion.committed)}%)${completion.overdue ? ` · ⚠ ${completion.overdue} overdue` : ''}` : 'No action items yet.'}</p>
    </section>
  );
}
