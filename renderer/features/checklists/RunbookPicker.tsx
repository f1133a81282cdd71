import { useId, useState } from 'react';
import type { Runbook } from '../../../shared/runbooks/runbook.ts';

interface Props {
  /** Offered for this incident's type and severity, most specific first. */
  offered: readonly Runbook[];
  /** Every other runbook: any runbook can be started on any incident. */
  others: readonly Runbook[];
  offeredLabel: string;
  onStart(runbook: Runbook): void;
}

/**
 * One compact picker instead of a button per runbook: the matching ones first, then the others
 * (typing a title's first letters finds one in a long list). Starting takes a second, deliberate
 * step, so an arrow key moving through the closed list never starts a runbook by accident.
 */
export function RunbookPicker({ offered, others, offeredLabel, onStart }: Props) {
  const id = useId();
  const [chosen, setChosen] = useState('');
  const all = [...offered, ...others];
  if (all.length === 0) return null;
  const runbook = all.find((r) => r.id === chosen);
  const option = (r: Runbook) => (
    <option key={r.id} value={r.id}>
      {r.title}
    </option>
  );
  return (
    <form
      className="runbook-picker"
      onSubmit={(event) => {
        event.preventDefault();
        if (!runbook) return;
        setChosen('');
        onStart(runbook);
      }}
    >
      <label htmlFor={id}>Start a runbook</label>
      <select id={id} value={runbook ? chosen : ''} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{`Choose one (${offered.length} for this incident, ${others.length} more)`}</option>
        {offered.length > 0 && <optgroup label={offeredLabel}>{offered.map(option)}</optgroup>}
        {others.length > 0 && <optgroup label="Other runbooks">{others.map(option)}</optgroup>}
      </select>
      <button type="submit" disabled={!runbook}>
        Start runbook
      </button>
    </form>
  );
}
