import { useState } from 'react';
import { bridgeLink, LOGISTICS_FIELDS, LOGISTICS_NAMES, NO_LOGISTICS, type Logistics } from '../../../../shared/domain/logistics.ts';
import type { IncidentView } from '../../../../shared/entities/index.ts';
import { useDatabase } from '../../../db/DatabaseProvider.tsx';
import { attempt } from '../../../ui/errors.ts';
import { Field, FormError } from '../../../ui/FormBits.tsx';
import { setLogistics } from './logisticsActions.ts';

const PLACEHOLDERS: Record<keyof Logistics, string> = { bridge: 'https://meet.example.com/incident or a dial-in', chatChannel: '#inc-checkout', room: 'Room 4.12' };
const MAX: Record<keyof Logistics, number> = { bridge: 500, chatChannel: 100, room: 200 };

/**
 * The war room's bridge, chat channel and room, at the top of the incident page. A bridge that is
 * a web link opens outside the app (the desktop app hands http(s) links to the system browser;
 * in a browser it opens in a new tab with no referrer); anything else shows as text.
 */
export function LogisticsBar({ incident, actor }: { incident: IncidentView; actor: string }) {
  const db = useDatabase();
  const current = incident.logistics ?? NO_LOGISTICS;
  const [editing, setEditing] = useState<Logistics | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = LOGISTICS_FIELDS.filter((field) => current[field] !== '');

  async function save(next: Logistics) {
    if (await attempt(() => setLogistics(db, incident, next, actor), setError)) setEditing(null);
  }

  return (
    <section aria-label="War room logistics" className="logistics">
      {editing ? (
        <form
          className="row compact"
          onSubmit={(e) => {
            e.preventDefault();
            void save(editing);
          }}
        >
          {LOGISTICS_FIELDS.map((field) => (
            <Field key={field} id={`logistics-${field}`} label={LOGISTICS_NAMES[field]} grow>
              <input id={`logistics-${field}`} value={editing[field]} maxLength={MAX[field]} placeholder={PLACEHOLDERS[field]} onChange={(e) => setEditing({ ...editing, [field]: e.target.value })} />
            </Field>
          ))}
          <div className="actions">
            <button type="button" onClick={() => (setEditing(null), setError(null))}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Save logistics
            </button>
          </div>
        </form>
      ) : (
        <p className="row compact">
          {set.length === 0 && <span className="hint">No bridge, chat channel or room set.</span>}
          {set.map((field) => {
            const link = field === 'bridge' ? bridgeLink(current.bridge) : null;
            return (
              <span key={field} className="logistics-item">
                {`${LOGISTICS_NAMES[field]}: `}
                {link ? (
                  <a href={link} target="_blank" rel="noopener noreferrer">
                    {current.bridge}
                  </a>
                ) : (
                  <strong>{current[field]}</strong>
                )}
              </span>
            );
          })}
          <button type="button" onClick={() => setEditing(current)}>
            {set.length === 0 ? 'Set logistics' : 'Edit logistics'}
          </button>
        </p>
      )}
      <FormError message={error} />
    </section>
  );
}
