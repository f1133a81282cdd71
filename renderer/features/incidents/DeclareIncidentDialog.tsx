import { useEffect, useRef, useState, type FormEvent } from 'react';
import { INCIDENT_TYPES, type IncidentType } from '../../../shared/domain/incident.ts';
import { DEFAULT_SEVERITIES } from '../../../shared/domain/severity.ts';
import { useUi } from '../../app/store.ts';
import { capitalize } from '../../ui/format.ts';
import { useDraft } from '../drafts/useDraft.ts';
import { declareIncident } from './declare.ts';

/** A modal form: title, severity, type. Escape or Cancel closes it; the title draft is kept. */
export function DeclareIncidentDialog({ actor }: { actor: string }) {
  const open = useUi((s) => s.declareOpen);
  const setOpen = useUi((s) => s.setDeclareOpen);
  const navigate = useUi((s) => s.navigate);
  const dialog = useRef<HTMLDialogElement>(null);
  const title = useDraft('declare:title');
  const [severity, setSeverity] = useState('P1');
  const [type, setType] = useState<IncidentType>('availability');
  const [exercise, setExercise] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await declareIncident(actor, { title: title.text, severity, type, exercise });
      if ('error' in result) {
        setError(result.error);
        return;
      }
      await title.clear();
      setError(null);
      setSeverity('P1');
      setType('availability');
      setExercise(false);
      setOpen(false);
      navigate({ name: 'incident', id: result.id });
    } catch (failure) {
      setError(`Nothing was saved: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} aria-labelledby="declare-title" onClose={() => setOpen(false)} className="dialog">
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="declare-title">Declare an incident</h2>
        <label htmlFor="declare-title-input">Title</label>
        <input
          id="declare-title-input"
          autoFocus
          value={title.text}
          disabled={!title.ready}
          onChange={(e) => title.setText(e.target.value)}
          placeholder="What is broken, for whom"
          aria-invalid={error !== null}
        />
        <div className="row">
          <div className="field">
            <label htmlFor="declare-severity">Severity</label>
            <select id="declare-severity" value={severity} onChange={(e) => setSeverity(e.target.value)}>
              {DEFAULT_SEVERITIES.map((level) => (
                <option key={level.id} value={level.id}>
                  {level.id} · {level.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="declare-type">Type</label>
            <select id="declare-type" value={type} onChange={(e) => setType(e.target.value as IncidentType)}>
              {INCIDENT_TYPES.map((t) => (
                <option key={t} value={t}>
                  {capitalize(t)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label className="check">
          <input type="checkbox" checked={exercise} onChange={(e) => setExercise(e.target.checked)} /> This is an exercise
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Declare
          </button>
        </div>
      </form>
    </dialog>
  );
}
