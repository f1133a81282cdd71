import { ACTION_STATUSES, type ActionStatus } from '../../../shared/domain/postmortem.ts';
import type { ActionView, IncidentView } from '../../../shared/entities/index.ts';
import { routeHash } from '../../app/store.ts';
import { attempt } from '../../ui/errors.ts';
import { isOverdue, updateActionItem } from './actionItems.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { Options } from '../../ui/FormBits.tsx';

const STATUS_NAMES: Record<ActionStatus, string> = { open: 'Open', 'in-progress': 'In progress', done: 'Done', 'wont-do': "Won't do" };

/** Action items with their status editable in place; overdue ones are flagged in words and colour. */
export function ActionsTable({ items, incidents, actor, today, onError }: { items: readonly ActionView[]; incidents?: ReadonlyMap<string, IncidentView>; actor: string; today: string; onError(message: string | null): void }) {
  const db = useDatabase();
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
              <td>{item.priority}</td>
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
                  <Options values={ACTION_STATUSES} name={(s) => STATUS_NAMES[s]} />
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
