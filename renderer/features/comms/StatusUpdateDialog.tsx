import { copyText } from '../../ui/copyText.ts';
import { useState } from 'react';
import { statusUpdateClock } from '../../../shared/board/clocks.ts';
import { fillInsOf, fillStatusTemplate, STATUS_TEMPLATES, statusUpdateNumber, type StatusTemplateId } from '../../../shared/comms/statusTemplates.ts';
import { useLiveRows } from '../../db/hooks.ts';
import { listStatusUpdates } from '../../db/queries.ts';
import { levelOf, type SeverityScheme } from '../../../shared/domain/severity.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { Modal } from '../../ui/Modal.tsx';
import { postStatusUpdate } from '../incidents/lifecycle.ts';
import { errorMessage } from '../../ui/errors.ts';
import { useDraft } from '../drafts/useDraft.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';

function defaultTemplate(incident: IncidentView): StatusTemplateId {
  if (incident.status === 'resolved' || incident.status === 'closed') return 'resolution';
  return incident.lastUpdateAt ? 'update' : 'initial';
}

/** Compose from the plans' templates, prefilled from the incident; copy it out, then post it. */
export function StatusUpdateDialog({ incident, scheme, actor, onClose }: { incident: IncidentView; scheme: SeverityScheme; actor: string; onClose(): void }) {
  const db = useDatabase();
  const posted = useLiveRows((d) => listStatusUpdates(d, incident.id), [incident.id]);
  const updateNumber = statusUpdateNumber(posted ?? []);
  const fill = (id: StatusTemplateId) => {
    const template = STATUS_TEMPLATES.find((t) => t.id === id)!;
    const cadence = statusUpdateClock({ incident: { ...incident, lastUpdateAt: new Date().toISOString(), snoozedUntil: null }, scheme, now: Date.now() });
    return fillStatusTemplate(template, {
      incident: { ...incident, severityName: levelOf(incident.severity, scheme)?.name ?? null },
      updateNumber,
      nextUpdateAt: cadence.dueAt === null ? null : new Date(cadence.dueAt).toISOString(),
    });
  };
  const [templateId, setTemplateId] = useState<StatusTemplateId>(() => defaultTemplate(incident));
  // What the commander types is kept as a draft per incident: a reload, a crash or a Cancel
  // mid-update loses nothing. Until they type, the text is the template filled in afresh.
  const draft = useDraft(`update:${incident.id}`);
  const [filled, setFilled] = useState(() => fill(defaultTemplate(incident)));
  // Typed here, even down to nothing: the box must not snap back to the template when cleared.
  const [typed, setTyped] = useState(false);
  const restored = draft.ready && draft.text !== '' && !typed;
  // The box holds the commander's own words: picking a template must not overwrite them.
  const own = typed || restored;
  const text = own ? draft.text : filled;
  const [message, setMessage] = useState<string | null>(null);
  // The gaps still marked [fill in: …] when Post was pressed: posting them needs a second yes.
  const [gaps, setGaps] = useState<string[] | null>(null);

  // The number comes from the timeline, read after the dialog opened: refill the untouched template with it.
  // (State adjusted while rendering, React's pattern for state derived from a later-arriving value.)
  const [numbered, setNumbered] = useState(posted !== undefined);
  if (posted !== undefined && !numbered) {
    setNumbered(true);
    if (!own) setFilled(fill(templateId));
  }

  function chooseTemplate(id: StatusTemplateId) {
    setTemplateId(id);
    if (!own) setFilled(fill(id));
  }

  function startAgain() {
    setFilled(fill(templateId));
    setTyped(false);
    void draft.clear();
  }

  async function copy() {
    try {
      await copyText(text);
      setMessage('Copied to the clipboard.');
    } catch {
      setMessage('The clipboard is not available here: select the text and copy it with Ctrl+C.');
    }
  }

  async function post(anyway = false) {
    const missing = fillInsOf(text);
    if (missing.length > 0 && !anyway) return setGaps(missing);
    try {
      await postStatusUpdate(db, incident, text, actor, { template: templateId });
      await draft.clear();
      onClose();
    } catch (failure) {
      setMessage(`Not posted: ${errorMessage(failure)}`);
    }
  }

  return (
    <Modal title="Status update" onClose={onClose} wide>
      <label htmlFor="update-template">Template</label>
      <select
        id="update-template"
        value={templateId}
        onChange={(e) => chooseTemplate(e.target.value as StatusTemplateId)}
      >
        {STATUS_TEMPLATES.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <label htmlFor="update-text">Update</label>
      <textarea id="update-text" rows={12} value={text} onChange={(e) => (setTyped(true), draft.setText(e.target.value))} readOnly={!draft.ready} className="mono" data-autofocus />
      {own && (
        <p className="hint">
          {restored ? 'This is the update you had not posted yet, kept as you left it. ' : 'Picking a template keeps what you wrote. '}
          <button type="button" onClick={startAgain}>
            Start again from the template
          </button>
        </p>
      )}
      <p className="hint">Posting records it in the timeline as a communication and restarts the update timer. Fill in every [fill in: …] first.</p>
      {message && (
        <p role="status" className="status-line">
          {message}
        </p>
      )}
      {gaps ? (
        <div role="alert" className="confirm-gaps">
          <p>
            {`This update still has ${gaps.length} gap${gaps.length === 1 ? '' : 's'} to fill in: `}
            {gaps.join(', ')}
            {'. Post it anyway?'}
          </p>
          <div className="actions">
            <button type="button" onClick={() => setGaps(null)} data-autofocus>
              Keep editing
            </button>
            <button type="button" className="danger" onClick={() => void post(true)}>
              Post anyway
            </button>
          </div>
        </div>
      ) : (
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" onClick={() => void copy()}>
          Copy to clipboard
        </button>
        <button type="button" className="primary" onClick={() => void post()}>
          Post update
        </button>
      </div>
      )}
    </Modal>
  );
}
