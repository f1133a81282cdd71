/** A problem found in a file people wrote: by line (Markdown), or by field path in its message (JSON). */
export interface Problem {
  line?: number;
  message: string;
}

/** "Line 7: unknown phase …": for problems that always have a line. */
export const byLine = (e: Problem): string => `Line ${e.line}: ${e.message}`;

/** What is wrong with a file people wrote, one problem a row; `format` is how a row reads (by default "Line 7: …"). */
export function LineErrors({ label, errors, format = byLine }: { label: string; errors: readonly Problem[]; format?(e: Problem): string }) {
  return (
    <ul className="error" aria-label={label}>
      {errors.map((e, i) => (
        <li key={i}>{format(e)}</li>
      ))}
    </ul>
  );
}

/** Cancel beside a Save that stays disabled until the text is valid. */
export function EditorActions({ onCancel, onSave, canSave, saveLabel }: { onCancel(): void; onSave(): void; canSave: boolean; saveLabel: string }) {
  return (
    <div className="actions">
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="button" className="primary" onClick={onSave} disabled={!canSave}>
        {saveLabel}
      </button>
    </div>
  );
}
