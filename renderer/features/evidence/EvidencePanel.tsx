import { useState } from 'react';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { custodyLogToCsv, custodyLogToMarkdown } from '../../../shared/evidence/custodyLog.ts';
import { listEvidence } from '../../db/evidenceQueries.ts';
import { useLiveRows } from '../../db/hooks.ts';
import { attempt } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormBits.tsx';
import { incidentFileName, saveTextFile } from '../export/saveTextFile.ts';
import { EvidenceItem } from './EvidenceItem.tsx';
import { NewEvidenceForm } from './NewEvidenceForm.tsx';

/** The incident's evidence and its chain of custody, as a collapsible section of the incident page. */
export function EvidencePanel({ incident, actor }: { incident: IncidentView; actor: string }) {
  const evidence = useLiveRows((db) => listEvidence(db, incident.id), [incident.id]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const items = evidence?.items ?? [];

  async function exportLog(format: 'markdown' | 'csv') {
    const content = format === 'csv' ? custodyLogToCsv(incident, items) : custodyLogToMarkdown(incident, items);
    await attempt(async () => setSaved(await saveTextFile(incidentFileName(incident, `custody-log.${format === 'csv' ? 'csv' : 'md'}`), content, format)), setError, 'Not exported');
  }

  return (
    <details className="incident-more evidence-more">
      <summary>{`Evidence${items.length > 0 ? ` · ${items.length}` : ''}`}</summary>
      <section aria-labelledby="evidence-title" className="evidence">
        <h2 id="evidence-title">Evidence and chain of custody</h2>
        <p className="hint">War Room keeps each file&apos;s name, size and SHA-256, never the file: keep it where the item says.</p>
        {items.length === 0 ? <p className="hint">No evidence recorded yet.</p> : (
          <ul className="evidence-list" aria-label="Evidence items">
            {items.map((item) => <EvidenceItem key={item.id} item={item} actor={actor} onError={setError} />)}
          </ul>
        )}
        {(evidence?.waiting ?? 0) > 0 && (
          <p className="warning" role="note">
            {evidence!.waiting} evidence item(s) have hand-overs or re-checks on this laptop but not their record: it has not synced here yet, or was never made. They are listed once it arrives.
          </p>
        )}
        <div className="row compact">
          <button type="button" onClick={() => void exportLog('markdown')} disabled={items.length === 0}>
            Export custody log (Markdown)
          </button>
          <button type="button" onClick={() => void exportLog('csv')} disabled={items.length === 0}>
            Export custody log (CSV)
          </button>
          {saved && <span role="status">{saved}</span>}
        </div>
        <FormError message={error} />
        <NewEvidenceForm incident={incident.id} actor={actor} onError={setError} />
      </section>
    </details>
  );
}
