import { useCallback, useEffect, useState } from 'react';
import { isTyping } from '../../ui/isTyping.ts';

const SIDE_PANEL_KEY = 'warroom.sidePanel';

/** Whether the incident page's side panel is open: a per-laptop preference, remembered across incidents and restarts. */
export function useSidePanel(): [open: boolean, toggle: () => void] {
  const [open, setOpen] = useState(() => localStorage.getItem(SIDE_PANEL_KEY) !== 'closed');
  const toggle = useCallback(() => {
    setOpen((was) => {
      localStorage.setItem(SIDE_PANEL_KEY, was ? 'closed' : 'open');
      return !was;
    });
  }, []);
  return [open, toggle];
}

/**
 * Focus mode: only the timeline and the entry box. F toggles it and Escape leaves it, both only
 * outside text boxes and dialogs (an F typed in an entry is text; Escape in the box leaves the box first).
 */
export function useFocusMode(): [on: boolean, toggle: () => void] {
  const [on, setOn] = useState(false);
  const toggle = useCallback(() => setOn((was) => !was), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey || document.querySelector('dialog[open]')) return;
      if (event.key.toLowerCase() === 'f') {
        event.preventDefault();
        toggle();
      } else if (event.key === 'Escape') setOn(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle]);
  return [on, toggle];
}
