import { hostBridge } from '../../bridge/hostBridge.ts';
import { errorMessage } from '../../ui/errors.ts';
import { TextFileInput } from '../../ui/TextFileInput.tsx';
import { pickBackupWithBridge } from '../../backup/backupImport.ts';

/**
 * "Choose a .warroom file": the native open dialog in the desktop app, a file input in the
 * browser. Hands over the text; what to do with it is the caller's.
 */
export function BackupFilePicker({ label, onPicked, onError }: { label: string; onPicked(file: { name: string; text: string }): void; onError(message: string): void }) {
  const bridge = hostBridge();
  if (bridge) {
    const pick = () =>
      pickBackupWithBridge(bridge).then(
        (file) => file && onPicked(file),
        (error: unknown) => onError(errorMessage(error)),
      );
    return (
      <button type="button" onClick={() => void pick()}>
        {label}
      </button>
    );
  }
  return <TextFileInput label={label} inputLabel={label} accept=".warroom,application/x-warroom-archive" onText={onPicked} onError={onError} />;
}
