import { DeviceInfo, deviceInfoPath, FORMAT_VERSION, OPS_DIR, parseSegmentName, segmentPath, type SegmentRef, type TargetListing } from '../../../shared/sync/layout.ts';
import type { Outcome, ReadSegment, TargetPort } from '../../../shared/sync/ports.ts';
import type { SyncFault } from '../../../shared/sync/wire.ts';

/** How other devices come to see a file: its name from `visibleAt`, all of it from `completeAt`. */
export interface Delivery {
  visibleAt: number;
  completeAt: number;
  /** Characters shown between visibleAt and completeAt (a shared drive still copying). */
  cut: number;
}

interface StoredFile extends Delivery {
  text: string;
  writer: string | null;
}

const OFFLINE: SyncFault = { code: 'unreachable', message: 'The sync folder is not reachable (offline).' };

/**
 * The shared side of an in-memory target: one Map<path, text> that every device's
 * MemoryTarget looks at, with a logical clock so files can appear late or half-copied.
 */
export class MemoryArchive {
  readonly files = new Map<string, StoredFile>();
  time = 0;
  offline = false;
  /** Decides how a newly written segment reaches the other devices; default: at once. */
  delivery: (path: string, text: string) => Delivery = () => ({ visibleAt: this.time, completeAt: this.time, cut: 0 });

  /** A file put there by someone else (a broken tool, a half-synced drive): everyone sees it now. */
  inject(path: string, text: string): void {
    this.files.set(path, { text, writer: null, visibleAt: this.time, completeAt: this.time, cut: text.length });
  }

  /**
   * Files a transport refuses to read (a symlink, a FIFO, a device: the host reports each by
   * path and reads nothing), with the reason it gives.
   */
  readonly refused = new Map<string, string>();
  /** Changes one device's clone holds that never reach the others (a hand-made foreign commit, set aside). */
  readonly localEdits = new Map<string, Map<string, string>>();

  /** What `viewer` sees at `path` now: nothing, part of it, or all of it. */
  view(path: string, viewer: string): string | null {
    const edited = this.localEdits.get(viewer)?.get(path);
    if (edited !== undefined) return edited;
    const file = this.files.get(path);
    if (!file) return null;
    if (file.writer === viewer || this.time >= file.completeAt) return file.text;
    return this.time >= file.visibleAt ? file.text.slice(0, file.cut) : null;
  }

  /** Let every file arrive everywhere (the end of a simulation). */
  settle(): void {
    for (const file of this.files.values()) file.visibleAt = file.completeAt = Math.min(file.completeAt, this.time);
  }

  port(viewer: string): MemoryTarget {
    return new MemoryTarget(this, viewer);
  }
}

/** TargetPort over a MemoryArchive, as seen from one device. */
export class MemoryTarget implements TargetPort {
  offline = false;
  /** Return every file read twice (a transport or a drive delivering twice). */
  duplicateReads = false;
  /** List every segment twice. */
  duplicateListing = false;
  /** Fail the next exchange (after list succeeded): a target lost mid-round. */
  failNextExchange: SyncFault | null = null;
  readonly log: { listed: number; written: string[]; read: string[] } = { listed: 0, written: [], read: [] };

  constructor(
    readonly archive: MemoryArchive,
    readonly viewer: string,
  ) {}

  private reachable(): boolean {
    return !this.offline && !this.archive.offline;
  }

  async list(): Promise<Outcome<TargetListing>> {
    if (!this.reachable()) return { ok: false, fault: OFFLINE };
    this.log.listed += 1;
    const segments: SegmentRef[] = [];
    const devices: DeviceInfo[] = [];
    for (const path of this.archive.files.keys()) {
      const text = this.archive.view(path, this.viewer);
      if (text === null) continue;
      const parts = path.split('/');
      if (path.startsWith(`${OPS_DIR}/`) && parts.length === 5) {
        const ref = parseSegmentName(parts[3]!, parts[4]!);
        if (ref) segments.push(...(this.duplicateListing ? [ref, ref] : [ref]));
      } else if (path.endsWith('.json') && parts[2] === 'devices') {
        const info = DeviceInfo.safeParse(JSON.parse(text));
        if (info.success) devices.push(info.data);
      }
    }
    segments.sort((a, b) => a.first - b.first);
    return { ok: true, value: { format: { format: 'warroom-sync', version: FORMAT_VERSION }, devices, segments } };
  }

  async exchange(request: Parameters<TargetPort['exchange']>[0]): Promise<Outcome<{ written: string[]; files: ReadSegment[] }>> {
    if (!this.reachable()) return { ok: false, fault: OFFLINE };
    if (this.failNextExchange) {
      const fault = this.failNextExchange;
      this.failNextExchange = null;
      return { ok: false, fault };
    }
    const written: string[] = [];
    for (const { first, last, text } of request.write) {
      const path = segmentPath(this.viewer, first, last, false);
      // A segment, once in place, never changes (docs/sync-format.md): planning an existing name is a bug.
      if (this.archive.files.has(path)) return { ok: false, fault: { code: 'write-failed', message: `${path} already exists`, file: path } };
      this.archive.files.set(path, { text, writer: this.viewer, ...this.archive.delivery(path, text) });
      written.push(path);
    }
    const infoPath = deviceInfoPath(this.viewer);
    this.archive.files.set(infoPath, { text: JSON.stringify(request.device), writer: this.viewer, visibleAt: this.archive.time, completeAt: this.archive.time, cut: 0 });
    written.push(infoPath);
    this.log.written.push(...written);
    const files: ReadSegment[] = [];
    for (const ref of request.read) {
      const refusal = this.archive.refused.get(ref.path);
      if (refusal !== undefined) {
        files.push({ ref, result: { ok: false, fault: { code: 'damaged', message: refusal, file: ref.path } } });
        this.log.read.push(ref.path);
        continue;
      }
      const text = this.archive.view(ref.path, this.viewer);
      const file: ReadSegment = { ref, result: text === null ? { ok: false, fault: { code: 'unreachable', message: 'the file is gone', file: ref.path } } : { ok: true, text } };
      files.push(...(this.duplicateReads ? [file, file] : [file]));
      this.log.read.push(ref.path);
    }
    return { ok: true, value: { written, files } };
  }
}
