import { parseScenario, serializeScenario } from '../../../shared/exercises/parse.ts';
import type { Scenario } from '../../../shared/exercises/scenario.ts';
import { formatScenarioTime } from '../../../shared/exercises/score.ts';
import { routeHash, useUi } from '../../app/store.ts';
import { listCustomScenarioSources, listExercises, listIncidents } from '../../db/queries.ts';
import { errorMessage } from '../../ui/errors.ts';
import type { Problem } from '../../ui/LineErrors.tsx';
import { capitalize } from '../../ui/format.ts';
import { fileNameFor } from '../export/saveTextFile.ts';
import { KeptSource, markdownTitle } from '../drafts/keptEdit.tsx';
import { LibraryEditor } from '../library/LibraryEditor.tsx';
import { entryFields, LibraryList } from '../library/LibraryList.tsx';
import { useLibrary } from '../library/useLibrary.ts';
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
const asWritten = (e: Problem) => e.message;

function sourceOf(entry: ScenarioEntry, format: 'markdown' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(entry.item, null, 2)}\n`;
  return entry.source && !entry.source.trimStart().startsWith('{') ? entry.source : serializeScenario(entry.item);
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
  const library = useLibrary('edit:scenario', KeptSource);

  async function start(scenario: Scenario) {
    try {
      const id = await startExercise(db, scenario, actor);
      navigate({ name: 'exercise', id });
    } catch (failure) {
      library.setStatus(`Not started: ${errorMessage(failure)}`);
    }
  }

  const save = async (source: string) => {
    const saved = await saveScenarioSource(db, source, actor);
    return saved.ok ? { ok: true as const, title: saved.scenario.title } : saved;
  };
  const exportEntry = (entry: ScenarioEntry, format: 'markdown' | 'json') =>
    void library.exportFile(fileNameFor(entry.item.title, format === 'json' ? 'scenario.json' : 'scenario.md'), sourceOf(entry, format), format);

  if (library.editing !== null)
    return (
      <LibraryEditor
        library={library}
        initial={library.editing}
        heading={{ id: 'scenario-editor-title', text: 'Scenario editor' }}
        sourceId="scenario-source"
        sourceLabel="Scenario (Markdown: front matter, # title, ## Briefing, ## Injects, ## Expected actions — or JSON)"
        rows={18}
        check={({ source }) => {
          const parsed = parseScenario(source);
          return parsed.ok ? { ok: true, summary: `${parsed.scenario.title} — ${parsed.scenario.injects.length} injects, ${parsed.scenario.expected.length} expected actions` } : parsed;
        }}
        problemsLabel="Problems in the scenario"
        problem={asWritten}
        save={async ({ source }) => ((await save(source)).ok ? null : 'Not saved: fix the problems listed.')}
        saveLabel="Save scenario"
      />
    );

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
      <LibraryList
        library={library}
        items={scenarioLibraryOf(sources ?? [])}
        label="Scenario library"
        className="scenario-list"
        {...entryFields}
        teamTag
        summary={(entry) => summary(entry.item)}
        editOf={(entry) => ({ source: entry.source ?? serializeScenario(entry.item) })}
        leadingActions={(entry) => [{ label: 'Start exercise', name: `Start exercise: ${entry.item.title}`, primary: true, onClick: () => void start(entry.item) }]}
        exports={(entry) => [
          { label: 'Export .md', name: `Export ${entry.item.title} as Markdown`, onClick: () => exportEntry(entry, 'markdown') },
          { label: 'Export .json', name: `Export ${entry.item.title} as JSON`, onClick: () => exportEntry(entry, 'json') },
        ]}
        onRemove={(entry) => void removeScenario(db, entry.item.id, actor)}
        keptWhat={(kept) => `the scenario “${keptTitle(kept.source)}”`}
        newLabel="New scenario"
        newItem={{ source: NEW_SCENARIO }}
        importer={{ label: 'Import scenario…', inputLabel: 'Import scenario file', accept: '.md,.json,text/markdown,application/json,text/plain', save, refused: 'was not imported; nothing was changed:' }}
        problem={asWritten}
      />
    </section>
  );
}
