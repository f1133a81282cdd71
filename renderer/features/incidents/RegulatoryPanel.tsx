import { useState, type FormEvent } from 'react';
import { formatCountdown, personalDataUndecided, regulatoryClock } from '../../../shared/board/clocks.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { attempt } from '../../ui/errors.ts';
import { formatLocalDateTime } from '../../ui/format.ts';
import { Field } from '../../ui/FormBits.tsx';
import { useNow } from '../../ui/useNow.ts';
import { parseTimeInput } from './parseTimeInput.ts';
import { recordIndividualsNotice, recordRegulatorNotice, setPersonalData } from './regulatory.ts';

type Props = { incident: IncidentView; actor: string; onError(message: string | null): void };

/** What the summary line says, so the state is readable with the panel closed. */
function summaryText(incident: IncidentView, now: number): string {
  const clock = regulatoryClock({ incident, now });
  if (clock?.state === 'notified') return 'Personal data · regulator notified';
  if (clock) return `Personal data · regulator notice ${clock.state === 'overdue' ? formatCountdown(clock.msLeft ?? 0) : `due in ${formatCountdown(clock.msLeft ?? 0)}`}`;
  if (personalDataUndecided(incident)) return 'Personal data · not decided';
  return incident.regulated === false ? 'Personal data · not involved' : 'Personal data · not marked';
}

/** A notice form: when (local time; empty = now), two required lines, one button. */
function NoticeForm({ id, first, second, submit, onSave, onError }: { id: string; first: string; second: string; submit: string; onSave(at: string, first: string, second: string): Promise<void>; onError(message: string | null): void }) {
  const [when, setWhen] = useState('');
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  async function save(event: FormEvent) {
    event.preventDefault();
    const parsed = parseTimeInput(when);
    if (!parsed.ok) return onError(`${submit}: ${parsed.error}`);
    const at = parsed.iso ?? new Date().toISOString();
    if (await attempt(() => onSave(at, a, b), onError)) {
      setWhen('');
      setA('');
      setB('');
      onError(null);
    }
  }
  return (
    <form className="row compact" onSubmit={(e) => void save(e)}>
      <Field id={`${id}-when`} label="When (local time; empty = now)">
        <input id={`${id}-when`} value={when} onChange={(e) => setWhen(e.target.value)} placeholder="14:05 or 2026-11-22 23:50" />
      </Field>
      <Field id={`${id}-first`} label={first} grow>
        <input id={`${id}-first`} value={a} onChange={(e) => setA(e.target.value)} required maxLength={500} />
      </Field>
      <Field id={`${id}-second`} label={second}>
        <input id={`${id}-second`} value={b} onChange={(e) => setB(e.target.value)} required maxLength={500} />
      </Field>
      <button type="submit">{submit}</button>
    </form>
  );
}

/**
 * Personal data and the notices it brings: a person marks whether personal data is involved (at
 * any time, whatever the type); the 72 h regulator clock then runs from detection, shown here and
 * on the board, until the regulator notice is recorded with its authority and reference.
 */
export function RegulatoryPanel({ incident, actor, onError }: Props) {
  const db = useDatabase();
  const now = useNow(10_000);
  const clock = regulatoryClock({ incident, now });
  const choice = incident.regulated === null ? '' : incident.regulated ? 'yes' : 'no';
  return (
    <details className="incident-more">
      <summary>{summaryText(incident, now)}</summary>
      <section aria-labelledby="regulatory-title" className="regulatory">
        <h2 id="regulatory-title">Personal data and notices</h2>
        <div className="row compact">
          <Field id="personal-data" label="Personal data involved?">
            <select id="personal-data" value={choice} onChange={(e) => void attempt(() => setPersonalData(db, incident, e.target.value === 'yes', actor), onError)}>
              {choice === '' && <option value="">Not decided</option>}
              <option value="yes">Yes</option>
              <option value="no">No</option>
            </select>
          </Field>
        </div>
        {clock && (
          <p role="status" className={clock.state === 'overdue' ? 'flag flag-late' : 'flag'}>
            {clock.state === 'notified'
              ? `Regulator notified ${formatLocalDateTime(incident.regulatoryNotifiedAt!)}: ${incident.regulatorAuthority ?? 'authority not recorded'}, reference ${incident.regulatorReference ?? 'not recorded'}`
              : `Regulator notice due by ${formatLocalDateTime(new Date(clock.deadlineAt).toISOString())} (${clock.state === 'overdue' ? formatCountdown(clock.msLeft ?? 0) : `${formatCountdown(clock.msLeft ?? 0)} left`}), 72 h from ${incident.detectedAt ? 'detection' : 'declaration'}`}
          </p>
        )}
        {!clock && incident.regulatoryNotifiedAt && <p>{`Regulator notified ${formatLocalDateTime(incident.regulatoryNotifiedAt)}: ${incident.regulatorAuthority ?? ''}, reference ${incident.regulatorReference ?? ''}`}</p>}
        <h3>Regulator notified</h3>
        <NoticeForm
          id="regulator-notice"
          first="Authority"
          second="Reference"
          submit="Record regulator notice"
          onError={onError}
          onSave={(at, authority, reference) => recordRegulatorNotice(db, incident, { at, authority, reference }, actor)}
        />
        <h3>Affected individuals notified</h3>
        {incident.individualsNotifiedAt && <p>{`Notified ${formatLocalDateTime(incident.individualsNotifiedAt)}: ${incident.individualsNotifiedHow ?? ''}, reference ${incident.individualsReference ?? ''}`}</p>}
        <NoticeForm
          id="individuals-notice"
          first="How and whom"
          second="Reference"
          submit="Record individuals notice"
          onError={onError}
          onSave={(at, how, reference) => recordIndividualsNotice(db, incident, { at, how, reference }, actor)}
        />
      </section>
    </details>
  );
}
