import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../shared/domain/incident.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { assignRole, ROLE_NAMES } from './lifecycle.ts';
import { assignTeamRole } from './teamRoleAssign.ts';
import { attempt } from '../../ui/errors.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { Field } from '../../ui/FormBits.tsx';
import { useContacts, useTeamRoles } from '../contacts/useContacts.ts';

const TEAM = 'team:';

/**
 * Who holds which role — the built-in ones, then the team's own — and assign, hand off or release
 * one; each change is logged. A team role held on the incident stays listed under the name it was
 * assigned by, even after the team renames or removes it.
 */
export function RolesPanel({ incident, actor, onError }: { incident: IncidentView; actor: string; onError(message: string | null): void }) {
  const db = useDatabase();
  const teamRoles = useTeamRoles();
  const people = (useContacts() ?? []).filter((c) => c.kind === 'person');
  const [role, setRole] = useState<string>('incident-commander');
  const [person, setPerson] = useState('');
  const held = incident.teamRoles ?? {};

  async function assign(event: FormEvent) {
    event.preventDefault();
    if (person.trim() === '') return onError('Type the name of the person taking the role.');
    if (await attempt(() => change(role, person), onError)) setPerson('');
  }

  function change(key: string, who: string | null): Promise<void> {
    if (!key.startsWith(TEAM)) return assignRole(db, incident, key as Role, who, actor);
    const id = key.slice(TEAM.length);
    const name = teamRoles.find((r) => r.id === id)?.name ?? held[id]?.name ?? id;
    return assignTeamRole(db, incident, { id, name }, who, actor);
  }

  const holders = [
    ...ROLES.filter((r) => incident.roles[r]).map((r) => ({ key: r, name: ROLE_NAMES[r], person: incident.roles[r]! })),
    ...Object.entries(held).map(([id, holder]) => ({ key: `${TEAM}${id}`, name: holder.name, person: holder.person })),
  ];
  const current = role.startsWith(TEAM) ? held[role.slice(TEAM.length)]?.person : incident.roles[role as Role];
  return (
    <section aria-labelledby="roles-title" className="roles">
      <h2 id="roles-title">Roles</h2>
      {holders.length === 0 ? (
        <p className="hint">No roles assigned yet: start with an incident commander.</p>
      ) : (
        <ul className="role-list">
          {holders.map((h) => (
            <li key={h.key}>
              <span className="role-name">{h.name}</span> <strong>{h.person}</strong>{' '}
              <button type="button" className="small" onClick={() => void attempt(() => change(h.key, null), onError)} aria-label={`Release ${h.name}`}>
                Release
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="row compact" onSubmit={(e) => void assign(e)}>
        <Field id="assign-role" label="Role">
          <select id="assign-role" value={role} onChange={(e) => setRole(e.target.value)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_NAMES[r]}
              </option>
            ))}
            {teamRoles.length > 0 && (
              <optgroup label="Team roles">
                {teamRoles.map((r) => (
                  <option key={r.id} value={`${TEAM}${r.id}`}>
                    {r.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </Field>
        <Field id="assign-person" label="Person">
          <input id="assign-person" list="assign-people" value={person} onChange={(e) => setPerson(e.target.value)} maxLength={100} />
        </Field>
        <datalist id="assign-people">
          {people.map((c) => (
            <option key={c.id} value={c.name} />
          ))}
        </datalist>
        <button type="submit">{current ? 'Hand off' : 'Assign'}</button>
      </form>
    </section>
  );
}
