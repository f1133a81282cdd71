import { describe, expect, it, vi } from 'vitest';
import type { Dispatcher } from '../../../../electron/host/dispatch.ts';
import { createBridgeHandler } from '../../../../electron/main/bridgeHandler.ts';

function fakeDispatcher() {
  const dispatch = vi.fn<Dispatcher<string>['dispatch']>(async () => ({ ok: true, value: 'done' }));
  return { dispatch };
}

describe('createBridgeHandler', () => {
  it('dispatches calls from the app page with their context', async () => {
    const dispatcher = fakeDispatcher();
    const handle = createBridgeHandler(dispatcher, {});
    const reply = await handle('app://warroom/index.html', 'app.info', {}, 'ctx');
    expect(reply).toEqual({ ok: true, value: 'done' });
    expect(dispatcher.dispatch).toHaveBeenCalledWith('app.info', {}, 'ctx');
  });

  it('accepts the dev server only when it is the configured one', async () => {
    const dispatcher = fakeDispatcher();
    const devHandle = createBridgeHandler(dispatcher, { devServerUrl: 'http://localhost:5173' });
    expect(await devHandle('http://localhost:5173/', 'app.info', {}, 'ctx')).toEqual({ ok: true, value: 'done' });

    const prodHandle = createBridgeHandler(dispatcher, {});
    expect(await prodHandle('http://localhost:5173/', 'app.info', {}, 'ctx')).toMatchObject({
      ok: false,
      error: { code: 'bad-sender' },
    });
  });

  it.each([
    ['a remote page', 'https://attacker.example/'],
    ['a file page', 'file:///tmp/evil.html'],
    ['another app host', 'app://evil/index.html'],
    ['a destroyed frame', undefined],
  ])('answers bad-sender to %s without dispatching', async (_label, url) => {
    const dispatcher = fakeDispatcher();
    const reply = await createBridgeHandler(dispatcher, {})(url, 'file.save', {}, 'ctx');
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-sender', message: expect.any(String) } });
    expect(dispatcher.dispatch).not.toHaveBeenCalled();
  });
});
