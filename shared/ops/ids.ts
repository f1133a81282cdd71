import { z } from 'zod';

/** A device id: 16 lowercase hex characters, random, chosen once per install (docs/sync-format.md). */
export const DeviceId = z.string().regex(/^[0-9a-f]{16}$/, 'a device id is 16 lowercase hex characters');

/** Ids of records created by ops (incidents, entries): random, collision-free across devices. */
export const RecordId = z.string().regex(/^[0-9a-z][0-9a-z-]{5,63}$/, 'an id is 6–64 characters of a–z, 0–9, -');

/** Who made a change, as shown to everyone (trimmed, so every reader hashes the same bytes). */
export const Actor = z.string().trim().min(1).max(100);

/** ISO-8601 UTC with milliseconds, the only timestamp form stored in ops. */
export const IsoTime = z.iso.datetime({ offset: false, precision: 3 });

/** `randomBytes` is the platform's CSPRNG, passed in so shared/ stays free of DOM and Node. */
export function randomHex(byteCount: number, randomBytes: (n: number) => Uint8Array): string {
  return Array.from(randomBytes(byteCount), (b) => b.toString(16).padStart(2, '0')).join('');
}
