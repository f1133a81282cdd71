import { useState, type FormEvent } from 'react';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { attempt } from '../../ui/errors.ts';
import { Field, FormError } from '../../ui/FormBits.tsx';
import { addTeamRole, removeTeamRole } from './contactActions.ts';
import { useTeamRoles } from './useContacts.ts';

/** The team's own roles beside the built-in ones: assignable on incidents, nameable in runbooks and contacts. */
export function TeamRolesPanel({ actor }: { actor: string }) {
  const db = useDatabase();
  const roles = useTeamRoles();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    const refused = await addTeamRole(db, actor, name, description).catch((failure: unknown) => `Not saved: ${String(failure)}`);
    setError(refused);
    if (refused === null) {
      setName('');
      setDescription('');
    }
  }

  return (
    <section aria-labelledby="team-roles-title">
      <h2 id="team-roles-title">Team roles</h2>
      <p className="hint">Roles beyond the built-in ones (on-call engineer, database administrator, legal…).</p>
      {roles.length > 0 && (
        <ul className="role-list">
          {roles.map((role) => (
            <li key={role.id}>
              <strong>{role.name}</strong> {role.description}{' '}
              <button type="button" className="small" aria-label={`Remove role ${role.name}`} onClick={() => void attempt(() => removeTeamRole(db, actor, role), setError)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="row compact" onSubmit={(e) => void add(e)}>
        <Field id="team-role-name" label="Role name">
          <input id="team-role-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
        </Field>
        <Field id="team-role-description" label="What the role does" grow>
          <input id="team-role-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} />
        </Field>
        <button type="submit">Add role</button>
      </form>
      <FormError message={error} />
    </section>
  );
}
