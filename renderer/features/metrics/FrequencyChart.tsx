import type { MonthlyFrequency } from '../../../shared/metrics/incidentMetrics.ts';

const SHADES = 4;

/**
 * Incidents per month, one stacked bar per month (a shade per severity), over the table a screen
 * reader reads instead: the drawing is hidden from it.
 */
export function FrequencyChart({ frequency }: { frequency: MonthlyFrequency }) {
  const { months, severities, counts } = frequency;
  const total = (month: string) => severities.reduce((sum, s) => sum + (counts[month]?.[s] ?? 0), 0);
  const max = Math.max(1, ...months.map(total));
  const rowHeight = 24;
  const labelWidth = 70;
  const barSpace = 300;
  return (
    <figure className="chart frequency">
      <figcaption>Incidents per month, by severity</figcaption>
      <svg width={labelWidth + barSpace + 40} height={months.length * rowHeight + 8} aria-hidden="true">
        {months.map((month, i) => {
          const y = i * rowHeight + 4;
          let x = labelWidth;
          return (
            <g key={month}>
              <text x={0} y={y + 16} className="chart-label">
                {month}
              </text>
              {severities.map((severity, s) => {
                const width = ((counts[month]?.[severity] ?? 0) / max) * barSpace;
                const rect = <rect key={severity} x={x} y={y + 3} width={width} height={rowHeight - 8} className={`chart-bar shade-${s % SHADES}`} />;
                x += width;
                return rect;
              })}
              <text x={x + 6} y={y + 16} className="chart-value">
                {total(month)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="metrics-table">
        <caption>Incidents per month (UTC), by severity</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            {severities.map((severity, s) => (
              <th scope="col" key={severity}>
                <svg width="10" height="10" aria-hidden="true" className="legend">
                  <rect width="10" height="10" className={`chart-bar shade-${s % SHADES}`} />
                </svg>{' '}
                {severity}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month}>
              <th scope="row">{month}</th>
              {severities.map((severity) => (
                <td key={severity}>{counts[month]?.[severity] ?? 0}</td>
              ))}
              <td>{total(month)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
