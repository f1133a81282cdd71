import type { IncidentView } from '../../../shared/entities/index.ts';
import { formatUtc, incidentMetrics } from '../../../shared/postmortem/facts.ts';

/** The response metrics exactly as the export writes them (the same rows, from the same function). */
export function ResponseMetricsTable({ incident }: { incident: IncidentView }) {
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
        {incidentMetrics(incident).map((m) => (
          <tr key={m.id}>
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
