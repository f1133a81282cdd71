import { useState, type FormEvent } from 'react';
import type { Bridge } from '../../../shared/bridge/contract.ts';
import { FormError } from '../../ui/FormBits.tsx';
import { syncNow } from './syncService.ts';
import { addTarget } from './syncTargets.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';

type Kind = 'folder' | 'git';

/** A folder field with a native picker beside it (the path can also be typed or pasted). */
function FolderField({ id, label, value, onChange, bridge }: { id: string; label: string; value: string; onChange(path: string): void; bridge: Bridge }) {
  async function choose() {
    const reply = await bridge.invoke('sync.chooseFolder', { title: label });
    if (reply.ok && reply.value.path) onChange(reply.value.path);
  }
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div className="row-inline">
        <input id={id} value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
        <button type="button" onClick={() => void choose()}>
          Choose…
        </button>
      </div>
    </>
  );
}

/** Add a shared folder or a git remote; it is set up (or checked) before it is saved. */
export function AddTargetForm({ bridge }: { bridge: Bridge }) {
  const db = useDatabase();
  const [kind, setKind] = useState<Kind>('folder');
  const [path, setPath] = useState('');
  const [url, setUrl] = useState('');
  const [branch, setBranch] = useState('main');
  const [cloneDir, setCloneDir] = useState('');
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const encryption = encrypt ? { encryption: { passphrase } } : {};
    const input = kind === 'folder' ? { kind, path: path.trim(), ...encryption } : { kind, url: url.trim(), branch: branch.trim(), cloneDir: cloneDir.trim(), ...encryption };
    try {
      const added = await addTarget(db, bridge, input);
      if (!added.ok) return setError(added.message);
      setPath('');
      setUrl('');
      setCloneDir('');
      setPassphrase('');
      void syncNow(db, added.target.id);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Add a sync target" className="add-target">
      <fieldset>
        <legend>Add a sync target</legend>
        <div role="radiogroup" aria-label="Target kind" className="segmented">
          {(
            [
              ['folder', 'Shared folder'],
              ['git', 'Git remote'],
            ] as const
          ).map(([id, text]) => (
            <button key={id} type="button" role="radio" aria-checked={kind === id} onClick={() => setKind(id)}>
              {text}
            </button>
          ))}
        </div>
        {kind === 'folder' ? (
          <FolderField id="sync-folder" label="Shared folder (network share, USB stick, synced drive)" value={path} onChange={setPath} bridge={bridge} />
        ) : (
          <>
            <label htmlFor="sync-url">Git remote URL</label>
            <input id="sync-url" value={url} onChange={(e) => setUrl(e.target.value)} spellCheck={false} placeholder="git@example.org:team/warroom-sync.git" />
            <label htmlFor="sync-branch">Branch</label>
            <input id="sync-branch" value={branch} onChange={(e) => setBranch(e.target.value)} spellCheck={false} />
            <FolderField id="sync-clone" label="Local clone folder (managed by War Room)" value={cloneDir} onChange={setCloneDir} bridge={bridge} />
          </>
        )}
        <label className="check">
          <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} /> Encrypt with a team passphrase
        </label>
        {encrypt && (
          <>
            <label htmlFor="sync-passphrase">Team passphrase (every laptop on this target uses the same one)</label>
            <input id="sync-passphrase" type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" />
          </>
        )}
        <FormError message={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Setting up…' : 'Add target'}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
