/**
 * A plain SVG bar chart: one bar per label, the value written beside it (the chart is a picture of
 * the table under it, so a screen reader gets the table, not the drawing).
 */
export function BarChart({ title, format, bars }: { title: string; format(value: number): string; bars: { label: string; value: number | null }[] }) {
  const known = bars.filter((b): b is { label: string; value: number } => b.value !== null);
  const max = Math.max(1, ...known.map((b) => b.value));
  const rowHeight = 28;
  const width = 420;
  const labelWidth = 60;
  const barSpace = width - labelWidth - 90;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg width={width} height={bars.length * rowHeight + 8} aria-hidden="true">
        {bars.map((bar, i) => {
          const y = i * rowHeight + 4;
          const length = bar.value === null ? 0 : Math.max(2, (bar.value / max) * barSpace);
          return (
            <g key={bar.label}>
              <text x={0} y={y + 18} className="chart-label">
                {bar.label}
              </text>
              <rect x={labelWidth} y={y + 4} width={length} height={rowHeight - 10} className="chart-bar" rx={3} />
              <text x={labelWidth + length + 6} y={y + 18} className="chart-value">
                {bar.value === null ? '—' : format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
