import type { ReactNode } from 'react';

/** The shared ends of every form: what went wrong, and Cancel beside the main action. */
export function FormError({ message, id }: { message: string | null; id?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="error" id={id}>
      {message}
    </p>
  );
}

export function DialogActions({ onCancel, submitLabel }: { onCancel(): void; submitLabel: string }) {
  return (
    <div className="actions">
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="primary">
        {submitLabel}
      </button>
    </div>
  );
}

/** The one way out of a read-only dialog. */
export function CloseAction({ onClose }: { onClose(): void }) {
  return (
    <div className="actions">
      <button type="button" className="primary" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

/** A labelled control in a row of fields. */
export function Field({ id, label, grow, children }: { id: string; label: string; grow?: boolean; children: ReactNode }) {
  return (
    <div className={grow ? 'field grow' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** A select's options: each value, shown by its name. */
export function Options<T extends string>({ values, name }: { values: readonly T[]; name(value: T): string }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {name(value)}
    </option>
  ));
}
