import { builtInInScheme } from '../../../shared/runbooks/match.ts';
import { parseRunbook } from '../../../shared/runbooks/parse.ts';
import { serializeRunbook } from '../../../shared/runbooks/serialize.ts';
import { CloseAction } from '../../ui/FormBits.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { fileNameFor } from '../export/saveTextFile.ts';
import { KeptSource, markdownTitle } from '../drafts/keptEdit.tsx';
import { LibraryEditor } from '../library/LibraryEditor.tsx';
import { entryFields, LibraryList } from '../library/LibraryList.tsx';
import { useLibrary } from '../library/useLibrary.ts';
import { useSeverityScheme } from '../board/useSeverityScheme.ts';
import { useTeamRoles } from '../contacts/useContacts.ts';
import { libraryOf, removeRunbook, saveRunbookSource, type RunbookEntry } from './runbookLibrary.ts';
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

const sourceOf = (entry: RunbookEntry) => entry.source ?? serializeRunbook(entry.item);

/** The runbook library: built-ins from the plans and the team's own (synced); import, export, edit. */
export function RunbooksDialog({ actor, onClose }: { actor: string; onClose(): void }) {
  const db = useDatabase();
  const sources = useLiveRows(listCustomRunbookSources, []);
  const library = useLibrary('edit:runbook', KeptSource);
  const scheme = useSeverityScheme();
  const teamRoles = useTeamRoles();
  const save = async (source: string) => {
    const saved = await saveRunbookSource(db, source, actor, teamRoles);
    return saved.ok ? { ok: true as const, title: saved.runbook.title } : saved;
  };
  return (
    <Modal title="Runbooks" onClose={onClose} wide>
      {library.editing !== null ? (
        <LibraryEditor
          library={library}
          initial={library.editing}
          sourceId="runbook-source"
          sourceLabel="Runbook (Markdown: a # title, one ## heading per phase, - [ ] items)"
          rows={16}
          check={({ source }) => {
            const parsed = parseRunbook(source, { teamRoles });
            return parsed.ok ? { ok: true, summary: `${parsed.runbook.title} — ${parsed.runbook.phases.map((p) => `${p.phase} (${p.items.length})`).join(', ')}` } : parsed;
          }}
          problemsLabel="Problems in the runbook"
          save={async ({ source }) => ((await save(source)).ok ? null : 'Not saved: fix the lines listed.')}
          saveLabel="Save runbook"
        />
      ) : (
        <>
          <LibraryList
            library={library}
            items={libraryOf(sources ?? [])}
            label="Runbook library"
            className="runbook-list"
            {...entryFields}
            summary={(entry) => {
              // A built-in's severities as the team's scheme reads them (matched by rank).
              const { types, severities } = entry.builtIn ? builtInInScheme(entry.item, scheme) : entry.item;
              return (types.length ? types.join(', ') : 'every type') + ' · ' + (severities.length ? severities.join(', ') : 'every severity');
            }}
            editOf={(entry) => ({ source: sourceOf(entry) })}
            exports={(entry) => [{ label: 'Export .md', name: `Export ${entry.item.title}`, onClick: () => void library.exportFile(fileNameFor(entry.item.title, 'runbook.md'), sourceOf(entry), 'markdown') }]}
            onRemove={(entry) => void removeRunbook(db, entry.item.id, actor)}
            keptWhat={(kept) => `the runbook “${markdownTitle(kept.source) ?? 'untitled'}”`}
            newLabel="New runbook"
            newItem={{ source: NEW_RUNBOOK }}
            importer={{ label: 'Import .md…', accept: '.md,text/markdown,text/plain', save }}
          />
          <CloseAction onClose={onClose} />
        </>
      )}
    </Modal>
  );
}
