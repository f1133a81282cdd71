import { useState } from 'react';
import type { Artefact } from '../../../shared/entities/index.ts';
import { errorMessage } from '../../ui/errors.ts';
import { hashInPage, hashWithHost, hostHashes } from './hashArtefact.ts';

/**
 * Choose a file and get its SHA-256: in the desktop app the host's dialog and the host hashes it
 * where it is; in the web preview an `<input type=file>` and the page reads it (said so).
 */
export function ArtefactPicker({ id, label, onHashed, onError }: { id: string; label: string; onHashed(artefact: Artefact): void; onError(message: string | null): void }) {
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<Artefact | null>) {
    setBusy(true);
    try {
      const artefact = await work();
      onError(null);
      if (artefact) onHashed(artefact);
    } catch (failure) {
      onError(`Could not hash the file: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  if (hostHashes()) {
    return (
      <button type="button" id={id} disabled={busy} aria-busy={busy} onClick={() => void run(() => hashWithHost(label))}>
        {busy ? 'Hashing…' : label}
      </button>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void run(() => hashInPage(file));
        }}
      />
      <p className="hint">Web preview: the file is read in this page to hash it, never uploaded or stored. The desktop app hashes it outside the page.</p>
    </div>
  );
}

/** An artefact as a person checks it: name, size and the full hash. */
export function ArtefactFacts({ artefact }: { artefact: Artefact }) {
  return (
    <span className="artefact">
      {artefact.name} · {artefact.size.toLocaleString('en')} bytes · SHA-256 <code className="sha256">{artefact.sha256}</code>
    </span>
  );
}
