import { LOGISTICS_FIELDS, LOGISTICS_NAMES, type Logistics } from '../../../../shared/domain/logistics.ts';

/** The declare dialog's optional bridge, chat channel and room, folded away until wanted. */
export function DeclareLogistics({ value, onChange }: { value: Logistics; onChange(next: Logistics): void }) {
  return (
    <details className="impact">
      <summary>Bridge, chat channel and room (optional)</summary>
      {LOGISTICS_FIELDS.map((field) => (
        <div key={field}>
          <label htmlFor={`declare-${field}`}>{LOGISTICS_NAMES[field]}</label>
          <input id={`declare-${field}`} value={value[field]} onChange={(e) => onChange({ ...value, [field]: e.target.value })} />
        </div>
      ))}
    </details>
  );
}
