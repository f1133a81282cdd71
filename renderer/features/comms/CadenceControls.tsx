import { useState, type FormEvent } from 'react';
import { formatCountdown, statusUpdateClock } from '../../../shared/board/clocks.ts';
import { audienceClocks, soonestDue } from '../../../shared/board/audienceClocks.ts';
import { useCommsPlan } from './useCommsPlan.ts';
import type { SeverityScheme } from '../../../shared/domain/severity.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { Modal } from '../../ui/Modal.tsx';
import { useNow } from '../../ui/useNow.ts';
import { setCadence, snoozeUpdates } from '../incidents/lifecycle.ts';
import { DialogActions, FormError } from '../../ui/FormBits.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';

/** The update clock of one incident, with snooze (reason required) and cadence choice. */
export function CadenceControls({ incident, scheme, actor, onPost }: { incident: IncidentView; scheme: SeverityScheme; actor: string; onPost(): void }) {
  const db = useDatabase();
  const now = useNow(1000);
  const clock = statusUpdateClock({ incident, scheme, now });
  const audiences = audienceClocks({ incident, scheme, plan: useCommsPlan(), now });
  const [snoozing, setSnoozing] = useState(false);
  // With several audiences, the headline is whichever update falls due first, and to whom.
  const first = audiences.length > 1 ? soonestDue(audiences) : undefined;
  const label =
    first ? (first.state === 'overdue' ? `⚠ Status update to ${first.audience.name} ${formatCountdown(first.msLeft!)}` : `Next status update (${first.audience.name}) in ${formatCountdown(first.msLeft!)}`)
    : clock.state === 'closed' ? 'No updates due (closed)'
    : clock.state === 'never' ? 'No fixed update cadence'
    : clock.state === 'overdue' ? `⚠ Status update ${formatCountdown(clock.msLeft ?? 0)}`
    : clock.state === 'snoozed' ? `Updates snoozed · next due in ${formatCountdown(clock.msLeft ?? 0)}`
    : `Next status update in ${formatCountdown(clock.msLeft ?? 0)}`;
  const cadenceValue = incident.cadenceOverride === null ? 'default' : String(incident.cadenceOverride);
  return (
    <>
      <span className={(first ?? clock).state === 'overdue' ? 'flag flag-late' : (first ?? clock).state === 'due-soon' ? 'flag flag-soon' : 'flag flag-ok'} role="status">
        {label}
      </span>
      <button type="button" className="primary" onClick={onPost}>
        Post status update
      </button>
      <button type="button" onClick={() => setSnoozing(true)} disabled={clock.state === 'closed' || clock.state === 'never'}>
        Snooze
      </button>
      <label htmlFor="cadence" className="inline">
        Cadence
      </label>
      <select id="cadence" value={cadenceValue} onChange={(e) => void setCadence(db, incident, e.target.value === 'default' ? null : e.target.value === 'never' ? 'never' : Number(e.target.value), actor)}>
        <option value="default">Severity default{clock.cadenceMinutes && incident.cadenceOverride === null ? ` (${clock.cadenceMinutes} min)` : ''}</option>
        {[15, 30, 60, 120].map((m) => (
          <option key={m} value={m}>
            Every {m} min
          </option>
        ))}
        <option value="never">Never (significant developments only)</option>
      </select>
      {snoozing && <SnoozeDialog incident={incident} actor={actor} onClose={() => setSnoozing(false)} />}
    </>
  );
}

function SnoozeDialog({ incident, actor, onClose }: { incident: IncidentView; actor: string; onClose(): void }) {
  const db = useDatabase();
  const [minutes, setMinutes] = useState(30);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await snoozeUpdates(db, incident, Date.now() + minutes * 60_000, reason, actor);
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }
  return (
    <Modal title="Snooze status updates" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="snooze-minutes">For</label>
        <select id="snooze-minutes" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {[15, 30, 60, 120, 240].map((m) => (
            <option key={m} value={m}>
              {m} min
            </option>
          ))}
        </select>
        <label htmlFor="snooze-reason">Reason</label>
        <input id="snooze-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus maxLength={300} />
        <FormError message={error} />
        <DialogActions onCancel={onClose} submitLabel="Snooze" />
      </form>
    </Modal>
  );
}
