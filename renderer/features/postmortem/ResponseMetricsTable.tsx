import type { SeverityScheme } from '../../../shared/domain/severity.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { formatUtc, incidentMetrics, responseTargetRow } from '../../../shared/postmortem/facts.ts';

/** The response metrics exactly as the export writes them (the same rows, from the same functions), as of `now`. */
export function ResponseMetricsTable({ incident, scheme, now }: { incident: IncidentView; scheme: SeverityScheme; now: number }) {
  const rows = [...incidentMetrics(incident), responseTargetRow(incident, scheme, new Date(now).toISOString())];
  return (
    <table className="metrics-table">
      <caption>Response metrics</caption>
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">Time</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.label}>
            <th scope="row">{m.label}</th>
            <td>{`${m.fromLabel}, ${formatUtc(m.from)}`}</td>
            <td>{`${m.toLabel}, ${formatUtc(m.to)}`}</td>
            <td>{m.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
