import { levelOf, P0_P3_SCHEME } from '../../shared/domain/severity.ts';

/** Severity as text and colour together, never colour alone. */
export function SeverityBadge({ severity, name }: { severity: string; name?: string | undefined }) {
  const label = name ?? levelOf(severity, P0_P3_SCHEME)?.name;
  return (
    <span className={`severity severity-${severity.toLowerCase()}`}>
      {severity}
      {label ? ` · ${label}` : ''}
    </span>
  );
}
