import { DEFAULT_SEVERITIES } from '../../shared/domain/severity.ts';

/** Severity as text and colour together, never colour alone. */
export function SeverityBadge({ severity }: { severity: string }) {
  const level = DEFAULT_SEVERITIES.find((l) => l.id === severity);
  return (
    <span className={`severity severity-${severity.toLowerCase()}`} title={level?.description}>
      {severity}
      {level ? ` · ${level.name}` : ''}
    </span>
  );
}
