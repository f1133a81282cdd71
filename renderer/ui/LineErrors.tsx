/** What is wrong with a file people wrote, line by line ("Line 7: unknown phase …"). */
export function LineErrors({ label, errors }: { label: string; errors: readonly { line: number; message: string }[] }) {
  return (
    <ul className="error" aria-label={label}>
      {errors.map((e) => (
        <li key={`${e.line}:${e.message}`}>{`Line ${e.line}: ${e.message}`}</li>
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
