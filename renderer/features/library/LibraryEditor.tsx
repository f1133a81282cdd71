import { useState, type ReactNode } from 'react';
import { FormError } from '../../ui/FormBits.tsx';
import { EditorActions, LineErrors, type Problem } from '../../ui/LineErrors.tsx';
import { leaveEditor } from '../drafts/keptEdit.tsx';
import type { Library } from './useLibrary.ts';

/** What the source says once parsed: a one-line summary when valid, else its problems. */
export type SourceCheck = { ok: true; summary: string } | { ok: false; errors: readonly Problem[] };

export interface LibraryEditorProps<E extends { source: string }> {
  library: Library<E>;
  initial: E;
  /** The source textarea's id, label and height. */
  sourceId: string;
  sourceLabel: string;
  rows: number;
  check(value: E): SourceCheck;
  /** The problem list's accessible name ("Problems in the runbook") and how a problem reads (by default "Line 7: …"). */
  problemsLabel: string;
  problem?(e: Problem): string;
  /** Save for the team: null when saved, else why not (shown under the source). */
  save(value: E): Promise<string | null>;
  saveLabel: string;
  /** A heading, making the editor a labelled region (the scenario editor, shown in place of a page). */
  heading?: { id: string; text: string };
  /** Fields above the source (a template's name), given the value and how to change it. */
  fields?(value: E, change: (next: Partial<E>) => void): ReactNode;
  /** Help under the problems (a template's placeholders). */
  help?: ReactNode;
}

/** A library item's source on the left, what is wrong with it (by line) under it: saved only when it parses; every change is kept. */
export function LibraryEditor<E extends { source: string }>(props: LibraryEditorProps<E>) {
  const { library } = props;
  const [value, setValue] = useState(props.initial);
  const [status, setStatus] = useState<string | null>(null);
  const checked = props.check(value);
  const change = (next: Partial<E>) => {
    const changed = { ...value, ...next };
    setValue(changed);
    library.kept.keep(changed);
  };
  const done = () => leaveEditor(library.kept, library.close);
  async function save() {
    const refused = await props.save(value);
    if (refused !== null) return setStatus(refused);
    await done();
  }
  const body = (
    <>
      {props.heading && <h2 id={props.heading.id}>{props.heading.text}</h2>}
      {props.fields?.(value, change)}
      <label htmlFor={props.sourceId}>{props.sourceLabel}</label>
      <textarea id={props.sourceId} value={value.source} onChange={(e) => change({ source: e.target.value } as Partial<E>)} rows={props.rows} spellCheck={false} />
      {checked.ok ? (
        <p className="hint" role="status">{`Valid: ${checked.summary}`}</p>
      ) : (
        <LineErrors label={props.problemsLabel} errors={checked.errors} format={props.problem} />
      )}
      {props.help}
      <FormError message={status} />
      <EditorActions onCancel={() => void done()} onSave={() => void save()} canSave={checked.ok} saveLabel={props.saveLabel} />
    </>
  );
  return props.heading ? (
    <section aria-labelledby={props.heading.id} className="runbook-editor">
      {body}
    </section>
  ) : (
    <div className="runbook-editor">{body}</div>
  );
}
