import { useState } from 'react';
import { PLACEHOLDER_NAMES, parseTemplate } from '../../../shared/postmortem/templates.ts';
import type { TemplateChoice } from '../../../shared/postmortem/library.ts';
import { errorMessage } from '../../ui/errors.ts';
import { CloseAction, FormError } from '../../ui/FormBits.tsx';
import { EditorActions, LineErrors } from '../../ui/LineErrors.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { removeTemplate, saveTemplate, templateIdFor, useTemplateLibrary } from './templateLibrary.ts';

const NEW_TEMPLATE = `# Review: {{incident.title}}

## Executive Summary
{{incident.severity}} {{incident.type}} incident, open for {{incident.duration}}.

## Root Cause

## Lessons Learned
`;

function Editor({ initial, actor, onDone }: { initial: { id: string | null; name: string; source: string }; actor: string; onDone(): void }) {
  const [name, setName] = useState(initial.name);
  const [source, setSource] = useState(initial.source);
  const [error, setError] = useState<string | null>(null);
  const parsed = parseTemplate(source);
  async function save() {
    if (name.trim() === '') return setError('Give the template a name.');
    try {
      const saved = await saveTemplate(initial.id ?? templateIdFor(name), name, source, actor);
      if (saved.ok) onDone();
    } catch (failure) {
      setError(`Not saved: ${errorMessage(failure)}`);
    }
  }
  return (
    <div className="runbook-editor">
      <label htmlFor="template-name">Name</label>
      <input id="template-name" value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="template-source">Template (Markdown: an optional # title, one ## heading per section, {'{{placeholders}}'} in the text)</label>
      <textarea id="template-source" value={source} onChange={(e) => setSource(e.target.value)} rows={14} spellCheck={false} />
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
      <EditorActions onCancel={onDone} onSave={() => void save()} canSave={parsed.ok} saveLabel="Save template" />
    </div>
  );
}

/** Post-mortem templates: the plans' built-ins and the team's own (synced), written in Markdown. */
export function TemplatesDialog({ actor, onClose }: { actor: string; onClose(): void }) {
  const library = useTemplateLibrary();
  const [editing, setEditing] = useState<{ id: string | null; name: string; source: string } | null>(null);
  const edit = (t: TemplateChoice) => setEditing({ id: t.id, name: t.builtIn ? `${t.name} (ours)` : t.name, source: t.source });
  return (
    <Modal title="Post-mortem templates" onClose={onClose} wide>
      {editing ? (
        <Editor initial={editing} actor={actor} onDone={() => setEditing(null)} />
      ) : (
        <>
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
                    <button type="button" onClick={() => void removeTemplate(t.id, actor)} aria-label={`Remove ${t.name}`}>
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
