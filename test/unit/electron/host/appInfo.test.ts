import { describe, expect, it } from 'vitest';
import { bridgeContract } from '../../../../shared/bridge/contract.ts';
import { appInfo } from '../../../../electron/host/appInfo.ts';

describe('appInfo', () => {
  it('builds a result that satisfies the contract from injected values', () => {
    const info = appInfo({
      name: 'War Room',
      version: '0.1.0',
      platform: 'linux',
      versions: { electron: '45.4.1', node: '22.20.0', chrome: undefined },
      userDataDir: '/home/me/.config/War Room',
    });
    expect(info).toEqual({
      name: 'War Room',
      version: '0.1.0',
      platform: 'linux',
      versions: { electron: '45.4.1', node: '22.20.0' },
      userDataDir: '/home/me/.config/War Room',
    });
    expect(bridgeContract['app.info'].result.safeParse(info).success).toBe(true);
  });

  it('accepts process.versions as is', () => {
    const info = appInfo({
      name: 'n',
      version: 'v',
      platform: process.platform,
      versions: process.versions,
      userDataDir: '/',
    });
    expect(info.versions['node']).toBe(process.versions.node);
  });
});
