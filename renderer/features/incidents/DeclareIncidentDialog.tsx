import { useEffect, useRef, useState, type FormEvent } from 'react';
import { INCIDENT_TYPES, type IncidentType } from '../../../shared/domain/incident.ts';
import { levelOf } from '../../../shared/domain/severity.ts';
import { useUi } from '../../app/store.ts';
import { capitalize } from '../../ui/format.ts';
import { useSeverityScheme } from '../board/useSeverityScheme.ts';
import { SeverityOptions } from '../../ui/SeverityOptions.tsx';
import { useDraft } from '../drafts/useDraft.ts';
import { declareIncident, type FirstResponder } from './declare.ts';
import { OnCallProposal } from '../contacts/OnCallProposal.tsx';
import { NO_LOGISTICS } from '../../../shared/domain/logistics.ts';
import { DeclareLogistics } from './logistics/DeclareLogistics.tsx';
import { Field, FormError, Options } from '../../ui/FormBits.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';

/** A modal form: title, severity, type. Escape or Cancel closes it; the title draft is kept. */
export function DeclareIncidentDialog({ actor }: { actor: string }) {
  const db = useDatabase();
  const open = useUi((s) => s.declareOpen);
  const setOpen = useUi((s) => s.setDeclareOpen);
  const navigate = useUi((s) => s.navigate);
  const dialog = useRef<HTMLDialogElement>(null);
  const title = useDraft('declare:title');
  const [severity, setSeverity] = useState('');
  const [type, setType] = useState<IncidentType>('availability');
  const [exercise, setExercise] = useState(false);
  const [responder, setResponder] = useState<FirstResponder | null>(null);
  const [detectedAt, setDetectedAt] = useState('');
  const [logistics, setLogistics] = useState(NO_LOGISTICS);
  const [impact, setImpact] = useState({ summary: '', services: '', impactUser: '', impactBusiness: '', impactTechnical: '', usersAffected: '' });
  const scheme = useSeverityScheme();
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
      const level = levelOf(severity, scheme) ? severity : scheme.levels[1]?.id ?? scheme.levels[0]!.id;
      const result = await declareIncident(db, actor, { title: title.text, severity: level, type, exercise, detectedAt, ...impact, responder, logistics });
      if ('error' in result) {
        setError(result.error);
        return;
      }
      await title.clear();
      setError(null);
      setSeverity('');
      setType('availability');
      setExercise(false);
      setResponder(null);
      setLogistics(NO_LOGISTICS);
      setDetectedAt('');
      setImpact({ summary: '', services: '', impactUser: '', impactBusiness: '', impactTechnical: '', usersAffected: '' });
      setOpen(false);
      navigate({ name: 'incident', id: result.id });
    } catch (failure) {
      setError(`Nothing was saved: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby="declare-title"
      // The close event is queued: under load it can arrive after Alt+N has already reopened the
      // dialog, so only a dialog that is really closed may clear the state.
      onClose={() => {
        if (!dialog.current?.open) setOpen(false);
      }}
      className="dialog"
    >
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="declare-title">Declare an incident</h2>
        <label htmlFor="declare-title-input">Title</label>
        <input
          id="declare-title-input"
          autoFocus
          value={title.text}
          readOnly={!title.ready}
          onChange={(e) => title.setText(e.target.value)}
          placeholder="What is broken, for whom"
          aria-invalid={error !== null}
        />
        <div className="row">
          <Field id="declare-severity" label="Severity">
            <select id="declare-severity" value={levelOf(severity, scheme) ? severity : (scheme.levels[1]?.id ?? '')} onChange={(e) => setSeverity(e.target.value)}>
              <SeverityOptions scheme={scheme} />
            </select>
          </Field>
          <Field id="declare-type" label="Type">
            <select id="declare-type" value={type} onChange={(e) => setType(e.target.value as IncidentType)}>
              <Options values={INCIDENT_TYPES} name={(t) => capitalize(t)} />
            </select>
          </Field>
        </div>
        <label htmlFor="declare-detected">Detected at (optional)</label>
        <input id="declare-detected" value={detectedAt} onChange={(e) => setDetectedAt(e.target.value)} placeholder="when it started: 14:05, 2026-11-22 23:50 or -15m (local time)" />
        <details className="impact">
          <summary>Summary and impact</summary>
          <label htmlFor="declare-summary">Summary</label>
          <textarea id="declare-summary" rows={2} value={impact.summary} onChange={(e) => setImpact({ ...impact, summary: e.target.value })} />
          <label htmlFor="declare-services">Affected services (comma-separated)</label>
          <input id="declare-services" value={impact.services} onChange={(e) => setImpact({ ...impact, services: e.target.value })} />
          <label htmlFor="declare-impact-user">User impact</label>
          <textarea id="declare-impact-user" rows={2} value={impact.impactUser} onChange={(e) => setImpact({ ...impact, impactUser: e.target.value })} />
          <label htmlFor="declare-users">Users affected</label>
          <input id="declare-users" inputMode="numeric" value={impact.usersAffected} onChange={(e) => setImpact({ ...impact, usersAffected: e.target.value })} />
          <label htmlFor="declare-impact-business">Business impact</label>
          <textarea id="declare-impact-business" rows={2} value={impact.impactBusiness} onChange={(e) => setImpact({ ...impact, impactBusiness: e.target.value })} />
          <label htmlFor="declare-impact-technical">Technical impact</label>
          <textarea id="declare-impact-technical" rows={2} value={impact.impactTechnical} onChange={(e) => setImpact({ ...impact, impactTechnical: e.target.value })} />
        </details>
        <DeclareLogistics value={logistics} onChange={setLogistics} />
        <OnCallProposal value={responder} onChange={setResponder} />
        <label className="check">
          <input type="checkbox" checked={exercise} onChange={(e) => setExercise(e.target.checked)} /> This is an exercise
        </label>
        <FormError message={error} />
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
