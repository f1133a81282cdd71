import { useState } from 'react';
import { INCIDENT_STATUSES, incidentStart, PHASES, type IncidentStatus, type Phase } from '../../../shared/domain/incident.ts';
import { levelOf } from '../../../shared/domain/severity.ts';
import { routeHash } from '../../app/store.ts';
import { AdvancePhaseDialog } from '../checklists/AdvancePhaseDialog.tsx';
import { openItemsIn } from '../checklists/checklistActions.ts';
import { ChecklistPanel, phaseProgress } from '../checklists/ChecklistPanel.tsx';
import { capitalize, formatElapsed, formatLocalDateTime } from '../../ui/format.ts';
import { SeverityBadge } from '../../ui/SeverityBadge.tsx';
import { useNow } from '../../ui/useNow.ts';
import { ScribeView } from '../timeline/ScribeView.tsx';
import { useSeverityScheme } from '../board/useSeverityScheme.ts';
import { SeverityOptions } from '../../ui/SeverityOptions.tsx';
import { usePhaseNames } from '../board/usePhaseNames.ts';
import { phaseName } from '../../../shared/domain/phaseNames.ts';
import { CadenceControls } from '../comms/CadenceControls.tsx';
import { AudienceClocksPanel } from '../comms/AudienceClocksPanel.tsx';
import { StatusUpdateDialog } from '../comms/StatusUpdateDialog.tsx';
import { KeyTimesPanel } from './KeyTimesPanel.tsx';
import { FactsPanel } from './FactsPanel.tsx';
import { LogisticsBar } from './logistics/LogisticsBar.tsx';
import { incidentLabel } from '../../../shared/domain/incidentRef.ts';
import { acknowledge, changePhase, changeSeverity, changeStatus } from './lifecycle.ts';
import { RolesPanel } from './RolesPanel.tsx';
import { EvidencePanel } from '../evidence/EvidencePanel.tsx';
import { RegulatoryPanel } from './RegulatoryPanel.tsx';
import { DisasterPanel } from './DisasterPanel.tsx';
import { EscalationDue } from '../escalation/EscalationDue.tsx';
import { Field, FormError, Options } from '../../ui/FormBits.tsx';
import { ExerciseBanner } from '../exercises/ExerciseBanner.tsx';
import { attempt } from '../../ui/errors.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { useChecklistsOf, useIncident } from '../../db/hooks.ts';
import { useIncidentCommands } from '../palette/useIncidentCommands.ts';

/** One incident: its facts and the fields the commander changes most. */
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
  const progress = phaseProgress(checklists, incident.phase);
  function askPhase(to: Phase) {
    if (leftOpen.length > 0) setNextPhase(to);
    else void run(changePhase(db, current, to, actor, { names: phaseNames }));
  }

  return (
    <article aria-labelledby="incident-title" className="incident">
      <header className="incident-head">
        <nav className="incident-links" aria-label="Incident">
          <a href={routeHash({ name: 'incidents' })} className="back">
            ← Back to incidents
          </a>
          <a href={routeHash({ name: 'postmortem', id })}>Post-mortem</a>
          {incident.exercise && <a href={routeHash({ name: 'exercise', id })}>Facilitator console</a>}
        </nav>
        {incident.exercise && <ExerciseBanner />}
        <div className="title-row">
          <SeverityBadge severity={incident.severity} name={levelOf(incident.severity, scheme)?.name} />
          {incident.exercise && <span className="tag exercise">Exercise</span>}
          <h1 id="incident-title">{incident.title}</h1>
          <span className="incident-ref" aria-label={`Incident id ${incidentLabel(incident)}`}>
            {incidentLabel(incident)}
          </span>
        </div>
        {incident.summary && <p className="incident-summary">{incident.summary}</p>}
        <LogisticsBar incident={incident} actor={actor} />
        <div className="row compact">
          <Field id="incident-severity" label="Severity">
            <select id="incident-severity" value={incident.severity} onChange={(e) => void run(changeSeverity(db, current, e.target.value, actor))}>
              {!levelOf(incident.severity, scheme) && <option value={incident.severity}>{incident.severity} (not in the current scheme)</option>}
              <SeverityOptions scheme={scheme} />
            </select>
          </Field>
          <Field id="incident-status" label="Status">
            <select id="incident-status" value={incident.status} onChange={(e) => void run(changeStatus(db, current, e.target.value as IncidentStatus, actor))}>
              <Options values={INCIDENT_STATUSES} name={(s) => capitalize(s)} />
            </select>
          </Field>
          <Field id="incident-phase" label="Phase">
            <select id="incident-phase" value={incident.phase} onChange={(e) => askPhase(e.target.value as Phase)}>
              <Options values={PHASES} name={(p) => phaseName(p, phaseNames)} />
            </select>
          </Field>
          <dl className="facts">
            <dt>Type</dt>
            <dd>{capitalize(incident.type)}</dd>
            {incident.externalRef && (
              <>
                <dt>Ticket</dt>
                <dd>{incident.externalRef}</dd>
              </>
            )}
            {incident.services.length > 0 && (
              <>
                <dt>Services</dt>
                <dd>{incident.services.join(', ')}</dd>
              </>
            )}
            <dt>Declared</dt>
            <dd>
              {formatLocalDateTime(incident.declaredAt)} by {incident.declaredBy}
            </dd>
            <dt>Open for</dt>
            <dd>{formatElapsed(incidentStart(incident), now)}</dd>
          </dl>
        </div>
        <div className="cadence">
          {!incident.acknowledgedAt && (
            <button type="button" className="primary" onClick={() => void run(acknowledge(db, current, actor))}>
              Acknowledge
            </button>
          )}
          <CadenceControls incident={incident} scheme={scheme} actor={actor} onPost={() => setComposing(true)} />
          <AudienceClocksPanel incident={incident} scheme={scheme} />
        </div>
        {composing && <StatusUpdateDialog incident={incident} scheme={scheme} actor={actor} onClose={() => setComposing(false)} />}
        <EscalationDue incidents={[incident]} actor={actor} scheme={scheme} now={now} />
        <FormError message={error} />
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
        <div className="details-row">
        <details className="incident-more">
          <summary>{`Facts${incident.summary ? '' : ' · summary not set'}`}</summary>
          <FactsPanel incident={incident} actor={actor} onError={setError} />
        </details>
        <details className="incident-more">
          <summary>Key times{incident.detectedAt ? '' : ' · detection time not set'}</summary>
          <KeyTimesPanel incident={incident} actor={actor} onError={setError} />
        </details>
        <details className="incident-more checklists-more" open>
          <summary>{`Checklists${progress ? ` · ${phaseName(incident.phase, phaseNames)} ${progress.done}/${progress.total}` : ''}`}</summary>
          <ChecklistPanel incident={incident} actor={actor} />
        </details>
        <details className="incident-more">
          <summary>Roles{incident.roles['incident-commander'] ? ` · IC ${incident.roles['incident-commander']}` : ' · no IC yet'}</summary>
          <RolesPanel incident={incident} actor={actor} onError={setError} />
        </details>
        <EvidencePanel incident={incident} actor={actor} />
        <RegulatoryPanel incident={incident} actor={actor} onError={setError} />
        <DisasterPanel incident={incident} actor={actor} onError={setError} />
        </div>
      </header>
      <ScribeView incident={incident} actor={actor} />
    </article>
  );
}
