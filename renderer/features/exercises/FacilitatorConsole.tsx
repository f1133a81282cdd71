import { useMemo, useState, type FormEvent } from 'react';
import { isRunning, MINUTE_MS, SPEEDS, type Speed } from '../../../shared/exercises/clock.ts';
import type { ClockActionKind } from '../../../shared/exercises/clockLog.ts';
import { INJECT_KINDS, type InjectKind } from '../../../shared/exercises/scenario.ts';
import { formatScenarioTime } from '../../../shared/exercises/score.ts';
import { routeHash } from '../../app/store.ts';
import { attempt, errorMessage } from '../../ui/errors.ts';
import { Field, FormError } from '../../ui/FormBits.tsx';
import { useNow } from '../../ui/useNow.ts';
import { useSeverityScheme } from '../board/useSeverityScheme.ts';
import { SeverityOptions } from '../../ui/SeverityOptions.tsx';
import { fileNameFor, saveTextFile } from '../export/saveTextFile.ts';
import { loadExerciseData, reportMarkdown, standingOf, type ExerciseStanding } from './afterAction.ts';
import { ExerciseBanner } from './ExerciseBanner.tsx';
import { ExpectedActions } from './ExpectedActions.tsx';
import { adhocInjectId, deliverInject, endExercise, INJECT_KIND_NAMES, pressClock, setManualCheck } from './exerciseActions.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { useLiveRows } from '../../db/hooks.ts';
import { MarkdownPreview } from '../../ui/MarkdownPreview.tsx';

/** "T+12:30", to the second: the facilitator reads it aloud. */
function clockText(minutes: number): string {
  const seconds = Math.floor(minutes * 60);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `T+${h}:${mm}:${ss}` : `T+${mm}:${ss}`;
}

function clockState(standing: ExerciseStanding): string {
  const { clock, endedAt } = standing.exercise;
  if (endedAt !== null) return 'Ended';
  if (clock.startedAt === null) return 'Not started';
  return isRunning(clock) ? `Running at ${clock.speed}×` : 'Paused';
}

/**
 * The facilitator's console: the scenario clock (start, pause, resume, speed, end), the injects
 * (due, delivered, deliver now, ad hoc), the expected actions as they are met, and the report.
 */
export function FacilitatorConsole({ id, actor }: { id: string; actor: string }) {
  const db = useDatabase();
  const now = useNow(1000);
  const data = useLiveRows((db) => loadExerciseData(db, id), [id]);
  const standing = useMemo(() => (data ? standingOf(data, now) : data), [data, now]);
  const scheme = useSeverityScheme();
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [adhocText, setAdhocText] = useState('');
  const [adhocKind, setAdhocKind] = useState<InjectKind>('fact');
  const [adhocSeverity, setAdhocSeverity] = useState('');
  const [previewing, setPreviewing] = useState(false);

  if (standing === undefined) return <p aria-busy="true">Loading…</p>;
  if (standing === null) {
    return (
      <section>
        <h1>No exercise here</h1>
        <p>Incident {id} is not an exercise on this laptop (it may not have synced yet).</p>
        <a href={routeHash({ name: 'exercises' })}>Back to exercises</a>
      </section>
    );
  }
  const { exercise, incident, minutes, result } = standing;
  const { scenario, clock, endedAt } = exercise;
  const ended = endedAt !== null;
  const started = clock.startedAt !== null;
  const delivered = new Map(exercise.delivered.map((d) => [d.inject.id, d]));
  const next = scenario.injects.find((inject) => !delivered.has(inject.id));
  const adhoc = exercise.delivered.filter((d) => d.adhoc);
  const manualIds = new Set(scenario.expected.filter((e) => e.check.kind === 'manual').map((e) => e.id));

  const run = (action: () => Promise<void>) => attempt(action, setError);
  const press = (action: ClockActionKind, speed: Speed = clock.speed) => run(() => pressClock(db, id, action, speed, minutes, actor));

  function submitAdhoc(event: FormEvent) {
    event.preventDefault();
    const text = adhocText.trim();
    if (!text) {
      setError('An ad-hoc inject needs text.');
      return;
    }
    const inject = { id: adhocInjectId(), at: Math.floor(minutes), kind: adhocKind, text, ...(adhocSeverity ? { severity: adhocSeverity } : {}) };
    void run(async () => {
      await deliverInject(db, incident, inject, true, actor);
      setAdhocText('');
      setStatus(`Delivered: ${text}`);
    });
  }

  async function exportReport() {
    try {
      setStatus(await saveTextFile(fileNameFor(`EXERCISE ${scenario.title}`, 'after-action.md'), reportMarkdown(standingOf(data!, Date.now())), 'markdown'));
    } catch (failure) {
      setStatus(`Export failed: ${errorMessage(failure)}`);
    }
  }

  return (
    <article aria-labelledby="console-title" className="exercise-console">
      <ExerciseBanner title={scenario.title} />
      <nav className="incident-links" aria-label="Exercise">
        <a href={routeHash({ name: 'exercises' })} className="back">
          ← Exercises
        </a>
        <a href={routeHash({ name: 'incident', id })}>Incident and timeline</a>
        <a href={routeHash({ name: 'postmortem', id })}>Post-mortem</a>
      </nav>
      <h1 id="console-title">Facilitator console: {scenario.title}</h1>
      <FormError message={error} />

      <section aria-labelledby="clock-title" className="console-clock">
        <h2 id="clock-title">Scenario clock</h2>
        <p className="scenario-time">
          <output aria-label="Scenario time">{clockText(minutes)}</output> <span className="sub">{clockState(standing)}</span>
        </p>
        <div className="actions start">
          {!started && (
            <button type="button" className="primary" onClick={() => void press('start')}>
              Start exercise clock
            </button>
          )}
          {started && !ended && isRunning(clock) && (
            <button type="button" onClick={() => void press('pause')}>
              Pause
            </button>
          )}
          {started && !ended && !isRunning(clock) && (
            <button type="button" className="primary" onClick={() => void press('resume')}>
              Resume
            </button>
          )}
          <button type="button" disabled={!started || ended || !next} onClick={() => next && void run(() => deliverInject(db, incident, next, false, actor))}>
            Deliver next inject now
          </button>
          {started && !ended && (
            <button type="button" onClick={() => void run(() => endExercise(db, incident, clock.speed, minutes, actor))}>
              End exercise
            </button>
          )}
        </div>
        <fieldset className="speed" disabled={ended}>
          <legend>Speed</legend>
          {SPEEDS.map((speed) => (
            <label key={speed}>
              <input type="radio" name="speed" checked={clock.speed === speed} onChange={() => void press('speed', speed)} /> {speed}×
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="injects-title">
        <h2 id="injects-title">Injects</h2>
        <ol className="inject-list" aria-label="Injects">
          {scenario.injects.map((inject) => {
            const done = delivered.get(inject.id);
            const realLeft = isRunning(clock) ? Math.max(0, (inject.at - minutes) * MINUTE_MS) / clock.speed : null;
            return (
              <li key={inject.id} className={done ? 'delivered' : ''}>
                <span className="when">{formatScenarioTime(inject.at)}</span> <strong>{INJECT_KIND_NAMES[inject.kind]}</strong> {inject.text}
                {inject.severity && <span className="tag">{`→ ${inject.severity}`}</span>}
                <span className="sub">
                  {done ? ` · delivered by ${done.by}` : realLeft !== null ? ` · due in ${Math.ceil(realLeft / 1000)} s` : ended ? ' · not delivered' : ' · waiting'}
                </span>
              </li>
            );
          })}
          {adhoc.map((d) => (
            <li key={d.inject.id} className="delivered">
              <span className="when">{formatScenarioTime(d.inject.at)}</span> <strong>{INJECT_KIND_NAMES[d.inject.kind]}</strong> {d.inject.text}
              <span className="sub">{` · ad hoc, by ${d.by}`}</span>
            </li>
          ))}
        </ol>
        <form className="adhoc-inject" onSubmit={submitAdhoc} aria-label="Ad-hoc inject">
          <Field id="adhoc-kind" label="Kind">
            <select id="adhoc-kind" value={adhocKind} onChange={(e) => setAdhocKind(e.target.value as InjectKind)}>
              {INJECT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {INJECT_KIND_NAMES[kind]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="adhoc-text" label="Ad-hoc inject" grow>
            <input id="adhoc-text" value={adhocText} maxLength={500} onChange={(e) => setAdhocText(e.target.value)} disabled={!started || ended} />
          </Field>
          <Field id="adhoc-severity" label="Set severity">
            <select id="adhoc-severity" value={adhocSeverity} onChange={(e) => setAdhocSeverity(e.target.value)}>
              <option value="">Unchanged</option>
              <SeverityOptions scheme={scheme} />
            </select>
          </Field>
          <button type="submit" disabled={!started || ended}>
            Deliver ad-hoc inject
          </button>
        </form>
      </section>

      <ExpectedActions standing={standing} manualIds={manualIds} onTick={(expected, met) => void run(() => setManualCheck(db, id, expected, met, actor))} />

      <section aria-labelledby="report-title">
        <h2 id="report-title">{`After-action report · score ${result.score}/100`}</h2>
        <div className="actions">
          <button type="button" className="primary" onClick={() => void exportReport()}>
            Export after-action report
          </button>
        </div>
        {status && <p role="status">{status}</p>}
        {/* The clock re-renders the console every second: the report is built and parsed only while it is shown. */}
        <details onToggle={(e) => setPreviewing(e.currentTarget.open)}>
          <summary>Preview the report</summary>
          {previewing && (
            <div className="markdown-preview">
              <MarkdownPreview markdown={reportMarkdown(standing)} />
            </div>
          )}
        </details>
      </section>
    </article>
  );
}
