import { useState, type FormEvent } from 'react';
import type { Artefact } from '../../../shared/entities/index.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { attempt } from '../../ui/errors.ts';
import { Field } from '../../ui/FormBits.tsx';
import { parseTimeInput } from '../incidents/parseTimeInput.ts';
import { ArtefactFacts, ArtefactPicker } from './ArtefactPicker.tsx';
import { recordEvidence } from './evidenceActions.ts';

/** Record a new evidence item: what, who collected it, when, where it is kept, and the file's hash. */
export function NewEvidenceForm({ incident, actor, onError }: { incident: string; actor: string; onError(message: string | null): void }) {
  const db = useDatabase();
  const [description, setDescription] = useState('');
  const [collectedBy, setCollectedBy] = useState(actor);
  const [collectedAt, setCollectedAt] = useState('');
  const [storedAt, setStoredAt] = useState('');
  const [artefact, setArtefact] = useState<Artefact | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!artefact) return onError('Choose the evidence file first: War Room records its SHA-256.');
    if (!description.trim() || !collectedBy.trim() || !storedAt.trim()) return onError('Say what the evidence is, who collected it and where it is stored.');
    const time = parseTimeInput(collectedAt);
    if (!time.ok) return onError(time.error);
    const input = { description, collectedBy, storedAt, collectedAt: time.iso ?? new Date().toISOString() };
    if (await attempt(() => recordEvidence(db, incident, input, artefact, actor), onError)) {
      setDescription('');
      setCollectedAt('');
      setStoredAt('');
      setArtefact(null);
    }
  }

  return (
    <form className="evidence-new" aria-label="New evidence item" onSubmit={(e) => void submit(e)}>
      <div className="row compact">
        <Field id="evidence-description" label="Evidence" grow>
          <input id="evidence-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} placeholder="e.g. nginx access log of web-3" />
        </Field>
        <Field id="evidence-collected-by" label="Collected by">
          <input id="evidence-collected-by" value={collectedBy} onChange={(e) => setCollectedBy(e.target.value)} maxLength={100} />
        </Field>
        <Field id="evidence-collected-at" label="Collected at (empty: now)">
          <input id="evidence-collected-at" value={collectedAt} onChange={(e) => setCollectedAt(e.target.value)} placeholder="14:05 or -15m" />
        </Field>
        <Field id="evidence-stored-at" label="Stored at" grow>
          <input id="evidence-stored-at" value={storedAt} onChange={(e) => setStoredAt(e.target.value)} maxLength={500} placeholder="e.g. evidence share /ir/42, safe 2" />
        </Field>
      </div>
      <div className="row compact">
        <ArtefactPicker id="evidence-file" label="Choose the evidence file to hash" onHashed={setArtefact} onError={onError} />
        {artefact && (
          <p role="status">
            Hashed: <ArtefactFacts artefact={artefact} />
          </p>
        )}
        <button type="submit" className="primary">
          Record evidence
        </button>
      </div>
    </form>
  );
}
