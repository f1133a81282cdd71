import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../shared/domain/incident.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { assignRole, ROLE_NAMES } from './lifecycle.ts';
import { attempt } from '../../ui/errors.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { Field, Options } from '../../ui/FormBits.tsx';

/** Who holds which role; assign, hand off or release one — each change is logged. */
export function RolesPanel({ incident, actor, onError }: { incident: IncidentView; actor: string; onError(message: string | null): void }) {
  const db = useDatabase();
  const [role, setRole] = useState<Role>('incident-commander');
  const [person, setPerson] = useState('');

  async function assign(event: FormEvent) {
    event.preventDefault();
    if (person.trim() === '') return onError('Type the name of the person taking the role.');
    if (await attempt(() => assignRole(db, incident, role, person, actor), onError)) setPerson('');
  }

  const holders = ROLES.filter((r) => incident.roles[r]);
  return (
    <section aria-labelledby="roles-title" className="roles">
      <h2 id="roles-title">Roles</h2>
      {holders.length === 0 ? (
        <p className="hint">No roles assigned yet: start with an incident commander.</p>
      ) : (
        <ul className="role-list">
          {holders.map((r) => (
            <li key={r}>
              <span className="role-name">{ROLE_NAMES[r]}</span> <strong>{incident.roles[r]}</strong>{' '}
              <button type="button" className="small" onClick={() => void assignRole(db, incident, r, null, actor)} aria-label={`Release ${ROLE_NAMES[r]}`}>
                Release
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="row compact" onSubmit={(e) => void assign(e)}>
        <Field id="assign-role" label="Role">
          <select id="assign-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <Options values={ROLES} name={(r) => ROLE_NAMES[r]} />
          </select>
        </Field>
        <Field id="assign-person" label="Person">
          <input id="assign-person" value={person} onChange={(e) => setPerson(e.target.value)} maxLength={100} />
        </Field>
        <button type="submit">{incident.roles[role] ? 'Hand off' : 'Assign'}</button>
      </form>
    </section>
  );
}
