import { useState } from 'react';
import { INCIDENT_STATUSES, PHASES, type IncidentStatus, type Phase } from '../../../shared/domain/incident.ts';
import { levelOf } from '../../../shared/domain/severity.ts';
import { routeHash } from '../../app/store.ts';
import { AdvancePhaseDialog } from '../checklists/AdvancePhaseDialog.tsx';
import { openItemsIn } from '../checklists/checklistActions.ts';
import { capitalize } from '../../ui/format.ts';
import { SeverityBadge } from '../../ui/SeverityBadge.tsx';
import { useNow } from '../../ui/useNow.ts';
import { ScribeView } from '../timeline/ScribeView.tsx';
import { useSeverityScheme } from '../board/useSeverityScheme.ts';
import { SeverityOptions } from '../../ui/SeverityOptions.tsx';
import { usePhaseNames } from '../board/usePhaseNames.ts';
import { phaseName } from '../../../shared/domain/phaseNames.ts';
import { StatusUpdateDialog } from '../comms/StatusUpdateDialog.tsx';
import { incidentLabel } from '../../../shared/domain/incidentRef.ts';
import { changePhase, changeSeverity, changeStatus } from './lifecycle.ts';
import { FormError, Options } from '../../ui/FormBits.tsx';
import { ExerciseBanner } from '../exercises/ExerciseBanner.tsx';
import { IncidentSidePanel } from './IncidentSidePanel.tsx';
import { useFocusMode, useSidePanel } from './warRoom.ts';
import { attempt } from '../../ui/errors.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { useChecklistsOf, useIncident } from '../../db/hooks.ts';
import { useIncidentCommands } from '../palette/useIncidentCommands.ts';

/**
 * One incident as a war room: a one-row header (title, severity, status, phase), the timeline and
 * its entry box owning the main area, everything else in a side panel that collapses; focus mode
 * (F) leaves only the timeline and the box.
 */
export function IncidentPage({ id, actor }: { id: string; actor: string }) {
  const db = useDatabase();
  const incident = useIncident(id);
  const now = useNow();
  const [error, setError] = useState<string | null>(null);
  const [composing, setComposing] = useState(false);
  const [nextPhase, setNextPhase] = useState<Phase | null>(null);
  const checklists = useChecklistsOf(id) ?? [];
  const scheme = useSeverityScheme();
  const phaseNames = usePhaseNames();
  useIncidentCommands({ incident, checklists, actor, postUpdate: () => setComposing(true), askPhase: setNextPhase });
  const [sideOpen, toggleSide] = useSidePanel();
  const [focus, toggleFocus] = useFocusMode();

  if (incident === undefined) return <p aria-busy="true">Loading…</p>;
  if (incident === null) {
    return (
      <section>
        <h1>Incident not found</h1>
        <p>No incident with id {id} is on this laptop (it may not have synced yet).</p>
        <a href={routeHash({ name: 'incidents' })}>Back to incidents</a>
      </section>
    );
  }

  const current = incident;
  const run = (change: Promise<void>) => attempt(() => change, setError);

  const leftOpen = openItemsIn(checklists, incident.phase);
  function askPhase(to: Phase) {
    if (leftOpen.length > 0) setNextPhase(to);
    else void run(changePhase(db, current, to, actor, { names: phaseNames }));
  }

  return (
    <article aria-labelledby="incident-title" className={`incident${focus ? ' focus-mode' : ''}`}>
      <header className="incident-head" hidden={focus}>
        {incident.exercise && <ExerciseBanner />}
        <div className="title-row">
          <nav className="incident-links" aria-label="Incident">
            <a href={routeHash({ name: 'incidents' })} className="back" aria-label="Back to incidents">
              ← Incidents
            </a>
            <a href={routeHash({ name: 'postmortem', id })}>Post-mortem</a>
            {incident.exercise && <a href={routeHash({ name: 'exercise', id })}>Facilitator console</a>}
          </nav>
          <SeverityBadge severity={incident.severity} name={levelOf(incident.severity, scheme)?.name} />
          {incident.exercise && <span className="tag exercise">Exercise</span>}
          <h1 id="incident-title" title={incident.title}>
            {incident.title}
          </h1>
          <span className="incident-ref" aria-label={`Incident id ${incidentLabel(incident)}`}>
            {incidentLabel(incident)}
          </span>
          {/* One group: when the row is too narrow it moves whole to a second line, and the title keeps the first. */}
          <span className="incident-controls">
            <label htmlFor="incident-severity">Severity</label>
            <select id="incident-severity" value={incident.severity} onChange={(e) => void run(changeSeverity(db, current, e.target.value, actor))}>
              {!levelOf(incident.severity, scheme) && <option value={incident.severity}>{incident.severity} (not in the current scheme)</option>}
              <SeverityOptions scheme={scheme} />
            </select>
            <label htmlFor="incident-status">Status</label>
            <select id="incident-status" value={incident.status} onChange={(e) => void run(changeStatus(db, current, e.target.value as IncidentStatus, actor))}>
              <Options values={INCIDENT_STATUSES} name={(s) => capitalize(s)} />
            </select>
            <label htmlFor="incident-phase">Phase</label>
            <select id="incident-phase" value={incident.phase} onChange={(e) => askPhase(e.target.value as Phase)}>
              <Options values={PHASES} name={(p) => phaseName(p, phaseNames)} />
            </select>
          </span>
        </div>
        {/* Severity, status and phase changes report here, beside their controls. */}
        <FormError message={error} />
      </header>
      {composing && <StatusUpdateDialog incident={incident} scheme={scheme} actor={actor} onClose={() => setComposing(false)} />}
      {nextPhase && (
        <AdvancePhaseDialog
          names={phaseNames}
          from={incident.phase}
          to={nextPhase}
          open={leftOpen}
          onCancel={() => setNextPhase(null)}
          onConfirm={() => {
            setNextPhase(null);
            void run(changePhase(db, current, nextPhase, actor, { leftOpen: leftOpen.map((item) => item.text), names: phaseNames }));
          }}
        />
      )}
      <div className="war-room">
        <ScribeView
          incident={incident}
          actor={actor}
          tools={
            <>
              <button type="button" onClick={toggleFocus} aria-pressed={focus} aria-keyshortcuts="F">
                Focus mode
              </button>
              <button type="button" className="side-toggle" aria-expanded={sideOpen} aria-controls="incident-side" onClick={toggleSide} hidden={focus}>
                Side panel
              </button>
            </>
          }
        />
        <aside id="incident-side" className="incident-side" aria-label="Incident details" hidden={focus || !sideOpen}>
          <IncidentSidePanel incident={incident} actor={actor} scheme={scheme} phaseNames={phaseNames} checklists={checklists} now={now} onPost={() => setComposing(true)} />
        </aside>
      </div>
    </article>
  );
}
