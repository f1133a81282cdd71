import { useState, type ReactNode } from 'react';
import { incidentStart } from '../../../shared/domain/incident.ts';
import type { SeverityScheme } from '../../../shared/domain/severity.ts';
import type { ChecklistView, IncidentView } from '../../../shared/entities/index.ts';
import { phaseName, type PhaseNames } from '../../../shared/domain/phaseNames.ts';
import { ChecklistPanel, phaseProgress } from '../checklists/ChecklistPanel.tsx';
import { AudienceClocksPanel } from '../comms/AudienceClocksPanel.tsx';
import { CadenceControls } from '../comms/CadenceControls.tsx';
import { EscalationDue } from '../escalation/EscalationDue.tsx';
import { EvidencePanel } from '../evidence/EvidencePanel.tsx';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { attempt } from '../../ui/errors.ts';
import { capitalize, formatElapsed, formatLocalDateTime } from '../../ui/format.ts';
import { FormError } from '../../ui/FormBits.tsx';
import { DisasterPanel } from './DisasterPanel.tsx';
import { FactsPanel } from './FactsPanel.tsx';
import { KeyTimesPanel } from './KeyTimesPanel.tsx';
import { acknowledge } from './lifecycle.ts';
import { LogisticsBar } from './logistics/LogisticsBar.tsx';
import { RegulatoryPanel } from './RegulatoryPanel.tsx';
import { RolesPanel } from './RolesPanel.tsx';

type OnError = (message: string | null) => void;

/** A part of the panel with its own error line, shown right under it: where the user is looking. */
function WithError({ children }: { children(onError: OnError): ReactNode }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {children(setError)}
      <FormError message={error} />
    </>
  );
}

interface Props {
  incident: IncidentView;
  actor: string;
  scheme: SeverityScheme;
  phaseNames: PhaseNames;
  checklists: readonly ChecklistView[];
  now: number;
  onPost(): void;
}

/** Beside the timeline: the incident's facts, its clocks, roles, the current phase's checklist and the other panels. */
export function IncidentSidePanel({ incident, actor, scheme, phaseNames, checklists, now, onPost }: Props) {
  const db = useDatabase();
  const progress = phaseProgress(checklists, incident.phase);
  return (
    <>
      {incident.summary && <p className="incident-summary">{incident.summary}</p>}
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
      <LogisticsBar incident={incident} actor={actor} />
      <WithError>
        {(onError) => (
          <div className="cadence">
            {!incident.acknowledgedAt && (
              <button type="button" className="primary" onClick={() => void attempt(() => acknowledge(db, incident, actor), onError)}>
                Acknowledge
              </button>
            )}
            <CadenceControls incident={incident} scheme={scheme} actor={actor} onPost={onPost} />
            <AudienceClocksPanel incident={incident} scheme={scheme} />
          </div>
        )}
      </WithError>
      <EscalationDue incidents={[incident]} actor={actor} scheme={scheme} now={now} />
      <details className="incident-more checklists-more" open>
        <summary>{`Checklists${progress ? ` · ${phaseName(incident.phase, phaseNames)} ${progress.done}/${progress.total}` : ''}`}</summary>
        <ChecklistPanel incident={incident} actor={actor} />
      </details>
      <details className="incident-more">
        <summary>Roles{incident.roles['incident-commander'] ? ` · IC ${incident.roles['incident-commander']}` : ' · no IC yet'}</summary>
        <WithError>{(onError) => <RolesPanel incident={incident} actor={actor} onError={onError} />}</WithError>
      </details>
      <details className="incident-more">
        <summary>{`Facts${incident.summary ? '' : ' · summary not set'}`}</summary>
        <WithError>{(onError) => <FactsPanel incident={incident} actor={actor} onError={onError} />}</WithError>
      </details>
      <details className="incident-more">
        <summary>Key times{incident.detectedAt ? '' : ' · detection time not set'}</summary>
        <WithError>{(onError) => <KeyTimesPanel incident={incident} actor={actor} onError={onError} />}</WithError>
      </details>
      <EvidencePanel incident={incident} actor={actor} />
      <WithError>{(onError) => <RegulatoryPanel incident={incident} actor={actor} onError={onError} />}</WithError>
      <WithError>{(onError) => <DisasterPanel incident={incident} actor={actor} onError={onError} />}</WithError>
    </>
  );
}
