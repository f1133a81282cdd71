import type { ChangeEvent } from 'react';
import { errorMessage } from './errors.ts';

/**
 * A button-looking file input that hands over the chosen file's text. The input is emptied after
 * each pick, so choosing the same file again (after fixing it) is seen; a file that cannot be
 * read is reported, not dropped.
 */
export function TextFileInput({ label, accept, inputLabel, onText, onError }: { label: string; accept: string; inputLabel?: string; onText(file: { name: string; text: string }): void | Promise<void>; onError(message: string): void }) {
  async function read(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return onError(`${file.name} could not be read: ${errorMessage(error)}`);
    }
    await onText({ name: file.name, text });
  }
  return (
    <label className="button">
      {label}
      <input type="file" accept={accept} onChange={(e) => void read(e)} className="visually-hidden" aria-label={inputLabel} />
    </label>
  );
}
