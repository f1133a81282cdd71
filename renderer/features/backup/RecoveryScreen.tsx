import { useState } from 'react';
import { hostBridge } from '../../bridge/hostBridge.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import type { OpenFailure } from '../../db/openDatabase.ts';
import { previewRestore, restoreIntoNewDatabase } from '../../db/restore.ts';
import type { ImportSummary } from '../../../shared/backup/importSummary.ts';
import { ImportConfirm } from './ImportConfirm.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormBits.tsx';
import { BackupFilePicker } from './BackupFilePicker.tsx';

/**
 * Shown instead of the app when the database cannot be opened: never an empty board that looks
 * like "no incidents". Says what is wrong and offers a restore into a new database, leaving
 * the unreadable one untouched.
 */
export function RecoveryScreen({ failure }: { failure: OpenFailure }) {
  const databaseName = useDatabase().name;
  const bridge = hostBridge();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [proposal, setProposal] = useState<{ text: string; source: string; summary: ImportSummary } | null>(null);

  /** Shown first (ImportConfirm): nothing is restored until the person says Import. */
  function propose(text: string, source: string) {
    setError(null);
    const preview = previewRestore(text);
    if (!preview.ok) return setError(`${source} could not be restored: ${preview.error}`);
    setProposal({ text, source, summary: preview.summary });
  }

  async function restore(text: string, source: string) {
    setBusy(true);
    setError(null);
    try {
      const result = await restoreIntoNewDatabase(text);
      if (!result.ok) throw new Error(`${source} could not be restored: ${result.error}`);
      // Start again on the restored database (a ?db= in the address would pin the old one).
      const url = new URL(window.location.href);
      url.searchParams.delete('db');
      window.location.replace(url);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  async function restoreLatest() {
    if (!bridge) return;
    const reply = await bridge.invoke('backup.readLatest', {});
    if (!reply.ok) return setError(reply.error.message);
    const { content, name, skipped } = reply.value;
    if (content === null || name === null) return setError(`No usable backup was found${skipped.length ? ` (${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')})` : ''}.`);
    propose(content, name);
  }

  return (
    <main className="content recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">War Room cannot open its database</h1>
      <p role="alert">{failure.message}</p>
      <p>
        Nothing has been changed or deleted: the database <code>{databaseName}</code> is left exactly as it is.{' '}
        {failure.kind === 'newer' ? 'Update War Room to read it, or restore a backup into a new database to carry on now.' : 'You can restore a backup into a new database and carry on.'}
      </p>
      <div className="actions start">
        {bridge && (
          <button type="button" className="primary" disabled={busy} onClick={() => void restoreLatest()}>
            Restore the latest backup
          </button>
        )}
        <BackupFilePicker label="Restore from a .warroom file…" onPicked={(file) => propose(file.text, file.name)} onError={setError} />
        <button type="button" onClick={() => window.location.reload()}>
          Try again
        </button>
      </div>
      <FormError message={error} />
      {proposal && (
        <ImportConfirm
          name={proposal.source}
          summary={proposal.summary}
          onImport={() => {
            setProposal(null);
            void restore(proposal.text, proposal.source);
          }}
          onCancel={() => setProposal(null)}
        />
      )}
    </main>
  );
}
