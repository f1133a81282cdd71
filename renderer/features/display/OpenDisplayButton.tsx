import { useState } from 'react';
import type { DisplayView } from '../../../shared/bridge/displayWindow.ts';
import { errorMessage } from '../../ui/errors.ts';
import { openDisplayWindow } from './openDisplayWindow.ts';

/** Opens the display window on `view`; a failure is said right beside the button. */
export function OpenDisplayButton({ view, label }: { view: DisplayView; label: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  async function open() {
    try {
      setProblem(await openDisplayWindow(view));
    } catch (failure) {
      setProblem(`The window could not be opened: ${errorMessage(failure)}`);
    }
  }
  return (
    <>
      <button type="button" onClick={() => void open()}>
        {label}
      </button>
      {problem && (
        <span role="alert" className="error">
          {problem}
        </span>
      )}
    </>
  );
}
