import { describe, expect, it } from 'vitest';
import { declaredTrust, planTrust } from '../../../../shared/sync/trust.ts';
import type { DeviceInfo } from '../../../../shared/sync/layout.ts';
import { DEV_A, DEV_B, DEV_C } from '../../support/chains.ts';
import { testTrust } from '../../support/keys.ts';

const info = (device: string, key?: string, signedFrom?: number): DeviceInfo => ({ device, name: `laptop ${device.slice(0, 4)}`, createdAt: '2026-11-23T08:00:00.000Z', app: 'test', ...(key ? { key } : {}), ...(signedFrom ? { signedFrom } : {}) });

describe('planTrust: trust on first sight', () => {
  const me = info(DEV_A, testTrust(DEV_A).key);

  it('pins a key seen for the first time and checks against it', () => {
    const plan = planTrust(me, [info(DEV_B, testTrust(DEV_B).key)], {});
    expect(plan.pin).toEqual({ [DEV_B]: testTrust(DEV_B) });
    expect(plan.trust.get(DEV_B)).toEqual(testTrust(DEV_B));
    expect(plan.trust.get(DEV_A)).toEqual(testTrust(DEV_A));
    expect(plan.problems).toEqual([]);
  });

  it('a device file that names another key, another signedFrom or none is reported; the pinned key stays', () => {
    const pinned = { [DEV_B]: testTrust(DEV_B) };
    for (const file of [info(DEV_B, testTrust(DEV_C).key), info(DEV_B, testTrust(DEV_B).key, 5), info(DEV_B)]) {
      const plan = planTrust(me, [file], pinned);
      expect(plan.trust.get(DEV_B)).toEqual(testTrust(DEV_B));
      expect(plan.pin).toEqual({});
      expect(plan.problems).toEqual([{ file: `warroom/v1/devices/${DEV_B}.json`, reason: expect.stringMatching(/signing key changed — pinned .* when first seen, the file now names/) }]);
    }
  });

  it('this laptop is checked against its own key, whatever its device file on the target says', () => {
    const plan = planTrust(me, [info(DEV_A, testTrust(DEV_C).key)], { [DEV_A]: testTrust(DEV_C) });
    expect(plan.trust.get(DEV_A)).toEqual(testTrust(DEV_A));
    expect(plan.problems).toEqual([{ file: `warroom/v1/devices/${DEV_A}.json`, reason: expect.stringMatching(/^this laptop's device file names another signing key/) }]);
  });

  it('a device that names no key and is not pinned has none: its ops count as unverified', () => {
    expect(planTrust(me, [info(DEV_B)], {}).trust.has(DEV_B)).toBe(false);
    expect(declaredTrust([info(DEV_B), info(DEV_C, testTrust(DEV_C).key, 3)])).toEqual(new Map([[DEV_C, testTrust(DEV_C, 3)]]));
  });
});
