import type { Bridge, BridgeReply } from '../../../shared/bridge/contract.ts';
import type { SegmentRef } from '../../../shared/sync/layout.ts';
import type { Outcome, ReadSegment, TargetPort } from '../../../shared/sync/ports.ts';
import type { SyncFault, TargetConfig } from '../../../shared/sync/wire.ts';

/** A bridge-level failure (bad arguments, host crash) reported as a sync fault, never thrown. */
function hostFault<T>(reply: BridgeReply<Outcome<T>>): Outcome<T> {
  return reply.ok ? reply.value : { ok: false, fault: { code: 'host', message: `The desktop host refused the request: ${reply.error.message}` } };
}

export const NO_HOST_FAULT: SyncFault = { code: 'host', message: 'Sync needs the War Room desktop app: a browser cannot reach shared folders or git.' };

/** The target as the sync round sees it: the host's transports behind the bridge. */
export function bridgePort(bridge: Bridge, target: TargetConfig): TargetPort {
  return {
    async list() {
      return hostFault(await bridge.invoke('sync.list', { target }));
    },
    async exchange({ device, write, read }) {
      const outcome = hostFault(await bridge.invoke('sync.exchange', { target, device, write, read }));
      if (!outcome.ok) return outcome;
      const byPath = new Map<string, SegmentRef>(read.map((ref) => [ref.path, ref]));
      const files: ReadSegment[] = [];
      for (const file of outcome.value.files) {
        const ref = byPath.get(file.path);
        if (!ref) continue; // the host answered a file nobody asked for: ignore it
        files.push({ ref, result: file.ok ? { ok: true, text: file.text } : { ok: false, fault: file.fault } });
      }
      return { ok: true, value: { written: outcome.value.written, files } };
    },
  };
}
