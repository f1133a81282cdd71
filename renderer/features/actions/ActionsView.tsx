import { useState } from 'react';
import { isOpenAction } from '../../../shared/domain/actionItems.ts';
import { FormError } from '../../ui/FormBits.tsx';
import { useNow } from '../../ui/useNow.ts';
import { isOverdue, localToday } from './actionItems.ts';
import { ActionsTable } from './ActionsTable.tsx';
import { PriorityScaleSetting } from './PriorityScaleSetting.tsx';
import { useActionPriorities } from './useActionPriorities.ts';
import { WeeklyReview } from './WeeklyReview.tsx';
import { useActions, useIncidents } from '../../db/hooks.ts';

type Mode = 'list' | 'review';

/** Every incident's action items in one list, overdue ones first to catch the eye; or the weekly review, by owner. */
export function ActionsView({ actor }: { actor: string }) {
  const items = useActions();
  const incidents = useIncidents();
  const scale = useActionPriorities();
  const [mode, setMode] = useState<Mode>('list');
  const [showAll, setShowAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const now = useNow(60_000);
  if (!items || !incidents) return <p aria-busy="true">Loading action items…</p>;
  const today = localToday(now);
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const shown = items.filter((item) => showAll || isOpenAction(item.status)).sort((a, b) => Number(isOverdue(b, today)) - Number(isOverdue(a, today)));
  const overdue = items.filter((item) => isOverdue(item, today)).length;
  return (
    <section aria-labelledby="actions-title">
      <h1 id="actions-title">Action items</h1>
      <div className="board-head">
        <div role="radiogroup" aria-label="Show" className="segmented">
          {(
            [
              ['list', 'All items'],
              ['review', 'Weekly review by owner'],
            ] as const
          ).map(([id, label]) => (
            <button key={id} type="button" role="radio" aria-checked={mode === id} onClick={() => setMode(id)}>
              {label}
            </button>
          ))}
        </div>
        {mode === 'list' && (
          <label className="check">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show complete and won’t-do too
          </label>
        )}
        {overdue > 0 && <p className="flag flag-late" role="status">{`⚠ ${overdue} overdue`}</p>}
      </div>
      <FormError message={error} />
      {mode === 'list' ? (
        <ActionsTable items={shown} incidents={byId} actor={actor} today={today} onError={setError} />
      ) : (
        <WeeklyReview items={items} incidents={byId} scale={scale} actor={actor} today={today} onError={setError} />
      )}
      <PriorityScaleSetting actor={actor} />
    </section>
  );
}
