import { z } from 'zod';
import { PLACEHOLDER_NAMES, parseTemplate } from '../../../shared/postmortem/templates.ts';
import type { TemplateChoice } from '../../../shared/postmortem/library.ts';
import { errorMessage } from '../../ui/errors.ts';
import { CloseAction } from '../../ui/FormBits.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { markdownTitle } from '../drafts/keptEdit.tsx';
import { LibraryEditor } from '../library/LibraryEditor.tsx';
import { LibraryList } from '../library/LibraryList.tsx';
import { useLibrary } from '../library/useLibrary.ts';
import { removeTemplate, saveTemplate, templateIdFor, useTemplateLibrary } from './templateLibrary.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';

const NEW_TEMPLATE = `# Review: {{incident.title}}

## Executive Summary
{{incident.severity}} {{incident.type}} incident, open for {{incident.duration}}.

## Root Cause

## Lessons Learned
`;

const TemplateEdit = z.object({ id: z.string().nullable(), name: z.string(), source: z.string() });
type TemplateEdit = z.infer<typeof TemplateEdit>;

/** Post-mortem templates: the plans' built-ins and the team's own (synced), written in Markdown. */
export function TemplatesDialog({ actor, onClose }: { actor: string; onClose(): void }) {
  const db = useDatabase();
  const library = useLibrary('edit:template', TemplateEdit);
  const templates = useTemplateLibrary();
  async function save({ id, name, source }: TemplateEdit): Promise<string | null> {
    if (name.trim() === '') return 'Give the template a name.';
    try {
      const saved = await saveTemplate(db, id ?? templateIdFor(name), name, source, actor);
      return saved.ok ? null : 'Not saved: fix the lines listed.';
    } catch (failure) {
      return `Not saved: ${errorMessage(failure)}`;
    }
  }
  return (
    <Modal title="Post-mortem templates" onClose={onClose} wide>
      {library.editing ? (
        <LibraryEditor
          library={library}
          initial={library.editing}
          fields={(value, change) => (
            <>
              <label htmlFor="template-name">Name</label>
              <input id="template-name" value={value.name} onChange={(e) => change({ name: e.target.value })} />
            </>
          )}
          sourceId="template-source"
          sourceLabel={'Template (Markdown: an optional # title, one ## heading per section, {{placeholders}} in the text)'}
          rows={14}
          check={({ source }) => {
            const parsed = parseTemplate(source);
            return parsed.ok ? { ok: true, summary: parsed.template.sections.map((s) => s.heading).join(' · ') } : parsed;
          }}
          problemsLabel="Problems in the template"
          help={
            <details>
              <summary>Placeholders</summary>
              <p className="hint">{PLACEHOLDER_NAMES.map((p) => `{{${p}}}`).join(' ')}</p>
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
            label="Template library"
            className="runbook-list"
            id={(t) => t.id}
            title={(t) => t.name}
            builtIn={(t) => t.builtIn}
            summary={(t) => t.template.sections.map((s) => s.heading).join(' · ')}
            editOf={(t: TemplateChoice) => ({ id: t.id, name: t.builtIn ? `${t.name} (ours)` : t.name, source: t.source })}
            onRemove={(t) => void removeTemplate(db, t.id, actor)}
            keptWhat={(kept) => `the template “${kept.name.trim() || markdownTitle(kept.source) || 'untitled'}”`}
            newLabel="New template"
            newItem={{ id: null, name: '', source: NEW_TEMPLATE }}
          />
          <CloseAction onClose={onClose} />
        </>
      )}
    </Modal>
  );
}
