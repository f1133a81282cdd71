import { useState } from 'react';
import { parseRunbook } from '../../../shared/runbooks/parse.ts';
import { serializeRunbook } from '../../../shared/runbooks/serialize.ts';
import { errorMessage } from '../../ui/errors.ts';
import { CloseAction, FormError } from '../../ui/FormBits.tsx';
import { EditorActions, LineErrors } from '../../ui/LineErrors.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { TextFileInput } from '../../ui/TextFileInput.tsx';
import { fileNameFor, saveTextFile } from '../export/saveTextFile.ts';
import { KeptEditNotice, KeptSource, leaveEditor, markdownTitle, useKeptEdit, type KeptEdit } from '../drafts/keptEdit.tsx';
import { libraryOf, removeRunbook, saveRunbookSource, type LibraryEntry } from './runbookLibrary.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { useLiveRows } from '../../db/hooks.ts';
import { listCustomRunbookSources } from '../../db/queries.ts';

const NEW_RUNBOOK = `---
id: my-runbook
types: availability
severities: P0, P1
---
# My runbook

## Triage
- [ ] Confirm the impact with a second signal (role: technical lead)
`;

/** Markdown on the left, what is wrong (by line) under it: saved only when it parses. */
function Editor({ initial, actor, edit, onDone }: { initial: string; actor: string; edit: KeptEdit<KeptSource>; onDone(): void }) {
  const db = useDatabase();
  const [source, setSource] = useState(initial);
  const [status, setStatus] = useState<string | null>(null);
  const parsed = parseRunbook(source);
  async function save() {
    const saved = await saveRunbookSource(db, source, actor);
    if (!saved.ok) return setStatus('Not saved: fix the lines listed.');
    await leaveEditor(edit, onDone);
  }
  return (
    <div className="runbook-editor">
      <label htmlFor="runbook-source">Runbook (Markdown: a # title, one ## heading per phase, - [ ] items)</label>
      <textarea id="runbook-source" value={source} onChange={(e) => (setSource(e.target.value), edit.keep({ source: e.target.value }))} rows={16} spellCheck={false} />
      {parsed.ok ? (
        <p className="hint" role="status">{`Valid: ${parsed.runbook.title} — ${parsed.runbook.phases.map((p) => `${p.phase} (${p.items.length})`).join(', ')}`}</p>
      ) : (
        <LineErrors label="Problems in the runbook" errors={parsed.errors} />
      )}
      <FormError message={status} />
      <EditorActions onCancel={() => void leaveEditor(edit, onDone)} onSave={() => void save()} canSave={parsed.ok} saveLabel="Save runbook" />
    </div>
  );
}

/** The runbook library: built-ins from the plans and the team's own (synced); import, export, edit. */
export function RunbooksDialog({ actor, onClose }: { actor: string; onClose(): void }) {
  const db = useDatabase();
  const sources = useLiveRows(listCustomRunbookSources, []);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [importErrors, setImportErrors] = useState<readonly { line: number; message: string }[]>([]);
  const library = libraryOf(sources ?? []);
  const edit = useKeptEdit('edit:runbook', KeptSource);

  async function importFile(file: { name: string; text: string }) {
    const saved = await saveRunbookSource(db, file.text, actor);
    if (saved.ok) {
      setImportErrors([]);
      setStatus(`Imported ${saved.runbook.title}`);
    } else {
      setStatus(`${file.name} was not imported:`);
      setImportErrors(saved.errors);
    }
  }

  async function exportEntry(entry: LibraryEntry) {
    try {
      setStatus(await saveTextFile(fileNameFor(entry.runbook.title, 'runbook.md'), entry.source ?? serializeRunbook(entry.runbook), 'markdown'));
    } catch (failure) {
      setStatus(`Export failed: ${errorMessage(failure)}`);
    }
  }

  return (
    <Modal title="Runbooks" onClose={onClose} wide>
      {editing !== null ? (
        <Editor initial={editing} actor={actor} edit={edit} onDone={() => setEditing(null)} />
      ) : (
        <>
          {edit.kept && (
            <KeptEditNotice
              what={`the runbook “${markdownTitle(edit.kept.source) ?? 'untitled'}”`}
              onResume={() => setEditing(edit.kept!.source)}
              onDiscard={() => void edit.discard()}
            />
          )}
          <ul className="runbook-list" aria-label="Runbook library">
            {library.map((entry) => (
              <li key={entry.runbook.id}>
                <div>
                  <strong>{entry.runbook.title}</strong> {entry.builtIn && <span className="tag">Built in</span>}
                </div>
                <div className="sub">
                  {(entry.runbook.types.length ? entry.runbook.types.join(', ') : 'every type') + ' · ' + (entry.runbook.severities.length ? entry.runbook.severities.join(', ') : 'every severity')}
                </div>
                <div className="actions">
                  <button type="button" onClick={() => setEditing(entry.source ?? serializeRunbook(entry.runbook))} aria-label={`Edit ${entry.runbook.title}`}>
                    Edit
                  </button>
                  <button type="button" onClick={() => void exportEntry(entry)} aria-label={`Export ${entry.runbook.title}`}>
                    Export .md
                  </button>
                  {!entry.builtIn && (
                    <button type="button" onClick={() => void removeRunbook(db, entry.runbook.id, actor)} aria-label={`Remove ${entry.runbook.title}`}>
                      Remove
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" onClick={() => setEditing(NEW_RUNBOOK)}>
              New runbook
            </button>
            <TextFileInput label="Import .md…" accept=".md,text/markdown,text/plain" onText={importFile} onError={setStatus} />
          </div>
          {status && <p role="status">{status}</p>}
          {importErrors.length > 0 && <LineErrors label="Problems in the imported file" errors={importErrors} />}
          <CloseAction onClose={onClose} />
        </>
      )}
    </Modal>
  );
}
