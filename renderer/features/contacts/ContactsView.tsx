import { useState } from 'react';
import { searchContacts } from '../../../shared/contacts/lookup.ts';
import type { ContactView } from '../../../shared/entities/index.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { attempt, errorMessage } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormBits.tsx';
import { TextFileInput } from '../../ui/TextFileInput.tsx';
import { saveTextFile } from '../export/saveTextFile.ts';
import { AddContactForm } from './AddContactForm.tsx';
import { exportContactsCsv, importContactsCsv, removeContact } from './contactActions.ts';
import { RosterPanel } from './RosterPanel.tsx';
import { TeamRolesPanel } from './TeamRolesPanel.tsx';
import { useContacts, useTeamRoles } from './useContacts.ts';

/** The team's contacts directory, its roles and its on-call roster: all local, so it works with chat and network down. */
export function ContactsView({ actor }: { actor: string }) {
  const db = useDatabase();
  const contacts = useContacts();
  const teamRoles = useTeamRoles();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function importText(text: string) {
    setStatus('');
    try {
      const result = await importContactsCsv(db, text, actor);
      if (result.ok) {
        setError(null);
        setStatus(result.summary);
      } else setError(result.error);
    } catch (failure) {
      setError(`Nothing was imported: ${errorMessage(failure)}`);
    }
  }

  async function exportCsv() {
    setError(null);
    await attempt(async () => setStatus(await saveTextFile('contacts.csv', await exportContactsCsv(db), 'csv')), setError, 'Not exported');
  }

  if (!contacts) return <p aria-busy="true">Loading contacts…</p>;
  const shown = searchContacts(contacts, query, teamRoles);
  return (
    <section aria-labelledby="contacts-title">
      <h1 id="contacts-title">Contacts</h1>
      <div className="row compact">
        <label htmlFor="contacts-search">Search by name or role</label>
        <input id="contacts-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <TextFileInput label="Import CSV" accept=".csv,text/csv" inputLabel="Contacts CSV file" onText={({ text }) => importText(text)} onError={setError} />
        <button type="button" onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </div>
      <FormError message={error} />
      {status && <p role="status">{status}</p>}
      <ContactsTable contacts={shown} onRemove={(c) => void attempt(() => removeContact(db, actor, c), setError)} />
      <AddContactForm actor={actor} onError={setError} />
      <TeamRolesPanel actor={actor} />
      <RosterPanel actor={actor} />
    </section>
  );
}

function ContactsTable({ contacts, onRemove }: { contacts: readonly ContactView[]; onRemove(contact: ContactView): void }) {
  if (contacts.length === 0) return <p className="hint">No contacts match. Import a CSV or add one below.</p>;
  return (
    <table className="contacts-table" aria-label="Contacts">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Roles or service</th>
          <th scope="col">Phone</th>
          <th scope="col">Email</th>
          <th scope="col">Chat</th>
          <th scope="col">Time zone or tier</th>
          <th scope="col">Notes</th>
          <th scope="col">
            <span className="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {contacts.map((c) => (
          <tr key={c.id}>
            <th scope="row">
              {c.name}
              {c.kind === 'vendor' && <span className="hint"> (vendor)</span>}
            </th>
            <td>{c.kind === 'vendor' ? [c.provides, c.accountId && `account ${c.accountId}`].filter(Boolean).join(' · ') : c.roles.join(', ')}</td>
            <td>{c.phone && <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a>}</td>
            <td>{c.email}</td>
            <td>{c.chat}</td>
            <td>{c.kind === 'vendor' ? c.tier : c.timezone}</td>
            <td>
              {c.supportUrl && (
                <a href={c.supportUrl} target="_blank" rel="noreferrer noopener">
                  Support
                </a>
              )}{' '}
              {c.notes}
            </td>
            <td>
              <button type="button" className="small" onClick={() => onRemove(c)} aria-label={`Remove ${c.name}`}>
                Remove
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
