import { copyText } from '../../ui/copyText.ts';
import { useState } from 'react';
import { audienceClocks, lastUpdateFor, mostOverdue } from '../../../shared/board/audienceClocks.ts';
import { postedAudience, templateStage, type CommsPlan, type PlanAudience, type Stage } from '../../../shared/comms/commsPlan.ts';
import { fillInsOf, fillStatusTemplate, statusTemplate, statusUpdateNumber, type StatusTemplate } from '../../../shared/comms/statusTemplates.ts';
import { useLiveRows } from '../../db/hooks.ts';
import { listStatusUpdates } from '../../db/queries.ts';
import { levelOf, type SeverityScheme } from '../../../shared/domain/severity.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { Modal } from '../../ui/Modal.tsx';
import { postStatusUpdate } from '../incidents/lifecycle.ts';
import { errorMessage } from '../../ui/errors.ts';
import { useDraft } from '../drafts/useDraft.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { AudiencePicker } from './AudiencePicker.tsx';
import { useLoadedCommsPlan } from './useCommsPlan.ts';
import { useNow } from '../../ui/useNow.ts';
import { useStatusTemplates } from './useStatusTemplates.ts';

/** Which message this audience is owed: the resolution notice once resolved, the initial notification until it has had one. */
function defaultStage(incident: IncidentView, audience: PlanAudience): Stage {
  if (incident.status === 'resolved' || incident.status === 'closed') return 'resolution';
  return lastUpdateFor(incident, audience.id) ? 'update' : 'initial';
}

/** The template by id; one the library lacks (the plan names a template since removed) falls back to the built-in of its stage. */
function findTemplate(templates: readonly StatusTemplate[], id: string, stage: Stage): StatusTemplate {
  return templates.find((t) => t.id === id) ?? statusTemplate(stage);
}

interface Props {
  incident: IncidentView;
  scheme: SeverityScheme;
  actor: string;
  onClose(): void;
}

/** Compose from the templates, prefilled from the incident, for one audience of the plan; copy it out, then post it. */
export function StatusUpdateDialog(props: Props) {
  const plan = useLoadedCommsPlan();
  const templates = useStatusTemplates();
  // The audience and template are chosen once, from the plan: wait for it rather than choose from the default.
  if (plan === undefined || templates === undefined) {
    return (
      <Modal title="Status update" onClose={props.onClose} wide>
        <p aria-busy="true">Loading the communications plan…</p>
      </Modal>
    );
  }
  return <Composer {...props} plan={plan} templates={templates} />;
}

function Composer({ incident, scheme, actor, onClose, plan, templates }: Props & { plan: CommsPlan; templates: readonly StatusTemplate[] }) {
  const db = useDatabase();
  const posted = useLiveRows((d) => listStatusUpdates(d, incident.id), [incident.id]);
  const updateNumber = statusUpdateNumber(posted ?? []);
  const now = useNow(10_000);
  const clocks = audienceClocks({ incident, scheme, plan, now });
  // Who it is for: the most overdue audience, else the first of the plan.
  const [audienceId, setAudienceId] = useState(() => mostOverdue(clocks)!.audience.id);
  const audience = clocks.find((c) => c.audience.id === audienceId)?.audience ?? clocks[0]!.audience;
  const fill = (id: string, to: PlanAudience) => {
    // When the next update to this audience is due once this one is posted.
    const nowIso = new Date().toISOString();
    const after = { ...incident, lastUpdateAt: nowIso, snoozedUntil: null, audienceUpdates: { ...incident.audienceUpdates, [to.id]: nowIso } };
    const next = audienceClocks({ incident: after, scheme, plan, now: Date.now() }).find((c) => c.audience.id === to.id);
    return fillStatusTemplate(findTemplate(templates, id, templateStage(id, to)), {
      incident: { ...incident, severityName: levelOf(incident.severity, scheme)?.name ?? null },
      updateNumber,
      nextUpdateAt: next?.dueAt == null ? null : new Date(next.dueAt).toISOString(),
      audience: { name: to.name, channel: to.channel },
    });
  };
  const [templateId, setTemplateId] = useState(() => audience.templates[defaultStage(incident, audience)]);
  // What the commander types is kept as a draft per incident: a reload, a crash or a Cancel
  // mid-update loses nothing. Until they type, the text is the template filled in afresh.
  const draft = useDraft(`update:${incident.id}`);
  const [filled, setFilled] = useState(() => fill(templateId, audience));
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
    if (!own) setFilled(fill(templateId, audience));
  }

  function chooseTemplate(id: string) {
    setTemplateId(id);
    if (!own) setFilled(fill(id, audience));
  }

  /** Another audience: its own template for the message it is owed (its first is the initial notification), and its own channel. */
  function chooseAudience(id: string) {
    const to = clocks.find((c) => c.audience.id === id)?.audience;
    if (!to) return;
    const next = to.templates[defaultStage(incident, to)];
    setAudienceId(to.id);
    setTemplateId(next);
    if (!own) setFilled(fill(next, to));
  }

  function startAgain() {
    setFilled(fill(templateId, audience));
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
      await postStatusUpdate(db, incident, text, actor, { template: templateStage(templateId, audience), audience: postedAudience(audience) });
      await draft.clear();
      onClose();
    } catch (failure) {
      setMessage(`Not posted: ${errorMessage(failure)}`);
    }
  }

  return (
    <Modal title="Status update" onClose={onClose} wide>
      <AudiencePicker clocks={clocks} audience={audience} onChange={chooseAudience} />
      <label htmlFor="update-template">Template</label>
      <select id="update-template" value={templates.some((t) => t.id === templateId) ? templateId : ''} onChange={(e) => chooseTemplate(e.target.value)}>
        {!templates.some((t) => t.id === templateId) && <option value="">{`${findTemplate(templates, templateId, templateStage(templateId, audience)).name} (the plan's "${templateId}" is not in the library)`}</option>}
        {templates.map((t) => (
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
      <p className="hint">Posting records it in the timeline as a communication to this audience and restarts its update timer. Fill in every [fill in: …] first.</p>
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
