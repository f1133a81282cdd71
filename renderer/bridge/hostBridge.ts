import type { Bridge } from '../../shared/bridge/contract.ts';

declare global {
  interface Window {
    /** Present in the desktop app (preload) and in e2e tests (exposeBinding); absent in the web preview. */
    warroom?: Bridge;
  }
}

/** The desktop host, or null where the renderer runs alone in a browser. */
export function hostBridge(): Bridge | null {
  return window.warroom ?? null;
}
