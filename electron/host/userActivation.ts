/**
 * "Only on a user action" for host calls a page could abuse on its own, such as writing the
 * clipboard (a compromised page could otherwise swap a copied command or address at any time).
 *
 * The main process cannot see the page's gestures, but it sees every input event the OS sends
 * to a page (webContents 'input-event'), and a page cannot fake those. So, as Chromium's own
 * transient user activation: a click, key press or tap in a page allows one such call from that
 * page within the next few seconds. Plain Node, so it is unit-tested without Electron.
 */

/** Input event types (Electron's InputEvent.type) that are a user action; moves, wheels and key releases are not. */
const ACTIVATING = new Set(['mouseDown', 'mouseUp', 'rawKeyDown', 'keyDown', 'char', 'touchEnd', 'gestureTap', 'pointerDown', 'pointerUp']);

/** As Chromium's transient activation: long enough for a click's handler to await a database read. */
export const ACTIVATION_MS = 5_000;

export interface UserActivation {
  /** An input event of `type` reached the page `page` (a webContents id). */
  noteInput(page: number, type: string): void;
  /** True when `page` had a user action in the last ACTIVATION_MS; uses it up (one call per action). */
  consume(page: number): boolean;
  /** The page is gone. */
  forget(page: number): void;
}

export function createUserActivation(now: () => number = Date.now): UserActivation {
  const lastAction = new Map<number, number>();
  return {
    noteInput(page, type) {
      if (ACTIVATING.has(type)) lastAction.set(page, now());
    },
    consume(page) {
      const at = lastAction.get(page);
      lastAction.delete(page);
      return at !== undefined && now() - at <= ACTIVATION_MS;
    },
    forget(page) {
      lastAction.delete(page);
    },
  };
}

/** The `clipboard.writeText` bridge handler: writes only right after a user action in the calling page. */
export function clipboardWriteHandler<Ctx extends { page: number }>(activation: UserActivation, write: (text: string) => void) {
  return ({ text }: { text: string }, ctx: Ctx): { written: true } => {
    if (!activation.consume(ctx.page)) throw new Error('the clipboard is written only right after a click or a key press in War Room');
    write(text);
    return { written: true };
  };
}
