import { DEFAULT_SEVERITIES } from '../../shared/domain/severity.ts';

/** Severity as text and colour together, never colour alone. */
export function SeverityBadge({ severity, name }: { severity: string; name?: string | undefined }) {
  const label = name ?? DEFAULT_SEVERITIES.find((l) => l.id === severity)?.name;
  return (
    <span className={`severity severity-${severity.toLowerCase()}`}>
      {severity}
      {label ? ` · ${label}` : ''}
    </span>
  );
}
