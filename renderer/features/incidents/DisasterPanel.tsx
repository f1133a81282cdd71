import { useState, type FormEvent } from 'react';
import { rtoClock, rtoText } from '../../../shared/board/disasterClock.ts';
import { DEFAULT_RPO_MINUTES, DEFAULT_RTO_MINUTES } from '../../../shared/domain/disaster.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { attempt } from '../../ui/errors.ts';
import { formatLocalDateTime } from '../../ui/format.ts';
import { Field } from '../../ui/FormBits.tsx';
import { useNow } from '../../ui/useNow.ts';
import { declareDisaster, markRestored, standDownDisaster } from './disaster.ts';
import { parseTimeInput } from './parseTimeInput.ts';
import { DisasterApprovers } from './DisasterApprovers.tsx';

type Props = { incident: IncidentView; actor: string; onError(message: string | null): void };

/** "14:05" (local) or empty for now → ISO, or an error reported under the form. */
function when(text: string, label: string, onError: (message: string) => void): string | null {
  const parsed = parseTimeInput(text);
  if (!parsed.ok) {
    onError(`${label}: ${parsed.error}`);
    return null;
  }
  return parsed.iso ?? new Date().toISOString();
}

function DeclareForm({ incident, actor, onError }: Props) {
  const db = useDatabase();
  const [at, setAt] = useState('');
  const [approver, setApprover] = useState('');
  const [rto, setRto] = useState(String(DEFAULT_RTO_MINUTES));
  const [rpo, setRpo] = useState(String(DEFAULT_RPO_MINUTES));
  async function save(event: FormEvent) {
    event.preventDefault();
    const iso = when(at, 'Declare disaster', onError);
    if (iso === null) return;
    const input = { at: iso, approvedBy: approver, rtoMinutes: Number(rto), rpoMinutes: Number(rpo) };
    if (await attempt(() => declareDisaster(db, incident, input, actor), onError)) onError(null);
  }
  return (
    <form className="row compact" onSubmit={(e) => void save(e)}>
      <Field id="disaster-when" label="Declared (local time; empty = now)">
        <input id="disaster-when" value={at} onChange={(e) => setAt(e.target.value)} placeholder="14:05" />
      </Field>
      <Field id="disaster-approver" label="Approved by (CTO or deputy)" grow>
        <input id="disaster-approver" list="disaster-approvers" value={approver} onChange={(e) => setApprover(e.target.value)} required maxLength={500} />
      </Field>
      <DisasterApprovers />
      <Field id="disaster-rto" label="RTO (min)">
        <input id="disaster-rto" type="number" min={1} value={rto} onChange={(e) => setRto(e.target.value)} required />
      </Field>
      <Field id="disaster-rpo" label="RPO (min)">
        <input id="disaster-rpo" type="number" min={0} value={rpo} onChange={(e) => setRpo(e.target.value)} required />
      </Field>
      <button type="submit">Declare disaster</button>
    </form>
  );
}

function EndForms({ incident, actor, onError }: Props) {
  const db = useDatabase();
  const [reason, setReason] = useState('');
  async function standDown(event: FormEvent) {
    event.preventDefault();
    const input = { at: new Date().toISOString(), reason };
    if (await attempt(() => standDownDisaster(db, incident, input, actor), onError)) onError(null);
  }
  return (
    <>
      <button type="button" onClick={() => void attempt(() => markRestored(db, incident, new Date().toISOString(), actor), onError)}>
        Services restored
      </button>
      <form className="row compact" onSubmit={(e) => void standDown(e)}>
        <Field id="disaster-reason" label="Stand-down reason" grow>
          <input id="disaster-reason" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} />
        </Field>
        <button type="submit">Stand down disaster</button>
      </form>
    </>
  );
}

/**
 * Disaster recovery: declare a disaster with its approver and objectives (the plans' RTO 1 h and
 * RPO 5 min by default); the RTO clock then runs from the declaration, here and on the board,
 * until services are restored or the disaster is stood down with a reason. The restore-priority
 * runbook is offered in the checklists once it is declared.
 */
export function DisasterPanel({ incident, actor, onError }: Props) {
  const now = useNow(10_000);
  const clock = rtoClock({ incident, now });
  const active = clock !== null && clock.msLeft !== null;
  return (
    <details className="incident-more">
      <summary>{clock ? rtoText(clock) : 'Disaster recovery · not declared'}</summary>
      <section aria-labelledby="disaster-title" className="disaster">
        <h2 id="disaster-title">Disaster recovery</h2>
        {clock && incident.disasterDeclaredAt && (
          <p role="status" className={clock.state === 'overdue' ? 'flag flag-late' : 'flag'}>
            {`Declared ${formatLocalDateTime(incident.disasterDeclaredAt)}, approved by ${incident.disasterApprovedBy ?? 'not recorded'}. RTO ${clock.rtoMinutes} min (due by ${formatLocalDateTime(new Date(clock.deadlineAt).toISOString())}), RPO ${clock.rpoMinutes ?? '?'} min.`}
            {incident.disasterRestoredAt && ` Services restored ${formatLocalDateTime(incident.disasterRestoredAt)} (${clock.met ? 'within' : 'after'} the RTO).`}
            {incident.disasterStoodDownAt && ` Stood down ${formatLocalDateTime(incident.disasterStoodDownAt)}: ${incident.disasterStandDownReason ?? ''}.`}
          </p>
        )}
        {active ? <EndForms incident={incident} actor={actor} onError={onError} /> : <DeclareForm incident={incident} actor={actor} onError={onError} />}
      </section>
    </details>
  );
}
