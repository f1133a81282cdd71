import { z } from 'zod';
import { DeviceId } from '../ops/ids.ts';
import { PublicKeyHex } from '../ops/signature.ts';

/**
 * Names on a sync target (docs/sync-format.md#layout). Paths are relative to the target root and always
 * use `/`; transports join them onto the folder or the clone.
 */
export const FORMAT_PATH = 'warroom/format.json';
export const FORMAT_VERSION = 1;
export const FormatFile = z.object({ format: z.literal('warroom-sync'), version: z.number().int().min(1) }).loose();
export type FormatFile = z.infer<typeof FormatFile>;

/** Present only on an encrypted target: how every device derives the team key (docs/sync-format.md#encrypted-targets). */
export const ENCRYPTION_PATH = 'warroom/encryption.json';

export const DEVICES_DIR = 'warroom/v1/devices';
export const OPS_DIR = 'warroom/v1/ops';

export const DeviceInfo = z
  .object({
    device: DeviceId,
    name: z.string().trim().min(1).max(100),
    createdAt: z.iso.datetime({ offset: false }),
    app: z.string().max(100),
    /** The device's Ed25519 public key (docs/sync-format.md#signatures); absent from devices older than signing. */
    key: PublicKeyHex.optional(),
    /** The first seq it signed: earlier ops were written before it had a key. */
    signedFrom: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .loose();
export type DeviceInfo = z.infer<typeof DeviceInfo>;

export function deviceInfoPath(device: string): string {
  return `${DEVICES_DIR}/${device}.json`;
}

export function opsFolderPath(device: string): string {
  return `${OPS_DIR}/${device}`;
}

const SEQ_DIGITS = 12;
/** `<first>-<last>.jsonl`, plus `.enc` on an encrypted target; anything else (e.g. *.tmp) is not a segment. */
const SEGMENT_NAME = /^(\d{12})-(\d{12})\.jsonl(\.enc)?$/;

export interface SegmentRef {
  device: string;
  first: number;
  last: number;
  encrypted: boolean;
  /** Relative to the target root, e.g. `warroom/v1/ops/<device>/000000000001-000000000040.jsonl`. */
  path: string;
}

export function segmentFileName(first: number, last: number, encrypted: boolean): string {
  return `${String(first).padStart(SEQ_DIGITS, '0')}-${String(last).padStart(SEQ_DIGITS, '0')}.jsonl${encrypted ? '.enc' : ''}`;
}

export function segmentPath(device: string, first: number, last: number, encrypted: boolean): string {
  return `${opsFolderPath(device)}/${segmentFileName(first, last, encrypted)}`;
}

/** A segment file name → its range, or null for anything a reader must ignore. */
export function parseSegmentName(device: string, name: string): SegmentRef | null {
  const match = SEGMENT_NAME.exec(name);
  if (!match || !DeviceId.safeParse(device).success) return null;
  const first = Number(match[1]);
  const last = Number(match[2]);
  if (first < 1 || last < first) return null;
  return { device, first, last, encrypted: match[3] !== undefined, path: `${opsFolderPath(device)}/${name}` };
}

/** A file the listing left out because it cannot be trusted (a link, a FIFO…): reported, never read. */
export interface ListingProblem {
  file: string;
  reason: string;
}

/** What a transport found on a target: every device's segments, sorted by first seq. */
export interface TargetListing {
  format: FormatFile;
  /** The target seals its segments (`.jsonl.enc`): a round names the files it reads back accordingly. */
  encrypted?: boolean;
  /** Parsed devices/<id>.json files (names for the UI); a bad one is reported, not fatal. */
  devices: DeviceInfo[];
  segments: SegmentRef[];
  /** Files and device folders refused (docs/sync-format.md#links-special-files-and-size-caps); absent when none. */
  problems?: ListingProblem[];
}
