import { useState } from 'react';
import { parseScenario, serializeScenario, type ScenarioError } from '../../../shared/exercises/parse.ts';
import type { Scenario } from '../../../shared/exercises/scenario.ts';
import { formatScenarioTime } from '../../../shared/exercises/score.ts';
import { routeHash, useUi } from '../../app/store.ts';
import { listCustomScenarioSources, listExercises, listIncidents } from '../../db/queries.ts';
import { errorMessage } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormBits.tsx';
import { TextFileInput } from '../../ui/TextFileInput.tsx';
import { EditorActions } from '../../ui/LineErrors.tsx';
import { capitalize } from '../../ui/format.ts';
import { fileNameFor, saveTextFile } from '../export/saveTextFile.ts';
import { KeptEditNotice, KeptSource, leaveEditor, markdownTitle, useKeptEdit, type KeptEdit } from '../drafts/keptEdit.tsx';
import { startExercise } from './exerciseActions.ts';
import { removeScenario, saveScenarioSource, scenarioLibraryOf, type ScenarioEntry } from './scenarioLibrary.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { useLiveRows } from '../../db/hooks.ts';

const NEW_SCENARIO = `---
id: my-scenario
type: availability
severity: P1
roles: incident-commander, technical-lead
---
# My scenario

## Briefing
What the players are told at the start.

## Injects
- T+00 alert: The first signal
- T+10 customer: A customer reports the problem (severity: P0)

## Expected actions
- status update within 15 min
- role assigned: incident commander
`;

/** Each message already names its line (Markdown) or field path (JSON): precise enough to fix without guessing. */
export function ScenarioErrors({ label, errors }: { label: string; errors: readonly ScenarioError[] }) {
  return (
    <ul className="error" aria-label={label}>
      {errors.map((e, i) => (
        <li key={i}>{e.message}</li>
      ))}
    </ul>
  );
}

function ScenarioEditor({ initial, actor, edit, onDone }: { initial: string; actor: string; edit: KeptEdit<KeptSource>; onDone(): void }) {
  const db = useDatabase();
  const [source, setSource] = useState(initial);
  const [status, setStatus] = useState<string | null>(null);
  const parsed = parseScenario(source);
  async function save() {
    const saved = await saveScenarioSource(db, source, actor);
    if (!saved.ok) return setStatus('Not saved: fix the problems listed.');
    await leaveEditor(edit, onDone);
  }
  return (
    <section aria-labelledby="scenario-editor-title" className="runbook-editor">
      <h2 id="scenario-editor-title">Scenario editor</h2>
      <label htmlFor="scenario-source">Scenario (Markdown: front matter, # title, ## Briefing, ## Injects, ## Expected actions — or JSON)</label>
      <textarea id="scenario-source" value={source} onChange={(e) => (setSource(e.target.value), edit.keep({ source: e.target.value }))} rows={18} spellCheck={false} />
      {parsed.ok ? (
        <p className="hint" role="status">{`Valid: ${parsed.scenario.title} — ${parsed.scenario.injects.length} injects, ${parsed.scenario.expected.length} expected actions`}</p>
      ) : (
        <ScenarioErrors label="Problems in the scenario" errors={parsed.errors} />
      )}
      <FormError message={status} />
      <EditorActions onCancel={() => void leaveEditor(edit, onDone)} onSave={() => void save()} canSave={parsed.ok} saveLabel="Save scenario" />
    </section>
  );
}

/** A scenario source may be Markdown or JSON, valid or not yet. */
function keptTitle(source: string): string {
  const parsed = parseScenario(source);
  return parsed.ok ? parsed.scenario.title : (markdownTitle(source) ?? 'untitled');
}

function summary(scenario: Scenario): string {
  const last = scenario.injects.at(-1)?.at ?? 0;
  return `${capitalize(scenario.type)} · starts at ${scenario.severity} · ${scenario.injects.length} injects to ${formatScenarioTime(last)} · ${scenario.expected.length} expected actions`;
}

/** Tabletop exercises: the ones on this laptop, and the scenario library to start one from. */
export function ExercisesView({ actor }: { actor: string }) {
  const db = useDatabase();
  const sources = useLiveRows(listCustomScenarioSources, []);
  const exercises = useLiveRows(async (db) => {
    const [byIncident, incidents] = await Promise.all([listExercises(db), listIncidents(db)]);
    return incidents.filter((incident) => byIncident.has(incident.id)).map((incident) => ({ incident, exercise: byIncident.get(incident.id)! }));
  }, []);
  const navigate = useUi((s) => s.navigate);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [importErrors, setImportErrors] = useState<readonly ScenarioError[]>([]);
  const library = scenarioLibraryOf(sources ?? []);
  const edit = useKeptEdit('edit:scenario', KeptSource);

  async function start(scenario: Scenario) {
    try {
      const id = await startExercise(db, scenario, actor);
      navigate({ name: 'exercise', id });
    } catch (failure) {
      setStatus(`Not started: ${errorMessage(failure)}`);
    }
  }

  async function importFile(file: { name: string; text: string }) {
    const saved = await saveScenarioSource(db, file.text, actor);
    if (saved.ok) {
      setImportErrors([]);
      setStatus(`Imported ${saved.scenario.title}`);
    } else {
      setStatus(`${file.name} was not imported; nothing was changed:`);
      setImportErrors(saved.errors);
    }
  }

  async function exportEntry(entry: ScenarioEntry, format: 'markdown' | 'json') {
    try {
      const content = format === 'json' ? `${JSON.stringify(entry.scenario, null, 2)}\n` : (entry.source && !entry.source.trimStart().startsWith('{') ? entry.source : serializeScenario(entry.scenario));
      setStatus(await saveTextFile(fileNameFor(entry.scenario.title, format === 'json' ? 'scenario.json' : 'scenario.md'), content, format));
    } catch (failure) {
      setStatus(`Export failed: ${errorMessage(failure)}`);
    }
  }

  if (editing !== null) return <ScenarioEditor initial={editing} actor={actor} edit={edit} onDone={() => setEditing(null)} />;

  return (
    <section aria-labelledby="exercises-title">
      <h1 id="exercises-title">Exercises</h1>
      <p className="hint">Tabletop rehearsals on the same board, timeline, checklists and post-mortem as real incidents. Exercises are flagged everywhere and left out of the metrics.</p>
      <h2>On this laptop</h2>
      {exercises && exercises.length > 0 ? (
        <ul className="scenario-list" aria-label="Exercises on this laptop">
          {exercises.map(({ incident, exercise }) => (
            <li key={incident.id}>
              <a href={routeHash({ name: 'exercise', id: incident.id })}>{`Facilitator console: ${exercise.scenario.title}`}</a>
              <div className="sub">
                {exercise.endedAt !== null ? 'Ended' : exercise.clock.startedAt === null ? 'Not started' : exercise.clock.pausedAt !== null ? 'Paused' : `Running at ${exercise.clock.speed}×`}
                {` · ${exercise.delivered.length} injects delivered · declared ${incident.declaredAt.slice(0, 16).replace('T', ' ')} UTC`}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p>No exercise yet: start one from a scenario below.</p>
      )}
      <h2>Scenario library</h2>
      {edit.kept && (
        <KeptEditNotice what={`the scenario “${keptTitle(edit.kept.source)}”`} onResume={() => setEditing(edit.kept!.source)} onDiscard={() => void edit.discard()} />
      )}
      <ul className="scenario-list" aria-label="Scenario library">
        {library.map((entry) => (
          <li key={entry.scenario.id}>
            <div>
              <strong>{entry.scenario.title}</strong> {entry.builtIn ? <span className="tag">Built in</span> : <span className="tag">Team</span>}
            </div>
            <div className="sub">{summary(entry.scenario)}</div>
            <div className="actions">
              <button type="button" className="primary" onClick={() => void start(entry.scenario)} aria-label={`Start exercise: ${entry.scenario.title}`}>
                Start exercise
              </button>
              <button type="button" onClick={() => setEditing(entry.source ?? serializeScenario(entry.scenario))} aria-label={`Edit ${entry.scenario.title}`}>
                Edit
              </button>
              <button type="button" onClick={() => void exportEntry(entry, 'markdown')} aria-label={`Export ${entry.scenario.title} as Markdown`}>
                Export .md
              </button>
              <button type="button" onClick={() => void exportEntry(entry, 'json')} aria-label={`Export ${entry.scenario.title} as JSON`}>
                Export .json
              </button>
              {!entry.builtIn && (
                <button type="button" onClick={() => void removeScenario(db, entry.scenario.id, actor)} aria-label={`Remove ${entry.scenario.title}`}>
                  Remove
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => setEditing(NEW_SCENARIO)}>
          New scenario
        </button>
        <TextFileInput label="Import scenario…" inputLabel="Import scenario file" accept=".md,.json,text/markdown,application/json,text/plain" onText={importFile} onError={setStatus} />
      </div>
      {status && <p role="status">{status}</p>}
      {importErrors.length > 0 && <ScenarioErrors label="Problems in the imported file" errors={importErrors} />}
    </section>
  );
}
