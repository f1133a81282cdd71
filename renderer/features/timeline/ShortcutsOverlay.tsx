import { KIND_PREFIXES } from '../../../shared/timeline/entryInput.ts';
import { CloseAction } from '../../ui/FormBits.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { KIND_LOOK } from './KindBadge.tsx';

const SHORTCUTS: [string, string][] = [
  ['Enter', 'Save the entry'],
  ['Shift+Enter', 'New line in the entry'],
  ['Escape', 'Leave the entry box'],
  ['I or N', 'Back to the entry box'],
  ['↑ in an empty box', 'Edit your last entry'],
  ['Alt+1 … Alt+8', 'Pick the entry kind'],
  ['↑ / ↓, Home / End', 'Move between entries'],
  ['E / P / S / H', 'Edit, pin, strike, history of the focused entry'],
  ['T', 'Track the focused action entry as an action item'],
  ['Ctrl+F or /', 'Search the timeline'],
  ['Ctrl+J', 'Jump to a time'],
  ['L', 'Go to the escalation due (Enter logs it)'],
  ['F', 'Focus mode: only the timeline and the entry box (F or Escape leaves it)'],
  ['Alt+N', 'Declare an incident'],
  ['Ctrl+K or ⌘+K', 'Command palette: every action and screen by typing'],
  ['?', 'This list'],
];

/** Every shortcut of the scribe view, and the prefixes typed at the start of an entry. */
export function ShortcutsOverlay({ onClose }: { onClose(): void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} wide>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Typed at the start of an entry</h3>
      <table className="shortcuts">
        <tbody>
          {Object.entries(KIND_PREFIXES).map(([letter, kind]) => (
            <tr key={letter}>
              <th scope="row">
                <kbd>/{letter}</kbd>
              </th>
              <td>{KIND_LOOK[kind].label}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              <kbd>@14:05</kbd>, <kbd>@2026-11-22 23:50</kbd>, <kbd>@-15m</kbd>
            </th>
            <td>It happened earlier (local time): the entry is sorted by that time and keeps the time you recorded it</td>
          </tr>
          <tr>
            <th scope="row">
              <kbd>#tag</kbd>
            </th>
            <td>Tag the entry</td>
          </tr>
        </tbody>
      </table>
      <CloseAction onClose={onClose} />
    </Modal>
  );
}
