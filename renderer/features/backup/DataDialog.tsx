import { useEffect, useRef, useState } from 'react';
import { hostBridge } from '../../bridge/hostBridge.ts';
import { exportAll, importDecoded, previewImport, type ImportPreview } from '../../db/backupFile.ts';
import { backUpNow, useBackupStatus } from '../../backup/backupService.ts';
import { ensurePersistentStorage, type StorageMode } from '../../backup/persistence.ts';
import { describeImport, pickBackupWithBridge } from '../../backup/backupImport.ts';
import { errorMessage } from '../../ui/errors.ts';
import { CloseAction, FormError } from '../../ui/FormBits.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { saveTextFile } from '../export/saveTextFile.ts';
import { BackupFilePicker } from './BackupFilePicker.tsx';
import { ImportConfirm } from './ImportConfirm.tsx';
import { useDatabase } from '../../db/DatabaseProvider.tsx';

const STORAGE_WORDS: Record<StorageMode, string> = {
  persistent: 'Persistent: the browser engine will not evict this database.',
  'best-effort': 'Best effort: under storage pressure the engine could evict this database. Keep backups.',
  unsupported: 'Unknown: this engine cannot promise to keep the database. Keep backups.',
};

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').slice(0, 13).replace('T', '-');
}

/** A file the OS handed over at launch, read by the host, or why it could not be. */
export type Incoming = { name: string; text: string } | { error: string };

/** A decoded file waiting for the person to import it or not; `prefix` leads the result (the path of an opened file). */
interface Proposal {
  name: string;
  prefix: string;
  preview: Extract<ImportPreview, { ok: true }>;
}

/** What a menu command asks the dialog to do as it opens. */
export type DataAction = 'export-all' | 'import' | 'import-opened' | 'back-up-now' | 'open-data-folder';

/** Everything on this laptop as one file, bringing such a file in, backups and storage. */
export function DataDialog({ onClose, start, incoming }: { onClose(): void; start?: DataAction | undefined; incoming?: Incoming | undefined }) {
  const db = useDatabase();
  const bridge = hostBridge();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [storage, setStorage] = useState<StorageMode | null>(null);
  const [backups, setBackups] = useState<{ name: string; size: number }[] | null>(null);
  const backup = useBackupStatus();
  const [proposal, setProposal] = useState<Proposal | null>(null);

  useEffect(() => {
    void ensurePersistentStorage().then(setStorage);
  }, []);
  useEffect(() => {
    if (!bridge) return;
    void bridge.invoke('backup.list', {}).then((reply) => setBackups(reply.ok ? reply.value.backups : []));
  }, [bridge, backup.lastAt]);

  async function act(action: () => Promise<string>) {
    setError(null);
    try {
      setStatus(await action());
    } catch (failure) {
      setStatus(null);
      setError(errorMessage(failure));
    }
  }

  const exportEverything = () =>
    act(async () => {
      const { text, opCount } = await exportAll(db);
      const saved = await saveTextFile(`warroom-all-${stamp(Date.now())}.warroom`, text, 'warroom');
      return `${saved} (${opCount} ops)`;
    });

  /** Any file to import is shown first (ImportConfirm); nothing is written until the person says Import. */
  const importFile = (file: { name: string; text: string }, prefix = '') =>
    act(async () => {
      const preview = await previewImport(db, file.text);
      if (!preview.ok) throw new Error(`${file.name} was not imported; nothing was changed: ${preview.error}`);
      setProposal({ name: file.name, prefix, preview });
      return `${file.name}: waiting for you to import it or not.`;
    });
  const confirmImport = (proposal: Proposal) => {
    setProposal(null);
    void act(async () => {
      const result = await importDecoded(db, proposal.preview.decoded);
      if (!result.ok) throw new Error(`${proposal.name} was not imported; nothing was changed: ${result.error}`);
      return `${proposal.prefix}${describeImport(result)}`;
    });
  };
  const cancelImport = (proposal: Proposal) => {
    setProposal(null);
    setStatus(`${proposal.name} was not imported; nothing was changed.`);
  };

  const importWithDialog = () =>
    bridge &&
    pickBackupWithBridge(bridge).then(
      (file) => file && importFile(file),
      (failure: unknown) => setError(errorMessage(failure)),
    );
  /** A .warroom the OS handed over (double-click): shown as it arrives, imported only when confirmed. */
  const importOpened = async () => {
    if (!bridge) return;
    setError(null);
    const reply = await bridge.invoke('file.takeOpened', {});
    if (!reply.ok) return setError(reply.error.message);
    if (!reply.value) return setStatus('No file is waiting to be imported.');
    await importFile({ name: reply.value.path, text: reply.value.content }, `${reply.value.path}: `);
  };
  const openDataFolder = () =>
    bridge &&
    act(async () => {
      const reply = await bridge.invoke('app.openDataFolder', {});
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value.opened ? 'Opened the data folder.' : `The data folder could not be opened: ${reply.value.reason ?? 'unknown reason'}`;
    });

  const started = useRef(false);
  useEffect(() => {
    if (started.current || (!start && !incoming)) return;
    started.current = true;
    // After this render: the action reports through state.
    void Promise.resolve().then(() => {
      if (incoming && 'error' in incoming) setError(incoming.error);
      else if (incoming) void importFile(incoming);
      else if (start === 'export-all') void exportEverything();
      else if (start === 'import') void importWithDialog();
      else if (start === 'import-opened') void importOpened();
      else if (start === 'back-up-now' && bridge) void act(() => backUpNow(db, bridge));
      else if (start === 'open-data-folder') void openDataFolder();
    });
  });

  return (
    <Modal title="Data and backups" onClose={onClose} wide>
      <section aria-labelledby="data-portable">
        <h3 id="data-portable">Everything on this laptop, as one file</h3>
        <p className="hint">Every incident, entry, checklist, post-mortem, action item, exercise and setting, as their op log. Importing merges: what is already here stays, and importing the same file twice changes nothing.</p>
        <div className="actions start">
          <button type="button" onClick={() => void exportEverything()}>
            Export all…
          </button>
          <BackupFilePicker label="Import a .warroom file…" onPicked={(file) => void importFile(file)} onError={setError} />
        </div>
      </section>
      <section aria-labelledby="data-backups">
        <h3 id="data-backups">Automatic backups</h3>
        {bridge ? (
          <>
            <p className="hint">Every hour while War Room runs, the whole op log is copied to the backups folder in the app's data folder; the newest 24 are kept. If the database ever cannot be opened, War Room offers the latest one.</p>
            <p role="status">{backup.lastError ? `Last backup failed: ${backup.lastError}` : (backup.lastResult ?? 'No backup yet in this session.')}</p>
            {backups && <p>{backups.length === 0 ? 'No backups in the folder yet.' : `${backups.length} backups; newest ${backups[0]!.name} (${Math.ceil(backups[0]!.size / 1024)} KiB).`}</p>}
            <div className="actions start">
              <button type="button" onClick={() => void act(() => backUpNow(db, bridge))}>
                Back up now
              </button>
              <button type="button" onClick={() => void openDataFolder()}>
                Open data folder
              </button>
            </div>
          </>
        ) : (
          <p>Automatic backups need the desktop app. In the browser, use Export all regularly.</p>
        )}
      </section>
      <section aria-labelledby="data-storage">
        <h3 id="data-storage">Storage</h3>
        <p>{storage ? STORAGE_WORDS[storage] : 'Checking…'}</p>
      </section>
      {status && <p role="status">{status}</p>}
      <FormError message={error} />
      <CloseAction onClose={onClose} />
      {proposal && <ImportConfirm name={proposal.name} summary={proposal.preview.summary} onImport={() => confirmImport(proposal)} onCancel={() => cancelImport(proposal)} />}
    </Modal>
  );
}
