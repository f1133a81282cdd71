import type { ActionView, IncidentView } from '../../../shared/entities/index.ts';
import { ActionsTable } from './ActionsTable.tsx';
import { isOverdue, reviewGroups } from './actionItems.ts';

/** Open items by owner, for the weekly review (see `reviewGroups`). */
export function WeeklyReview({ items, incidents, scale, actor, today, onError }: { items: readonly ActionView[]; incidents: ReadonlyMap<string, IncidentView>; scale: readonly string[]; actor: string; today: string; onError(message: string | null): void }) {
  const groups = reviewGroups(items, scale, today);
  if (groups.length === 0) return <p className="hint">No open action items.</p>;
  return (
    <>
      {groups.map((group) => {
        const owner = group.owner ?? 'No owner';
        const overdue = group.items.filter((item) => isOverdue(item, today)).length;
        return (
          <section key={group.owner ?? '\u0000'} aria-label={`Open items: ${owner}`} className="review-group">
            <h2>{`${owner} · ${group.items.length} open${overdue > 0 ? ` · ${overdue} overdue` : ''}`}</h2>
            <ActionsTable items={group.items} incidents={incidents} actor={actor} today={today} onError={onError} />
          </section>
        );
      })}
    </>
  );
}
