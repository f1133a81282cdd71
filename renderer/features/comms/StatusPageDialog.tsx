import { useState } from 'react';
import { incidentLabel } from '../../../shared/domain/incidentRef.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { useIncidents } from '../../db/hooks.ts';
import { errorMessage } from '../../ui/errors.ts';
import { CloseAction } from '../../ui/FormBits.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { saveTextFile } from '../export/saveTextFile.ts';
import { buildStatusPage } from './statusPageExport.ts';

/**
 * Pick incidents and save their customer-facing updates as a static status page (HTML and
 * Markdown). Picked incidents with no customer-facing update are left out, and named.
 */
export function StatusPageDialog({ onClose }: { onClose(): void }) {
  const db = useDatabase();
  const incidents = useIncidents() ?? [];
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [title, setTitle] = useState('Service status');
  const [status, setStatus] = useState<string | null>(null);
  const toggle = (id: string) => setPicked((now) => (now.has(id) ? new Set([...now].filter((x) => x !== id)) : new Set([...now, id])));

  async function save(format: 'html' | 'markdown') {
    try {
      const built = await buildStatusPage(db, incidents.filter((incident) => picked.has(incident.id)), title);
      const saved = await saveTextFile(format === 'html' ? 'status-page.html' : 'status-page.md', format === 'html' ? built.html : built.markdown, format);
      const leftOut = built.page.leftOut.length > 0 ? ` Left out (no customer-facing update): ${built.page.leftOut.join(', ')}.` : '';
      setStatus(`${saved}.${leftOut}`);
    } catch (failure) {
      setStatus(`Export failed: ${errorMessage(failure)}`);
    }
  }

  return (
    <Modal title="Status page export" onClose={onClose} wide>
      <p className="hint">Only updates posted to a customer-facing audience are exported; incidents with none are left out.</p>
      <label htmlFor="status-page-title">Page title</label>
      <input id="status-page-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
      <fieldset>
        <legend>Incidents</legend>
        {incidents.length === 0 && <p className="hint">No incidents yet.</p>}
        {incidents.map((incident) => (
          <label key={incident.id} className="check">
            <input type="checkbox" checked={picked.has(incident.id)} onChange={() => toggle(incident.id)} />
            {`${incidentLabel(incident)} ${incident.title}`}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="button" disabled={picked.size === 0} onClick={() => void save('html')}>
          Save HTML
        </button>
        <button type="button" disabled={picked.size === 0} onClick={() => void save('markdown')}>
          Save Markdown
        </button>
      </div>
      {status && <p role="status">{status}</p>}
      <CloseAction onClose={onClose} />
    </Modal>
  );
}
