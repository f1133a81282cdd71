import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
}

/**
 * A native modal <dialog>: focus is trapped, Escape closes, the title names it for screen readers.
 * The control marked `data-autofocus` takes focus once the dialog is shown. React's `autoFocus`
 * cannot do it here: it focuses before the dialog opens, and showModal() then moves focus to the
 * first control (in the status update, the template picker, where typing changes the template).
 */
export function Modal({ title, onClose, children, wide = false }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = `modal-${title.replace(/\W+/g, '-').toLowerCase()}`;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => dialog?.close();
  }, []);
  // A 'close' event is queued, not fired at once. Under StrictMode (the dev server) the dialog is
  // mounted, cleaned up (closed) and mounted again (reopened) before the first close arrives:
  // that late event must not close the dialog the user is looking at.
  const closed = () => {
    if (!ref.current?.open) onClose();
  };
  return (
    <dialog ref={ref} className={wide ? 'dialog wide' : 'dialog'} aria-labelledby={titleId} onClose={closed}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
