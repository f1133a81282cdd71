import { useState, type FormEvent } from 'react';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { hostOffsetMinutes } from '../../../shared/timeline/localTime.ts';
import { formatClock } from '../../../shared/timeline/timeFormat.ts';
import { KEY_TIME_NAMES, KEY_TIMES, setKeyTime, type KeyTime } from './lifecycle.ts';
import { parseTimeInput } from './parseTimeInput.ts';
import { attempt } from '../../ui/errors.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { Field, Options } from '../../ui/FormBits.tsx';

const show = (iso: string | null) => (iso ? formatClock(iso, { utc: false, offsetMinutes: hostOffsetMinutes, withDate: true }) : 'not yet');

/** The lifecycle's key times; each can be corrected, and each correction is logged. */
export function KeyTimesPanel({ incident, actor, onError }: { incident: IncidentView; actor: string; onError(message: string | null): void }) {
  const db = useDatabase();
  const [field, setField] = useState<KeyTime>('detectedAt');
  const [value, setValue] = useState('');

  async function save(event: FormEvent) {
    event.preventDefault();
    const parsed = parseTimeInput(value);
    if (!parsed.ok) return onError(`${KEY_TIME_NAMES[field]}: ${parsed.error}`);
    if (await attempt(() => setKeyTime(db, incident, field, parsed.iso, actor), onError)) setValue('');
  }

  return (
    <section aria-labelledby="times-title" className="key-times">
      <h2 id="times-title">Key times</h2>
      <dl className="facts">
        {KEY_TIMES.map((k) => (
          <div key={k} className="fact">
            <dt>{KEY_TIME_NAMES[k]}</dt>
            <dd>{show(incident[k])}</dd>
          </div>
        ))}
      </dl>
      <form className="row compact" onSubmit={(e) => void save(e)}>
        <Field id="key-time-field" label="Correct">
          <select id="key-time-field" value={field} onChange={(e) => setField(e.target.value as KeyTime)}>
            <Options values={KEY_TIMES} name={(k) => KEY_TIME_NAMES[k]} />
          </select>
        </Field>
        <Field id="key-time-value" label="to (local time; empty clears)">
          <input id="key-time-value" value={value} onChange={(e) => setValue(e.target.value)} placeholder="14:05 or 2026-11-22 23:50" />
        </Field>
        <button type="submit">Set time</button>
      </form>
    </section>
  );
}
