import { useUi } from './store.ts';

/**
 * App-wide shortcuts, listened for from the first moment the page runs — before the database is
 * opened and the app rendered — so an Alt+N pressed during start-up still opens the declare
 * dialog once the app is there.
 */
export function installGlobalShortcuts(): void {
  window.addEventListener('keydown', (event) => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === 'n') {
      event.preventDefault();
      useUi.getState().setDeclareOpen(true);
    }
  });
}
