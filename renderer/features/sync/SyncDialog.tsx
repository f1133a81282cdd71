import { useState, type FormEvent } from 'react';
import { hostBridge } from '../../bridge/hostBridge.ts';
import { readDeviceProfile, setDeviceName } from '../../db/localStore.ts';
import { ownForkStatus, takeNewIdentity } from '../../db/newIdentity.ts';
import { listSyncTargets, recentSyncLog, removeSyncTarget } from '../../db/syncTargets.ts';
import { describeFault, syncNow, useSyncActivity } from './syncService.ts';
import { errorMessage } from '../../ui/errors.ts';
import { CloseAction, FormError } from '../../ui/FormBits.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { useNow } from '../../ui/useNow.ts';
import { AddTargetForm } from './AddTargetForm.tsx';
import { HeldChanges } from './HeldChanges.tsx';
import { formatAgo, pendingFor, useOwnSeq } from './SyncStatus.tsx';
import { targetLocation } from './syncTargets.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { useLiveRows } from '../../db/hooks.ts';
import { keyFingerprint } from '../../../shared/ops/signature.ts';

function DeviceNameForm() {
  const db = useDatabase();
  const profile = useLiveRows(readDeviceProfile, []);
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  if (!profile) return null;
  const shown = name ?? profile.name;
  async function save(event: FormEvent) {
    event.preventDefault();
    const trimmed = shown.trim();
    if (trimmed.length < 1 || trimmed.length > 100) return setError('This laptop’s name: 1–100 characters.');
    setError(null);
    await setDeviceName(db, trimmed);
    setSaved(true);
  }
  return (
    <form onSubmit={(e) => void save(e)} className="row-inline">
      <label htmlFor="device-name">This laptop’s name (as the others see it)</label>
      <input id="device-name" value={shown} onChange={(e) => (setName(e.target.value), setSaved(false))} />
      <button type="submit">Save name</button>
      {saved && <span role="status">Saved</span>}
      <FormError message={error} />
    </form>
  );
}

/** This laptop's key fingerprint, for people comparing it aloud when a laptop joins (docs: trust on first sight). */
function SigningKeyLine() {
  const key = useLiveRows((db) => db.signing.published(), []);
  if (key === undefined) return null;
  return (
    <p className="hint" aria-label="This laptop’s signing key">
      {key ? `Signing key: ${keyFingerprint(key.key)} — the others check every change from this laptop against it.` : 'Signing key: made with this laptop’s first change.'}
    </p>
  );
}

function SyncLog() {
  const rows = useLiveRows((db) => recentSyncLog(db, 200), []);
  const targets = useLiveRows(listSyncTargets, []);
  if (!rows) return null;
  const labelOf = (id: string) => targets?.find((t) => t.id === id)?.label ?? 'removed target';
  return (
    <section aria-labelledby="sync-log-title">
      <h3 id="sync-log-title">Sync log</h3>
      {rows.length === 0 ? (
        <p className="hint">Nothing yet.</p>
      ) : (
        <div className="sync-log">
          <table aria-labelledby="sync-log-title">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Target</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.seq} className={`log-${row.level}`}>
                  <td>{new Date(row.at).toLocaleString()}</td>
                  <td>{labelOf(row.target)}</td>
                  <td>
                    {row.level === 'error' ? '⚠ ' : ''}
                    {row.message}
                    {row.file && <div className="sub">{row.file}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * Shown when another install writes under this laptop's device id (a copied profile): sync stops
 * pushing, or some of this laptop's changes lost their file name to the other install. Taking a
 * new identity records them again under a new id, so the team gets them.
 */
function CopiedProfile({ forkFault }: { forkFault: boolean }) {
  const db = useDatabase();
  const status = useLiveRows(ownForkStatus, []);
  const [error, setError] = useState<string | null>(null);
  if (!status || (!forkFault && status.twins === 0)) return null;
  async function mend() {
    try {
      await takeNewIdentity(db);
      // Views that hold rows in memory must read the refolded state.
      window.location.reload();
    } catch (failure) {
      setError(`Not changed: ${errorMessage(failure)}`);
    }
  }
  return (
    <section className="copied-profile" aria-labelledby="copied-profile-title">
      <h3 id="copied-profile-title">Another install uses this laptop's identity</h3>
      <p>
        {`Device id ${status.device} is also used by another install (a copied profile?). ${
          status.stranded > 0 ? `Changes made here (${status.stranded}) cannot reach the team under it.` : 'This laptop cannot send new changes under it.'
        } Give this laptop a new identity: those changes are recorded again under the new one, by the same people, and sync carries on. Do this on each install that shows this message.`}
      </p>
      <div className="actions start">
        <button type="button" className="primary" onClick={() => void mend()}>
          Give this laptop a new identity
        </button>
      </div>
      <FormError message={error} />
    </section>
  );
}

/** Targets with their state, the means to add one, and what sync has been doing. */
export function SyncDialog({ onClose }: { onClose(): void }) {
  const db = useDatabase();
  const bridge = hostBridge();
  const targets = useLiveRows(listSyncTargets, []);
  const running = useSyncActivity((s) => s.running);
  const ownSeq = useOwnSeq();
  const now = useNow(30_000);
  return (
    <Modal title="Sync" onClose={onClose} wide>
      <DeviceNameForm />
      <SigningKeyLine />
      {!bridge && <p className="hint">Sync runs in the War Room desktop app: a browser cannot reach shared folders or git. This preview keeps everything on this computer.</p>}
      <h3>Targets</h3>
      {targets && targets.length === 0 && <p className="hint">None yet: this laptop keeps its changes until a target is added.</p>}
      <ul className="sync-targets" aria-label="Sync targets">
        {targets?.map((target) => (
          <li key={target.id} aria-label={target.label}>
            <strong>{target.label}</strong>
            {target.config.encryption && <span className="tag">Encrypted</span>}
            <div className="sub">{targetLocation(target.config)}</div>
            <dl className="facts">
              <dt>Last success</dt>
              <dd>{running[target.id] ? 'syncing now…' : formatAgo(target.lastSuccessAt, now)}</dd>
              <dt>Waiting to send</dt>
              <dd>{`${pendingFor(target, ownSeq)} change${pendingFor(target, ownSeq) === 1 ? '' : 's'}`}</dd>
              <dt>Last error</dt>
              <dd className={target.lastFault ? 'flag flag-late' : undefined}>{target.lastFault ? `⚠ ${describeFault(target.lastFault)}` : 'none'}</dd>
            </dl>
            <div className="actions">
              <button type="button" onClick={() => void syncNow(db, target.id)} disabled={!bridge || running[target.id] === true}>
                Sync now
              </button>
              <button type="button" onClick={() => void removeSyncTarget(db, target.id)}>
                Stop syncing
              </button>
            </div>
          </li>
        ))}
      </ul>
      <CopiedProfile forkFault={targets?.some((t) => t.lastFault?.code === 'fork') ?? false} />
      <HeldChanges now={now} />
      {bridge && <AddTargetForm bridge={bridge} />}
      <SyncLog />
      <CloseAction onClose={onClose} />
    </Modal>
  );
}
