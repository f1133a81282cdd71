import { useState, type FormEvent } from 'react';
import { CONTACT_KINDS, type ContactKind } from '../../../shared/contacts/contact.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { attempt } from '../../ui/errors.ts';
import { capitalize } from '../../ui/format.ts';
import { Field, Options } from '../../ui/FormBits.tsx';
import { addContact } from './contactActions.ts';

const EMPTY = { kind: 'person' as ContactKind, name: '', roles: '', phone: '', email: '', chat: '' };

/** One contact typed in; the rest of the fields come by CSV. */
export function AddContactForm({ actor, onError }: { actor: string; onError(message: string | null): void }) {
  const db = useDatabase();
  const [form, setForm] = useState(EMPTY);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await attempt(() => addContact(db, actor, form), onError, 'Not added')) setForm(EMPTY);
  }
  const input = (name: 'name' | 'roles' | 'phone' | 'email' | 'chat', label: string) => (
    <Field id={`contact-${name}`} label={label}>
      <input id={`contact-${name}`} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
    </Field>
  );
  return (
    <details className="add-contact">
      <summary>Add a contact</summary>
      <form className="row compact" onSubmit={(e) => void submit(e)}>
        <Field id="contact-kind" label="Type">
          <select id="contact-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as ContactKind })}>
            <Options values={CONTACT_KINDS} name={capitalize} />
          </select>
        </Field>
        {input('name', 'Name')}
        {input('roles', 'Roles (separated by ;)')}
        {input('phone', 'Phone')}
        {input('email', 'Email')}
        {input('chat', 'Chat handle')}
        <button type="submit">Add contact</button>
      </form>
    </details>
  );
}
