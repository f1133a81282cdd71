import { useState } from 'react';
import type { PostmortemSection } from '../../../shared/domain/postmortem.ts';
import type { PostmortemSectionView } from '../../../shared/entities/index.ts';
import { attempt, errorMessage } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormBits.tsx';
import { useDraft } from '../drafts/useDraft.ts';
import { dismissVersion, restoreVersion, saveSection } from './postmortemActions.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { MarkdownPreview } from '../../ui/MarkdownPreview.tsx';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * One written section: Markdown on the left, its preview on the right (ui/MarkdownPreview.tsx:
 * GFM; raw HTML is never rendered, links only as the export keeps them, images as their alt text). Typing is kept as a draft on every keystroke; leaving the box or
 * Save records it. A concurrent edit that lost is shown here, to restore or dismiss.
 */
export function SectionEditor({ incident, section, heading, hint, stored, starting, actor }: { incident: string; section: PostmortemSection; heading: string; hint: string; stored: PostmortemSectionView | undefined; starting: string; actor: string }) {
  const db = useDatabase();
  const draft = useDraft(`postmortem:${incident}:${section}`);
  // The draft is the text being edited; empty means "not editing", so emptying a section on
  // purpose is remembered separately.
  const [emptied, setEmptied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = stored?.text ?? starting;
  const local = draft.text !== '' ? draft.text : emptied ? '' : null;
  const shown = local ?? base;
  const dirty = local !== null && local !== base;
  const id = `pm-${section}`;

  async function save() {
    if (!dirty || local === null) return;
    try {
      await saveSection(db, incident, section, local, stored, actor);
      setEmptied(false);
      await draft.clear();
      setError(null);
    } catch (failure) {
      setError(`Not saved (kept as a draft): ${errorMessage(failure)}`);
    }
  }

  const act = (work: Promise<void>) => attempt(() => work, setError);

  return (
    <section aria-labelledby={`${id}-title`} className="pm-section">
      <h2 id={`${id}-title`}>{heading}</h2>
      <div className="pm-editor">
        <div>
          <label htmlFor={id} className="visually-hidden">{`${heading} (Markdown)`}</label>
          <textarea
            id={id}
            value={shown}
            placeholder={hint}
            rows={Math.min(16, Math.max(4, shown.split('\n').length + 1))}
            onChange={(e) => {
              setEmptied(e.target.value === '');
              draft.setText(e.target.value);
            }}
            onBlur={() => void save()}
            readOnly={!draft.ready}
          />
          <p className="hint">
            {dirty ? 'Not saved yet (kept as a draft) — leave the box or ' : stored ? `Saved by ${stored.by}, ${when(stored.at)}. ` : 'Not written yet. '}
            {dirty && (
              <button type="button" className="small" onClick={() => void save()}>
                Save
              </button>
            )}
          </p>
        </div>
        <div className="pm-preview" aria-label={`${heading} preview`}>
          <MarkdownPreview markdown={shown} />
        </div>
      </div>
      {stored?.conflicts.map((other) => (
        <div key={other.hash} className="pm-conflict" role="group" aria-label={`Other version by ${other.by}`}>
          <p className="flag flag-soon">{`⚠ ${other.by} also edited this section at ${when(other.at)}; that version was not kept as current:`}</p>
          <pre>{other.text}</pre>
          <button type="button" onClick={() => void act(restoreVersion(db, incident, section, other.text, stored, actor))}>
            Use this version
          </button>{' '}
          <button type="button" onClick={() => void act(dismissVersion(db, incident, section, stored, other.hash, actor))}>
            Keep the current text
          </button>
        </div>
      ))}
      <FormError message={error} />
    </section>
  );
}
