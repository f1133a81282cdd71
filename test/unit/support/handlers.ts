import type { BridgeHandlers } from '../../../electron/host/dispatch.ts';

/** Every bridge method, each failing loudly if a test calls one it did not mean to. */
export function unusedHandlers<Ctx = void>(): BridgeHandlers<Ctx> {
  const unused = (method: string) => () => {
    throw new Error(`${method} is not used by this test`);
  };
  return {
    'app.info': unused('app.info'),
    'file.save': unused('file.save'),
    'app.notify': unused('app.notify'),
    'sync.chooseFolder': unused('sync.chooseFolder'),
    'sync.setUp': unused('sync.setUp'),
    'sync.list': unused('sync.list'),
    'sync.exchange': unused('sync.exchange'),
    'sync.watch': unused('sync.watch'),
    'backup.write': unused('backup.write'),
    'backup.list': unused('backup.list'),
    'backup.readLatest': unused('backup.readLatest'),
    'file.open': unused('file.open'),
    'app.openDataFolder': unused('app.openDataFolder'),
    'file.takeOpened': unused('file.takeOpened'),
    'clipboard.writeText': unused('clipboard.writeText'),
    'secret.seal': unused('secret.seal'),
    'signing.open': unused('signing.open'),
  };
}
