import { ACTION_STATUS_NAMES, ACTION_STATUSES, priorityLabel, type ActionStatus } from '../../../shared/domain/actionItems.ts';
import type { ActionView, IncidentView } from '../../../shared/entities/index.ts';
import { routeHash } from '../../app/store.ts';
import { attempt } from '../../ui/errors.ts';
import { isOverdue, updateActionItem } from './actionItems.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { Options } from '../../ui/FormBits.tsx';
import { useActionPriorities } from './useActionPriorities.ts';


/** A priority on the team's scale; one written on another scale (or by an older War Room) shows as it reads. */
function PrioritySelect({ item, scale, onChange }: { item: ActionView; scale: readonly string[]; onChange(priority: string): void }) {
  const shown = priorityLabel(item.priority, scale);
  return (
    <select aria-label={`Priority of ${item.description}`} value={shown} onChange={(e) => onChange(e.target.value)}>
      <Options values={scale.includes(shown) ? scale : [...scale, shown]} name={(p) => p} />
    </select>
  );
}

/** Action items with their priority and status editable in place; overdue ones are flagged in words and colour. */
export function ActionsTable({ items, incidents, actor, today, onError }: { items: readonly ActionView[]; incidents?: ReadonlyMap<string, IncidentView>; actor: string; today: string; onError(message: string | null): void }) {
  const db = useDatabase();
  const scale = useActionPriorities();
  if (items.length === 0) return <p className="hint">No action items.</p>;
  return (
    <table className="actions-table">
      <thead>
        <tr>
          <th scope="col">Action</th>
          {incidents && <th scope="col">Incident</th>}
          <th scope="col">Owner</th>
          <th scope="col">Priority</th>
          <th scope="col">Due</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const late = isOverdue(item, today);
          const incident = incidents?.get(item.incident);
          return (
            <tr key={`${item.incident}/${item.id}`} className={late ? 'overdue' : undefined}>
              <td>{item.description}</td>
              {incidents && <td>{incident ? <a href={routeHash({ name: 'incident', id: incident.id })}>{incident.title}</a> : item.incident}</td>}
              <td>{item.owner ?? '—'}</td>
              <td>
                <PrioritySelect item={item} scale={scale} onChange={(priority) => void attempt(() => updateActionItem(db, item, { priority }, actor), onError)} />
              </td>
              <td>
                {item.dueDate ?? '—'}
                {late && <span className="flag flag-late">{' ⚠ Overdue'}</span>}
              </td>
              <td>
                <select
                  aria-label={`Status of ${item.description}`}
                  value={item.status}
                  onChange={(e) => void attempt(() => updateActionItem(db, item, { status: e.target.value as ActionStatus }, actor), onError)}
                >
                  <Options values={ACTION_STATUSES} name={(s) => ACTION_STATUS_NAMES[s]} />
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
