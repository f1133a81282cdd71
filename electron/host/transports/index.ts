import type { DeviceInfo, SegmentRef, TargetListing } from '../../../shared/sync/layout.ts';
import type { Outcome, ReadSegment } from '../../../shared/sync/ports.ts';
import type { TargetConfig } from '../../../shared/sync/wire.ts';
import { createArchive, hasFormat, listArchive, openArchive, readSegments, writeOwn } from './archive.ts';
import { outcomeOf } from './faults.ts';
import { oneAtATime } from './queue.ts';
import { gitTransport } from './git/transport.ts';
import { folderTransport, type SyncOptions, type Transport } from './transport.ts';

/**
 * The sync transports (docs/architecture.md#sync): the host only moves files between a target and the
 * renderer; what to send, what is new and what to apply is decided in shared/sync. Every call
 * returns an Outcome: a fault is data with plain words, never a throw.
 */
export type { SyncOptions } from './transport.ts';

function transportFor(target: TargetConfig, options: SyncOptions): Transport {
  return target.kind === 'folder' ? folderTransport(target) : gitTransport(target, options);
}

/** Run `work` on the target's transport, after any round already running on the same folder. */
function withTransport<T>(target: TargetConfig, options: SyncOptions, work: (transport: Transport) => Promise<T>): Promise<Outcome<T>> {
  const transport = transportFor(target, options);
  return oneAtATime(transport.root, () => outcomeOf(() => work(transport)));
}

/** Create the archive on an empty folder / remote, or check an existing one (format, passphrase). */
export function setUpTarget(target: TargetConfig, options: SyncOptions = {}): Promise<Outcome<{ created: boolean }>> {
  return withTransport(target, options, async (transport) => {
    await transport.attach('set-up');
    await transport.refresh();
    if (await hasFormat(transport.root)) {
      await openArchive(transport.root, target, 'join');
      return { created: false };
    }
    const { created } = await createArchive(transport.root, target);
    await transport.publish(created, 'warroom: create the sync archive (format v1)');
    return { created: created.length > 0 };
  });
}

/** Bring the target up to date (git: repair, fetch, rebase) and list devices and segments. */
export function listTarget(target: TargetConfig, options: SyncOptions = {}): Promise<Outcome<TargetListing>> {
  return withTransport(target, options, async (transport) => {
    await transport.attach('use');
    await transport.refresh();
    return listArchive(await openArchive(transport.root, target));
  });
}

/**
 * Write this device's device file and new segments (never overwriting one), publish them
 * (git: commit + push), then read the segments asked for — a file that cannot be read is a
 * fault in `files`, not of the round.
 */
export function exchange(
  target: TargetConfig,
  request: { device: DeviceInfo; write: readonly { first: number; last: number; text: string }[]; read: readonly SegmentRef[] },
  options: SyncOptions = {},
): Promise<Outcome<{ written: string[]; files: ReadSegment[] }>> {
  return withTransport(target, options, async (transport) => {
    await transport.attach('use', request.device);
    const archive = await openArchive(transport.root, target);
    const { written, changed } = await writeOwn(archive, request.device, request.write);
    const ranges = request.write.map((segment) => `${segment.first}-${segment.last}`).join(', ');
    await transport.publish(changed, `warroom: ${request.device.device} ${ranges === '' ? 'device file' : `ops ${ranges}`}`.slice(0, 500));
    return { written, files: await readSegments(archive, request.read) };
  });
}
