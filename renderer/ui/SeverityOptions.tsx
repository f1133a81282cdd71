import type { SeverityScheme } from '../../shared/domain/severity.ts';

/** The scheme's levels as a picker's options, named as on the badges ("P1 · High"). */
export function SeverityOptions({ scheme }: { scheme: SeverityScheme }) {
  return scheme.levels.map((level) => (
    <option key={level.id} value={level.id}>
      {`${level.id} · ${level.name}`}
    </option>
  ));
}
