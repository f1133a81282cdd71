import { useState, type ChangeEvent } from 'react';
import { z } from 'zod';
import { STATUS_PLACEHOLDERS, STATUS_TEMPLATES, type StatusTemplate } from '../../../shared/comms/statusTemplates.ts';
import { checkTemplateBody, serializeTemplateFile } from '../../../shared/comms/templateSource.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { CloseAction } from '../../ui/FormBits.tsx';
import { LineErrors } from '../../ui/LineErrors.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { fileNameFor } from '../export/saveTextFile.ts';
import { LibraryEditor } from '../library/LibraryEditor.tsx';
import { LibraryList } from '../library/LibraryList.tsx';
import { useLibrary } from '../library/useLibrary.ts';
import { importStatusTemplateFiles, removeStatusTemplate, saveStatusTemplate, statusTemplateIdFor } from './statusTemplateLibrary.ts';
import { useStatusTemplates } from './useStatusTemplates.ts';

const NEW_TEMPLATE = 'Update on {{title}}\nStatus: {{status}}\nNext update: {{nextUpdateAt}}\nUpdates: {{channel}}';

const TemplateEdit = z.object({ id: z.string().nullable(), name: z.string(), source: z.string() });
type TemplateEdit = z.infer<typeof TemplateEdit>;

const isBuiltInId = (id: string) => STATUS_TEMPLATES.some((t) => t.id === id);
const fileOf = (t: StatusTemplate) => serializeTemplateFile({ id: t.id, name: t.name, body: t.body });

/** Read every chosen file; one that cannot be read refuses the lot (nothing half-imported). */
async function readFiles(event: ChangeEvent<HTMLInputElement>): Promise<{ name: string; text: string }[]> {
  const files = [...(event.target.files ?? [])];
  event.target.value = '';
  return Promise.all(files.map(async (file) => ({ name: file.name, text: await file.text() })));
}

/** Status templates: the plans' built-ins and the team's own (synced), edited, imported and exported as files. */
export function StatusTemplatesDialog({ actor, onClose }: { actor: string; onClose(): void }) {
  const db = useDatabase();
  const library = useLibrary('edit:status-template', TemplateEdit);
  const templates = useStatusTemplates() ?? [];
  const [importErrors, setImportErrors] = useState<{ message: string }[]>([]);

  async function save({ id, name, source }: TemplateEdit): Promise<string | null> {
    if (name.trim() === '') return 'Give the template a name.';
    try {
      const saved = await saveStatusTemplate(db, { id: id ?? statusTemplateIdFor(name, templates.map((t) => t.id)), name, body: source }, actor);
      return saved.ok ? null : 'Not saved: fix the lines listed.';
    } catch (failure) {
      return `Not saved: ${errorMessage(failure)}`;
    }
  }

  async function importFiles(event: ChangeEvent<HTMLInputElement>) {
    try {
      const files = await readFiles(event);
      if (files.length === 0) return;
      const result = await importStatusTemplateFiles(db, files, actor);
      setImportErrors(result.ok ? [] : result.errors);
      library.setStatus(result.ok ? `Imported ${result.names.join(', ')}` : 'Nothing imported: fix the files listed.');
    } catch (failure) {
      library.setStatus(`Nothing imported: ${errorMessage(failure)}`);
    }
  }

  return (
    <Modal title="Status templates" onClose={onClose} wide>
      {library.editing ? (
        <LibraryEditor
          library={library}
          initial={library.editing}
          fields={(value, change) => (
            <>
              <label htmlFor="status-template-name">Name</label>
              <input id="status-template-name" value={value.name} onChange={(e) => change({ name: e.target.value })} />
            </>
          )}
          sourceId="status-template-source"
          sourceLabel="Template (plain text or Markdown, {{placeholders}} in the text)"
          rows={12}
          check={({ source }) => {
            const checked = checkTemplateBody(source);
            return checked.ok ? { ok: true, summary: `${source.split('\n').length} lines` } : checked;
          }}
          problemsLabel="Problems in the template"
          help={
            <details>
              <summary>Placeholders</summary>
              <ul className="hint">
                {Object.entries(STATUS_PLACEHOLDERS).map(([name, what]) => (
                  <li key={name}>{`{{${name}}}: ${what}`}</li>
                ))}
              </ul>
            </details>
          }
          save={save}
          saveLabel="Save template"
        />
      ) : (
        <>
          <LibraryList
            library={library}
            items={templates}
            label="Status template library"
            className="runbook-list"
            id={(t) => t.id}
            title={(t) => (!t.builtIn && isBuiltInId(t.id) ? `${t.name} (edited)` : t.name)}
            // An edited built-in is restored, not removed: it keeps its place and its badge.
            builtIn={(t) => t.builtIn === true || isBuiltInId(t.id)}
            teamTag
            summary={(t) => t.body.split('\n')[0] ?? ''}
            editOf={(t) => ({ id: t.id, name: t.name, source: t.body })}
            exports={(t) => [
              { label: 'Export .md', name: `Export ${t.name}`, onClick: () => void library.exportFile(fileNameFor(t.name, 'status-template.md'), fileOf(t), 'markdown') },
              ...(!t.builtIn && isBuiltInId(t.id) ? [{ label: 'Restore built-in', name: `Restore built-in ${t.name}`, onClick: () => void removeStatusTemplate(db, t.id, actor) }] : []),
            ]}
            onRemove={(t) => void removeStatusTemplate(db, t.id, actor)}
            keptWhat={(kept) => `the status template “${kept.name.trim() || 'untitled'}”`}
            newLabel="New template"
            newItem={{ id: null, name: '', source: NEW_TEMPLATE }}
          />
          <label className="button">
            Import .md…
            <input type="file" accept=".md,.txt,text/markdown,text/plain" multiple onChange={(e) => void importFiles(e)} className="visually-hidden" aria-label="Import status template files" />
          </label>
          {importErrors.length > 0 && <LineErrors label="Problems in the imported files" errors={importErrors} format={(e) => e.message} />}
          <CloseAction onClose={onClose} />
        </>
      )}
    </Modal>
  );
}
