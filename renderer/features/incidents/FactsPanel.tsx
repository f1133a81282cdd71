import { useState, type FormEvent } from 'react';
import { INCIDENT_TYPES } from '../../../shared/domain/incident.ts';
import { FACT_FIELDS, FACT_NAMES, type FactField } from '../../../shared/domain/incidentFacts.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { attempt } from '../../ui/errors.ts';
import { capitalize } from '../../ui/format.ts';
import { Field, Options } from '../../ui/FormBits.tsx';
import { useDraft } from '../drafts/useDraft.ts';
import { factsFormOf, parseFactsForm, type FactsForm } from './factsForm.ts';
import { updateFacts } from './lifecycle.ts';

/** What is being edited, and what it was when editing began: only boxes the commander changed are saved. */
interface FactsDraft {
  base: FactsForm;
  form: FactsForm;
}

function readDraft(text: string): FactsDraft | null {
  if (text === '') return null;
  try {
    const draft = JSON.parse(text) as FactsDraft;
    return draft && typeof draft.form === 'object' && typeof draft.base === 'object' ? draft : null;
  } catch {
    return null;
  }
}

const TEXT_BOXES: readonly FactField[] = ['impactUser', 'impactBusiness', 'impactTechnical'];

/**
 * The incident's facts, editable at any time: what is typed is a draft (kept across a reload or
 * crash) until Save, which writes only the boxes changed — a colleague's change to another fact
 * meanwhile is not overwritten — and logs one timeline line naming each change.
 */
export function FactsPanel({ incident, actor, onError }: { incident: IncidentView; actor: string; onError(message: string | null): void }) {
  const db = useDatabase();
  const draft = useDraft(`facts:${incident.id}`);
  const [saved, setSaved] = useState<string | null>(null);
  const current = factsFormOf(incident);
  const editing = readDraft(draft.text);
  const form = editing?.form ?? current;

  function change(field: keyof FactsForm, value: string) {
    setSaved(null);
    draft.setText(JSON.stringify({ base: editing?.base ?? current, form: { ...form, [field]: value } } satisfies FactsDraft));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!editing) return setSaved('Nothing changed.');
    // Boxes left as they were take the incident's current value, which may have changed since.
    const merged = Object.fromEntries(FACT_FIELDS.map((f) => [f, editing.form[f] === editing.base[f] ? current[f] : editing.form[f]])) as unknown as FactsForm;
    const parsed = parseFactsForm(merged);
    if (!parsed.ok) return onError(parsed.error);
    let wrote = false;
    if (await attempt(async () => void (wrote = await updateFacts(db, incident, parsed.facts, actor)), onError)) {
      await draft.clear();
      setSaved(wrote ? 'Saved, and logged in the timeline.' : 'Nothing changed.');
    }
  }

  const box = (field: FactField, multiline = false, grow = multiline) => (
    <Field key={field} id={`fact-${field}`} label={FACT_NAMES[field]} grow={grow}>
      {multiline ? (
        <textarea id={`fact-${field}`} rows={2} value={form[field]} onChange={(e) => change(field, e.target.value)} readOnly={!draft.ready} />
      ) : (
        <input id={`fact-${field}`} value={form[field]} onChange={(e) => change(field, e.target.value)} readOnly={!draft.ready} />
      )}
    </Field>
  );

  return (
    <section aria-labelledby="facts-title" className="facts-panel">
      <h2 id="facts-title">Facts</h2>
      <form onSubmit={(e) => void save(e)}>
        <div className="row compact">
          {box('title', false, true)}
          <Field id="fact-type" label={FACT_NAMES.type}>
            <select id="fact-type" value={form.type} onChange={(e) => change('type', e.target.value)} disabled={!draft.ready}>
              <Options values={INCIDENT_TYPES} name={capitalize} />
            </select>
          </Field>
          {box('externalRef')}
        </div>
        {box('summary', true)}
        <div className="row compact">
          {box('usersAffected')}
          {box('usersAffectedPercent')}
          {box('services', true)}
        </div>
        <div className="row compact">{TEXT_BOXES.map((field) => box(field, true))}</div>
        <div className="actions start">
          <button type="submit" className="primary">
            Save facts
          </button>
          {editing && (
            <button type="button" onClick={() => void draft.clear()}>
              Discard changes
            </button>
          )}
          {editing && <span className="hint">Not saved yet (kept as a draft).</span>}
          {saved && (
            <span role="status" className="hint">
              {saved}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
