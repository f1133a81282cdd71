import { useState } from 'react';
import { FormError } from '../../ui/FormBits.tsx';
import { useNow } from '../../ui/useNow.ts';
import { isOverdue, localToday } from './actionItems.ts';
import { ActionsTable } from './ActionsTable.tsx';
import { useActions, useIncidents } from '../../db/hooks.ts';

/** Every incident's action items in one list, overdue ones first to catch the eye. */
export function ActionsView({ actor }: { actor: string }) {
  const items = useActions();
  const incidents = useIncidents();
  const [showAll, setShowAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const now = useNow(60_000);
  if (!items || !incidents) return <p aria-busy="true">Loading action items…</p>;
  const today = localToday(now);
  const shown = items.filter((item) => showAll || item.status === 'open' || item.status === 'in-progress').sort((a, b) => Number(isOverdue(b, today)) - Number(isOverdue(a, today)));
  const overdue = items.filter((item) => isOverdue(item, today)).length;
  return (
    <section aria-labelledby="actions-title">
      <h1 id="actions-title">Action items</h1>
      <div className="board-head">
        <label className="check">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show done and won’t-do too
        </label>
        {overdue > 0 && <p className="flag flag-late" role="status">{`⚠ ${overdue} overdue`}</p>}
      </div>
      <FormError message={error} />
      <ActionsTable items={shown} incidents={new Map(incidents.map((i) => [i.id, i]))} actor={actor} today={today} onError={setError} />
    </section>
  );
}
