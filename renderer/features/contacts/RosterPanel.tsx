import { useState, type FormEvent } from 'react';
import { onCallAt, weekStartOf, WEEKDAYS } from '../../../shared/contacts/roster.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { attempt } from '../../ui/errors.ts';
import { Field, FormError } from '../../ui/FormBits.tsx';
import { useNow } from '../../ui/useNow.ts';
import { removeRosterWeek, saveRosterWeek } from './contactActions.ts';
import { useContacts, useRoster } from './useContacts.ts';

/** Who is primary and secondary on call each week, and who is on call right now. */
export function RosterPanel({ actor }: { actor: string }) {
  const db = useDatabase();
  const roster = useRoster();
  const contacts = useContacts() ?? [];
  const now = useNow(60_000);
  const [start, setStart] = useState('');
  const [primary, setPrimary] = useState('');
  const [secondary, setSecondary] = useState('');
  const [error, setError] = useState<string | null>(null);
  const current = onCallAt(roster, now);
  const week = start || weekStartOf(roster, now);

  async function save(event: FormEvent) {
    event.preventDefault();
    const refused = await saveRosterWeek(db, actor, { start: week, primary: primary.trim(), secondary: secondary.trim() }).catch((failure: unknown) => `Not saved: ${String(failure)}`);
    setError(refused);
    if (refused === null) {
      setPrimary('');
      setSecondary('');
      setStart('');
    }
  }

  return (
    <section aria-labelledby="roster-title">
      <h2 id="roster-title">On-call roster</h2>
      <p>
        {`Handoff every ${WEEKDAYS[roster.handoffDay]} at ${roster.handoffTime} UTC. `}
        <strong role="status">{current ? `On call now: ${current.primary}${current.secondary ? ` (secondary ${current.secondary})` : ''}` : 'Nobody is on call now in the roster.'}</strong>
      </p>
      {roster.weeks.length > 0 && (
        <table aria-label="On-call weeks">
          <thead>
            <tr>
              <th scope="col">Week from</th>
              <th scope="col">Primary</th>
              <th scope="col">Secondary</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {roster.weeks.map((w) => (
              <tr key={w.start}>
                <th scope="row">{`${w.start} ${roster.handoffTime} UTC`}</th>
                <td>{w.primary}</td>
                <td>{w.secondary || '—'}</td>
                <td>
                  <button type="button" className="small" aria-label={`Remove the week of ${w.start}`} onClick={() => void attempt(() => removeRosterWeek(db, actor, w.start), setError)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="row compact" onSubmit={(e) => void save(e)}>
        <Field id="roster-start" label={`Week starting (a ${WEEKDAYS[roster.handoffDay]})`}>
          <input id="roster-start" type="date" value={week} onChange={(e) => setStart(e.target.value)} />
        </Field>
        <Field id="roster-primary" label="Primary on-call">
          <input id="roster-primary" list="roster-people" value={primary} onChange={(e) => setPrimary(e.target.value)} maxLength={100} />
        </Field>
        <Field id="roster-secondary" label="Secondary on-call">
          <input id="roster-secondary" list="roster-people" value={secondary} onChange={(e) => setSecondary(e.target.value)} maxLength={100} />
        </Field>
        <datalist id="roster-people">
          {contacts.filter((c) => c.kind === 'person').map((c) => (
            <option key={c.id} value={c.name} />
          ))}
        </datalist>
        <button type="submit">Save week</button>
      </form>
      <FormError message={error} />
    </section>
  );
}
