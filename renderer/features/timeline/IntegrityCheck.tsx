import { useState } from 'react';
import { verifyIncident, type IntegrityReport } from '../../db/integrity.ts';
import { errorMessage } from '../../ui/errors.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';

export interface IntegrityState {
  report: IntegrityReport | null;
  busy: boolean;
  error: string | null;
  run(): Promise<void>;
}

/** Recompute this incident's hash chains on demand. */
export function useIntegrityCheck(incident: string): IntegrityState {
  const db = useDatabase();
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setBusy(true);
    try {
      setReport(await verifyIncident(db, incident));
      setError(null);
    } catch (failure) {
      setError(`Could not verify: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return { report, busy, error, run };
}

export function VerifyButton({ check }: { check: IntegrityState }) {
  return (
    <button type="button" onClick={() => void check.run()} disabled={check.busy}>
      {check.busy ? 'Verifying…' : 'Verify integrity'}
    </button>
  );
}

/** Says plainly what holds: "N entries verified", or which entry fails and why. */
export function IntegrityReportView({ check: { report, error } }: { check: IntegrityState }) {
  return (
    <div role="status" aria-live="polite" className="integrity-report">
        {error && <p className="error">{error}</p>}
        {report && report.problems.length === 0 && (
          <p className="ok">
            ✔ {report.verifiedEntries} entries verified ({report.ops} changes, hash chains intact)
          </p>
        )}
        {report && report.problems.length > 0 && (
          <div className="error">
            <p>
              ✖ {report.verifiedEntries} of {report.entries} entries verified; {report.problems.length} problem{report.problems.length === 1 ? '' : 's'}:
            </p>
            <ul>
              {report.problems.map((p, i) => (
                <li key={`${p.opId}-${i}`}>
                  {p.text !== null ? `Entry “${p.text}”` : p.entry ? `Entry ${p.entry}` : `Change ${p.opId}`}: {p.reason}
                </li>
              ))}
            </ul>
          </div>
        )}
    </div>
  );
}
