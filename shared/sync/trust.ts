import { keyFingerprint, type DeviceTrust } from '../ops/signature.ts';
import { deviceInfoPath, type DeviceInfo } from './layout.ts';

/** The keys a round checks each device's ops against, and what it learned about them. */
export interface TrustPlan {
  trust: Map<string, DeviceTrust>;
  /** Keys seen for the first time: pinned before anything signed with them is applied. */
  pin: Record<string, DeviceTrust>;
  problems: { file: string; reason: string }[];
}

/** What a device file declares: its key and the seq it signs from; null when it names no key. */
export function trustOf(info: DeviceInfo): DeviceTrust | null {
  return info.key === undefined ? null : { key: info.key, signedFrom: info.signedFrom ?? 1 };
}

function same(a: DeviceTrust, b: DeviceTrust): boolean {
  return a.key === b.key && a.signedFrom === b.signedFrom;
}

function describe(trust: DeviceTrust): string {
  return `${keyFingerprint(trust.key)}… from seq ${trust.signedFrom}`;
}

/**
 * Trust on first sight (docs/sync-format.md#signatures): a device's key is pinned the first time a
 * device file names it and never replaced by a later file. A file naming another key (or none)
 * is reported, and the device's ops are still checked against the pinned key. This laptop's own
 * ops are checked against its own key, whatever its device file on the target says.
 */
export function planTrust(me: DeviceInfo, devices: readonly DeviceInfo[], pinned: Readonly<Record<string, DeviceTrust>>): TrustPlan {
  const plan: TrustPlan = { trust: new Map(), pin: {}, problems: [] };
  const own = trustOf(me);
  if (own) plan.trust.set(me.device, own);
  for (const [device, trust] of Object.entries(pinned)) if (device !== me.device) plan.trust.set(device, trust);
  for (const info of devices) {
    const listed = trustOf(info);
    const file = deviceInfoPath(info.device);
    if (info.device === me.device) {
      if (own && listed && !same(own, listed)) plan.problems.push({ file, reason: `this laptop's device file names another signing key (${describe(listed)}; this laptop's is ${describe(own)}): rewritten this round` });
      continue;
    }
    const known = pinned[info.device];
    if (known === undefined) {
      if (listed) {
        plan.pin[info.device] = listed;
        plan.trust.set(info.device, listed);
      }
    } else if (!listed || !same(known, listed)) {
      const now = listed ? `now names ${describe(listed)}` : 'now names no key';
      plan.problems.push({ file, reason: `device ${info.device} (${info.name}): signing key changed — pinned ${describe(known)} when first seen, the file ${now}. A device keeps one key for life, so the file was replaced or the install damaged: its ops are still checked against the pinned key.` });
    }
  }
  return plan;
}

/** The keys device files name, for a reader with no pins of its own (`warroom verify`, `warroom sync`). */
export function declaredTrust(devices: readonly DeviceInfo[]): Map<string, DeviceTrust> {
  const trust = new Map<string, DeviceTrust>();
  for (const info of devices) {
    const declared = trustOf(info);
    if (declared) trust.set(info.device, declared);
  }
  return trust;
}
