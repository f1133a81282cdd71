import type { ChangeEvent } from 'react';
import { hostBridge } from '../../bridge/hostBridge.ts';
import { errorMessage } from '../../ui/errors.ts';
import { pickArchiveWithBridge } from '../../backup/restore.ts';

/**
 * "Choose a .warroom file": the native open dialog in the desktop app, a file input in the
 * browser. Hands over the text; what to do with it is the caller's.
 */
export function ArchivePicker({ label, onPicked, onError }: { label: string; onPicked(file: { name: string; text: string }): void; onError(message: string): void }) {
  const bridge = hostBridge();
  if (bridge) {
    const pick = () =>
      pickArchiveWithBridge(bridge).then(
        (file) => file && onPicked(file),
        (error: unknown) => onError(errorMessage(error)),
      );
    return (
      <button type="button" onClick={() => void pick()}>
        {label}
      </button>
    );
  }
  async function read(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      onPicked({ name: file.name, text: await file.text() });
    } catch (error) {
      onError(`${file.name} could not be read: ${errorMessage(error)}`);
    }
  }
  return (
    <label className="button">
      {label}
      <input type="file" accept=".warroom,application/x-warroom-archive" onChange={(e) => void read(e)} className="visually-hidden" aria-label={label} />
    </label>
  );
}
