import { useState } from 'react';
import { z } from 'zod';
import { PLACEHOLDER_NAMES, parseTemplate } from '../../../shared/postmortem/templates.ts';
import type { TemplateChoice } from '../../../shared/postmortem/library.ts';
import { errorMessage } from '../../ui/errors.ts';
import { CloseAction, FormError } from '../../ui/FormBits.tsx';
import { EditorActions, LineErrors } from '../../ui/LineErrors.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { KeptEditNotice, leaveEditor, markdownTitle, useKeptEdit, type KeptEdit } from '../drafts/keptEdit.tsx';
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

function Editor({ initial, actor, edit, onDone }: { initial: TemplateEdit; actor: string; edit: KeptEdit<TemplateEdit>; onDone(): void }) {
  const db = useDatabase();
  const [name, setName] = useState(initial.name);
  const [source, setSource] = useState(initial.source);
  const [error, setError] = useState<string | null>(null);
  const parsed = parseTemplate(source);
  const change = (next: { name?: string; source?: string }) => {
    const value = { id: initial.id, name: next.name ?? name, source: next.source ?? source };
    setName(value.name);
    setSource(value.source);
    edit.keep(value);
  };
  async function save() {
    if (name.trim() === '') return setError('Give the template a name.');
    try {
      const saved = await saveTemplate(db, initial.id ?? templateIdFor(name), name, source, actor);
      if (saved.ok) await leaveEditor(edit, onDone);
    } catch (failure) {
      setError(`Not saved: ${errorMessage(failure)}`);
    }
  }
  return (
    <div className="runbook-editor">
      <label htmlFor="template-name">Name</label>
      <input id="template-name" value={name} onChange={(e) => change({ name: e.target.value })} />
      <label htmlFor="template-source">Template (Markdown: an optional # title, one ## heading per section, {'{{placeholders}}'} in the text)</label>
      <textarea id="template-source" value={source} onChange={(e) => change({ source: e.target.value })} rows={14} spellCheck={false} />
      {parsed.ok ? (
        <p className="hint" role="status">{`Valid: ${parsed.template.sections.map((s) => s.heading).join(' · ')}`}</p>
      ) : (
        <LineErrors label="Problems in the template" errors={parsed.errors} />
      )}
      <details>
        <summary>Placeholders</summary>
        <p className="hint">{PLACEHOLDER_NAMES.map((p) => `{{${p}}}`).join(' ')}</p>
      </details>
      <FormError message={error} />
      <EditorActions onCancel={() => void leaveEditor(edit, onDone)} onSave={() => void save()} canSave={parsed.ok} saveLabel="Save template" />
    </div>
  );
}

/** Post-mortem templates: the plans' built-ins and the team's own (synced), written in Markdown. */
export function TemplatesDialog({ actor, onClose }: { actor: string; onClose(): void }) {
  const db = useDatabase();
  const library = useTemplateLibrary();
  const [editing, setEditing] = useState<TemplateEdit | null>(null);
  const kept = useKeptEdit('edit:template', TemplateEdit);
  const edit = (t: TemplateChoice) => setEditing({ id: t.id, name: t.builtIn ? `${t.name} (ours)` : t.name, source: t.source });
  return (
    <Modal title="Post-mortem templates" onClose={onClose} wide>
      {editing ? (
        <Editor initial={editing} actor={actor} edit={kept} onDone={() => setEditing(null)} />
      ) : (
        <>
          {kept.kept && (
            <KeptEditNotice
              what={`the template “${kept.kept.name.trim() || markdownTitle(kept.kept.source) || 'untitled'}”`}
              onResume={() => setEditing(kept.kept!)}
              onDiscard={() => void kept.discard()}
            />
          )}
          <ul className="runbook-list" aria-label="Template library">
            {library.map((t) => (
              <li key={t.id}>
                <div>
                  <strong>{t.name}</strong> {t.builtIn && <span className="tag">Built in</span>}
                </div>
                <div className="sub">{t.template.sections.map((s) => s.heading).join(' · ')}</div>
                <div className="actions">
                  <button type="button" onClick={() => edit(t)} aria-label={`Edit ${t.name}`}>
                    Edit
                  </button>
                  {!t.builtIn && (
                    <button type="button" onClick={() => void removeTemplate(db, t.id, actor)} aria-label={`Remove ${t.name}`}>
                      Remove
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" onClick={() => setEditing({ id: null, name: '', source: NEW_TEMPLATE })}>
              New template
            </button>
          </div>
          <CloseAction onClose={onClose} />
        </>
      )}
    </Modal>
  );
}
