import { INCIDENT_TYPES, type IncidentType } from '../../../shared/domain/incident.ts';
import { PERIOD_NAMES, PERIODS, type MetricsFilter, type Period } from '../../../shared/metrics/incidentMetrics.ts';
import { Field, Options } from '../../ui/FormBits.tsx';
import { capitalize } from '../../ui/format.ts';

const ALL_TYPES = 'all';

/** Which incidents the metrics cover: native selects, so the keyboard and screen readers work as everywhere. */
export function MetricsFilters({ filter, onChange }: { filter: MetricsFilter; onChange(filter: MetricsFilter): void }) {
  return (
    <div className="row compact" role="group" aria-label="Metrics filters">
      <Field id="metrics-period" label="Period">
        <select id="metrics-period" value={filter.period} onChange={(e) => onChange({ ...filter, period: e.target.value as Period })}>
          <Options values={PERIODS} name={(p) => PERIOD_NAMES[p]} />
        </select>
      </Field>
      <Field id="metrics-type" label="Type">
        <select id="metrics-type" value={filter.type ?? ALL_TYPES} onChange={(e) => onChange({ ...filter, type: e.target.value === ALL_TYPES ? null : (e.target.value as IncidentType) })}>
          <option value={ALL_TYPES}>All types</option>
          <Options values={INCIDENT_TYPES} name={capitalize} />
        </select>
      </Field>
    </div>
  );
}
