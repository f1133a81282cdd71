import { copyText } from '../../ui/copyText.ts';
import { useState } from 'react';
import type { TimelineMode } from '../../../shared/domain/postmortem.ts';
import { postmortemDocument } from '../../../shared/postmortem/exportBundle.ts';
import { SECTIONS } from '../../../shared/postmortem/sections.ts';
import { resolveTemplate } from '../../../shared/postmortem/library.ts';
import { fillTemplate, fillTitle } from '../../../shared/postmortem/templates.ts';
import { useTemplateLibrary } from './templateLibrary.ts';
import { TemplatesDialog } from './TemplatesDialog.tsx';
import { routeHash } from '../../app/store.ts';
import { attempt } from '../../ui/errors.ts';
import { Field, FormError } from '../../ui/FormBits.tsx';
import { useNow } from '../../ui/useNow.ts';
import { ActionsTable } from '../actions/ActionsTable.tsx';
import { localToday } from '../actions/actionItems.ts';
import { NewActionDialog } from '../actions/NewActionDialog.tsx';
import { usePhaseNames } from '../board/usePhaseNames.ts';
import { useSeverityScheme } from '../board/useSeverityScheme.ts';
import { incidentFileName, saveTextFile } from '../export/saveTextFile.ts';
import { chooseTemplate, chooseTimelineMode } from './postmortemActions.ts';
import { SectionEditor } from './SectionEditor.tsx';
import { ResponseMetricsTable } from './ResponseMetricsTable.tsx';
import { PostmortemDeadline } from './PostmortemDeadline.tsx';
import { ExerciseBanner } from '../exercises/ExerciseBanner.tsx';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { useActions, useEntriesOf, useIncident, usePostmortem } from '../../db/hooks.ts';

/**
 * The blameless post-mortem, in the structure of the team's template: people write the narrative
 * sections; details, timeline, metrics and action items are generated from the incident at export,
 * so regenerating them never touches what anyone wrote.
 */
export function PostmortemPage({ id, actor }: { id: string; actor: string }) {
  const db = useDatabase();
  const incident = useIncident(id);
  const postmortem = usePostmortem(id);
  const entries = useEntriesOf(id);
  const actions = useActions(id);
  const phaseNames = usePhaseNames();
  const scheme = useSeverityScheme();
  const now = useNow(60_000);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const library = useTemplateLibrary();
  if (incident === undefined || postmortem === undefined || !entries || !actions) return <p aria-busy="true">Loading…</p>;
  if (incident === null) return <p>No incident with id {id} is on this laptop.</p>;
  const current = incident;
  const chosen = resolveTemplate(postmortem?.template, library);
  const starting = fillTemplate(chosen.template, incident, { phaseNames });
  const timelineMode: TimelineMode = postmortem?.timelineMode ?? 'pinned';

  function markdown(): string {
    return postmortemDocument({ incident: current, entries: entries!, postmortem: postmortem ?? null, actions: actions! }, { generatedAt: new Date().toISOString(), phaseNames, scheme, templates: library });
  }

  const run = (work: () => Promise<unknown>) => attempt(work, setError, 'Not done');

  async function exportFile() {
    await run(async () => setStatus(await saveTextFile(incidentFileName(current, 'postmortem.md'), markdown(), 'markdown')));
  }

  async function copy() {
    try {
      await copyText(markdown());
      setStatus('Copied to the clipboard');
    } catch {
      setStatus('The clipboard is not available here: use Export Markdown instead.');
    }
  }

  return (
    <article aria-labelledby="pm-title" className="postmortem">
      {incident.exercise && <ExerciseBanner title="this post-mortem is for a rehearsal" />}
      <a href={routeHash({ name: 'incident', id })} className="back">
        ← Back to the incident
      </a>
      <h1 id="pm-title">{fillTitle(chosen.template, incident, { phaseNames })}</h1>
      <div className="row compact">
        <Field id="pm-template" label="Template">
          <select id="pm-template" value={chosen.id} onChange={(e) => void run(() => chooseTemplate(db, id, e.target.value, actor))}>
            {library.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="pm-timeline" label="Timeline in the document">
          <select id="pm-timeline" value={timelineMode} onChange={(e) => void run(() => chooseTimelineMode(db, id, e.target.value as TimelineMode, actor))}>
            <option value="pinned">Pinned entries</option>
            <option value="all">Every entry</option>
          </select>
        </Field>
        <div className="actions">
          <button type="button" onClick={() => setTemplatesOpen(true)}>
            Templates…
          </button>
          <button type="button" onClick={() => void copy()}>
            Copy Markdown
          </button>
          <button type="button" className="primary" onClick={() => void exportFile()}>
            Export Markdown
          </button>
        </div>
      </div>
      <PostmortemDeadline incident={incident} actor={actor} onError={setError} />
      {status && <p role="status">{status}</p>}
      <FormError message={error} />
      {chosen.template.sections.map((section) =>
        SECTIONS[section.id].automatic ? (
          <section key={section.id} aria-labelledby={`pm-${section.id}-title`} className="pm-section">
            <h2 id={`pm-${section.id}-title`}>{section.heading}</h2>
            {section.id === 'action-items' ? (
              <>
                <ActionsTable items={actions} actor={actor} today={localToday(now)} onError={setError} />
                <button type="button" onClick={() => setAdding(true)}>
                  New action item
                </button>
              </>
            ) : (
              <p className="hint">{`${SECTIONS[section.id].description.replace(/\.?$/, '.')} Generated from the incident when exported${section.id === 'timeline' ? ` (${timelineMode === 'pinned' ? 'pinned entries' : 'every entry'})` : ''}.`}</p>
            )}
            {section.id === 'metrics' && <ResponseMetricsTable incident={incident} scheme={scheme} now={now} />}
          </section>
        ) : (
          <SectionEditor
            key={section.id}
            incident={id}
            section={section.id}
            heading={section.heading}
            hint={SECTIONS[section.id].description}
            stored={postmortem?.sections[section.id]}
            starting={starting[section.id] ?? ''}
            actor={actor}
          />
        ),
      )}
      {templatesOpen && <TemplatesDialog actor={actor} onClose={() => setTemplatesOpen(false)} />}
      {adding && <NewActionDialog incident={id} actor={actor} onClose={() => setAdding(false)} />}
    </article>
  );
}
