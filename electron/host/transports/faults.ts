import type { Outcome } from '../../../shared/sync/ports.ts';
import type { SyncFault } from '../../../shared/sync/wire.ts';

/**
 * Faults travel as exceptions inside the host (one `throw` instead of an Outcome check after
 * every step) and become data at the edge (`outcomeOf`), so the renderer can log them and carry on.
 */
export class FaultError extends Error {
  constructor(readonly fault: SyncFault) {
    super(fault.message);
    this.name = 'FaultError';
  }
}

export function fault(code: SyncFault['code'], message: string, file?: string): SyncFault {
  return file === undefined ? { code, message } : { code, message, file };
}

export function fail(code: SyncFault['code'], message: string, file?: string): never {
  throw new FaultError(fault(code, message, file));
}

export function errnoOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Network shares and unplugged drives surface as these rather than ENOENT. */
const GONE = new Set(['ENOENT', 'ENOTDIR', 'ENODEV', 'ENXIO', 'ESTALE', 'ENOTCONN', 'EHOSTDOWN', 'EHOSTUNREACH', 'ETIMEDOUT', 'ENETDOWN', 'ENETUNREACH']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);
const FULL = new Set(['ENOSPC', 'EDQUOT']);

/**
 * A file-system error → a fault in plain words. `file` is relative to the target root; Node's own
 * message is left out because it carries absolute paths and errno jargon.
 */
export function ioFault(error: unknown, action: 'read' | 'write', file?: string): SyncFault {
  const code = errnoOf(error) ?? 'unknown error';
  const what = file ?? 'the target folder';
  if (GONE.has(code)) {
    return fault('unreachable', `${what} could not be ${action === 'read' ? 'read' : 'written'}: the folder is not there (${code}) — is the drive or share mounted?`, file);
  }
  if (action === 'read') {
    return fault('unreachable', `${what} could not be read (${code}).`, file);
  }
  if (READ_ONLY.has(code)) {
    return fault('read-only', `The target is read-only for this laptop: ${what} could not be written (${code === 'EROFS' ? 'the drive is mounted read-only' : 'permission denied'}).`, file);
  }
  if (FULL.has(code)) {
    return fault('disk-full', `The target is full: ${what} could not be written (${code === 'EDQUOT' ? 'disk quota exceeded' : 'no space left on the drive'}).`, file);
  }
  return fault('write-failed', `${what} could not be written (${code}).`, file);
}

/** Run a file-system step, turning its errno error into a fault about `file`. */
export async function guard<T>(action: 'read' | 'write', file: string | undefined, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof FaultError) throw error;
    throw new FaultError(ioFault(error, action, file));
  }
}

/** The edge: a thrown fault becomes an Outcome; anything unexpected still comes back as data. */
export async function outcomeOf<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof FaultError) return { ok: false, fault: error.fault };
    if (errnoOf(error) !== undefined) return { ok: false, fault: ioFault(error, 'read') };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, fault: fault('host', `Sync stopped on an unexpected error: ${message.slice(0, 500)}`) };
  }
}
