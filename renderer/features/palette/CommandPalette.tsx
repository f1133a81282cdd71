import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Modal } from '../../ui/Modal.tsx';
import { errorMessage } from '../../ui/errors.ts';
import type { Command } from './commandRegistry.ts';
import { MAX_QUERY, matchCommands } from './matchCommands.ts';
import { forPlatform } from './platformKeys.ts';
import { useCommandRegistry } from './useCommands.ts';
import './palette.css';

const optionId = (index: number) => `palette-option-${index}`;

function isPaletteKey(event: globalThis.KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
}

function PaletteDialog({ onClose }: { onClose(command?: Command): void }) {
  const registry = useCommandRegistry();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // Read on every render, not once: a command list follows the screen while the palette is open.
  const matches = matchCommands(registry.list(), query);
  const current = Math.min(active, matches.length - 1);

  useEffect(() => {
    if (current >= 0) document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing || matches.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + matches.length) % matches.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onClose(matches[current]);
    }
  }

  return (
    <Modal title="Command palette" onClose={() => onClose()}>
      <label htmlFor="palette-query">Command</label>
      <input
        id="palette-query"
        className="palette-query"
        data-autofocus
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-options"
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX_QUERY}
        value={query}
        placeholder="Type to search: declare, status, runbook, export…"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="palette-options" className="palette-options" role="listbox" aria-label="Commands">
        {matches.map((command, index) => (
          // Options are chosen from the box (aria-activedescendant) or by pointer; never focused themselves.
          <li key={command.id} id={optionId(index)} role="option" aria-selected={index === current} onClick={() => onClose(command)} onMouseMove={() => setActive(index)}>
            <span className="palette-title">{command.title}</span>
            <span className="palette-group">{command.group}</span>
            {command.shortcut && <kbd>{forPlatform(command.shortcut)}</kbd>}
          </li>
        ))}
      </ul>
      {matches.length === 0 && (
        <p role="status" className="hint">
          No command matches.
        </p>
      )}
      <p className="hint">↑ ↓ to choose · Enter runs · Escape closes</p>
    </Modal>
  );
}

type Outcome = { text: string; failed: boolean } | null;

/**
 * Ctrl+K (⌘+K) opens the palette from anywhere, the entry box included: only that key is taken,
 * every other key still reaches the box. Not over another dialog: that one has the user's attention.
 */
export function CommandPalette() {
  // 0 while closed; each opening is a new session (a fresh dialog), so a late 'close' event of
  // the previous one cannot shut it.
  const [open, setOpen] = useState(0);
  const session = useRef(0);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!isPaletteKey(event) || event.isComposing || document.querySelector('dialog[open]:not(:has(#palette-query))')) return;
      event.preventDefault();
      // Whether the palette is showing is read from the page, not from state: Escape closes the
      // dialog at once but its 'close' event (which updates state) is queued, and a Ctrl+K typed
      // in between must open the palette again, not toggle the stale state shut.
      const showing = document.querySelector('dialog[open] #palette-query') !== null;
      if (!showing) {
        returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        session.current += 1;
      }
      setOpen(showing ? 0 : session.current);
      setOutcome(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A confirmation goes after a while; a failure stays until dismissed or the next command.
  useEffect(() => {
    if (!outcome || outcome.failed) return;
    const timer = setTimeout(() => setOutcome(null), 8000);
    return () => clearTimeout(timer);
  }, [outcome]);

  async function perform(command: Command) {
    try {
      const said = await command.run();
      setOutcome(said ? { text: said, failed: false } : null);
    } catch (failure) {
      setOutcome({ text: `${command.title}: ${errorMessage(failure)}`, failed: true });
    }
  }

  function close(which: number, command?: Command) {
    if (which !== session.current) return;
    const back = returnTo.current;
    setOpen(0);
    // After the dialog is gone: focus goes back where the user was, then the command may move it
    // (to the jump box) or open its own dialog, which the palette's must not be in the way of.
    setTimeout(() => {
      if (back?.isConnected && (document.activeElement === null || document.activeElement === document.body)) back.focus();
      if (command) void perform(command);
    }, 0);
  }

  return (
    <>
      {open > 0 && <PaletteDialog key={open} onClose={(command) => close(open, command)} />}
      {outcome && (
        <div className={`palette-outcome${outcome.failed ? ' error' : ''}`} role={outcome.failed ? 'alert' : 'status'}>
          <span>{outcome.text}</span>
          <button type="button" className="small" onClick={() => setOutcome(null)}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
