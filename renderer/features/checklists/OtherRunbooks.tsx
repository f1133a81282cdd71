import { useId, useState } from 'react';
import type { Runbook } from '../../../shared/runbooks/runbook.ts';

/** At most this many search results, so a large library stays one short list. */
const SHOWN = 8;

/**
 * The runbooks not offered for this incident's type and severity, one search away: any runbook
 * can be started on any incident (a P2 security incident may still need the security checklist).
 */
export function OtherRunbooks({ others, onStart }: { others: readonly Runbook[]; onStart(runbook: Runbook): void }) {
  const [query, setQuery] = useState('');
  const id = useId();
  if (others.length === 0) return null;
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const found = words.length === 0 ? [] : others.filter((runbook) => words.every((word) => `${runbook.title} ${runbook.id}`.toLowerCase().includes(word)));
  return (
    <div className="other-runbooks">
      <label htmlFor={id}>{`Another runbook (${others.length} more)`}</label>{' '}
      <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Search by name" maxLength={100} />
      {words.length > 0 && (
        <div role="group" aria-label="Other runbooks found">
          {found.length === 0 ? (
            <span className="hint">No other runbook matches.</span>
          ) : (
            found.slice(0, SHOWN).map((runbook) => (
              <button key={runbook.id} type="button" onClick={() => onStart(runbook)}>
                {`Start ${runbook.title}`}
              </button>
            ))
          )}
          {found.length > SHOWN && <span className="hint">{`${found.length - SHOWN} more: narrow the search`}</span>}
        </div>
      )}
    </div>
  );
}
