import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type BridgeHandlers } from '../../../../electron/host/dispatch.ts';
import { unusedHandlers } from '../../support/handlers.ts';

const info = {
  name: 'War Room',
  version: '0.1.0',
  platform: 'linux',
  versions: { node: '22.0.0' },
  userDataDir: '/home/me/.config/War Room',
};

function handlers(overrides: Partial<BridgeHandlers> = {}): BridgeHandlers {
  return {
    ...unusedHandlers(),
    'app.info': () => info,
    'file.save': () => ({ saved: true, path: '/tmp/out.md' }),
    'app.notify': () => ({ shown: true }),
    ...overrides,
  };
}

const saveArgs = { suggestedName: 'incident.md', content: '# Incident', format: 'markdown' };

describe('createDispatcher', () => {
  it('runs the handler and returns its validated result', async () => {
    const save = vi.fn<BridgeHandlers['file.save']>(() => ({ saved: false }));
    const { dispatch } = createDispatcher(handlers({ 'file.save': save }));

    expect(await dispatch('app.info', {})).toEqual({ ok: true, value: info });
    expect(await dispatch('file.save', saveArgs)).toEqual({ ok: true, value: { saved: false } });
    expect(save).toHaveBeenCalledWith(saveArgs, undefined);
  });

  it('passes the caller context through to the handler', async () => {
    const seen: unknown[] = [];
    const { dispatch } = createDispatcher<{ window: string }>({
      ...unusedHandlers<{ window: string }>(),
      'app.info': (_args, ctx) => {
        seen.push(ctx);
        return info;
      },
      'file.save': () => ({ saved: false }),
      'app.notify': () => ({ shown: false }),
    });
    await dispatch('app.info', {}, { window: 'w1' });
    expect(seen).toEqual([{ window: 'w1' }]);
  });

  it.each([
    ['an unknown name', 'shell.exec'],
    ['an inherited property', 'toString'],
    ['a prototype key', '__proto__'],
    ['a number', 42],
    ['null', null],
    ['an object', { method: 'app.info' }],
  ])('refuses %s as bad-method', async (_label, method) => {
    const reply = await createDispatcher(handlers()).dispatch(method, {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-method' } });
  });

  it('names the offending field and the reason for bad args', async () => {
    const save = vi.fn(() => ({ saved: false as const }));
    const { dispatch } = createDispatcher(handlers({ 'file.save': save }));

    const reply = await dispatch('file.save', { ...saveArgs, suggestedName: '../../etc/passwd' });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'bad-args', message: 'file.save: suggestedName: a file name, not a path' },
    });

    const wrongFormat = await dispatch('file.save', { ...saveArgs, format: 'exe' });
    expect(wrongFormat.ok).toBe(false);
    if (!wrongFormat.ok) {
      expect(wrongFormat.error.code).toBe('bad-args');
      expect(wrongFormat.error.message).toMatch(/^file\.save: format: /);
    }
    expect(save).not.toHaveBeenCalled();
  });

  it('reports every failing field, unknown keys and missing args', async () => {
    const { dispatch } = createDispatcher(handlers());

    const many = await dispatch('file.save', { suggestedName: '', format: 'markdown', extra: 1 });
    expect(many.ok).toBe(false);
    if (!many.ok) {
      expect(many.error.message).toContain('suggestedName:');
      expect(many.error.message).toContain('content:');
      expect(many.error.message).toContain('extra');
    }

    const none = await dispatch('app.info', undefined);
    expect(none).toMatchObject({ ok: false, error: { code: 'bad-args', message: expect.stringContaining('(root)') } });
  });

  it('turns a thrown error into failed, with its message', async () => {
    const { dispatch } = createDispatcher(
      handlers({
        'file.save': () => {
          throw new Error('EACCES: permission denied');
        },
      }),
    );
    expect(await dispatch('file.save', saveArgs)).toEqual({
      ok: false,
      error: { code: 'failed', message: 'file.save: EACCES: permission denied' },
    });
  });

  it('never throws, whatever the handler rejects with', async () => {
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    const { dispatch } = createDispatcher(
      handlers({
        'app.info': () => Promise.reject(hostile),
        'file.save': () => Promise.reject('a string'),
      }),
    );
    expect(await dispatch('app.info', {})).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(await dispatch('file.save', saveArgs)).toEqual({
      ok: false,
      error: { code: 'failed', message: 'file.save: a string' },
    });
  });

  it('refuses a result that breaks its schema as bad-result', async () => {
    const { dispatch } = createDispatcher(
      handlers({
        'app.info': () => ({ ...info, version: 7 }) as unknown as typeof info,
        'file.save': () => ({ saved: true }) as unknown as { saved: false },
      }),
    );
    expect(await dispatch('app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'bad-result', message: expect.stringMatching(/^app\.info: version: /) },
    });
    expect(await dispatch('file.save', saveArgs)).toMatchObject({ ok: false, error: { code: 'bad-result' } });
  });
});
