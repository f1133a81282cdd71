import { resolve } from 'node:path';
import { deviceInfoPath } from '../../shared/sync/layout.ts';
import { decodeSegment } from '../../shared/entities/index.ts';
import { declaredTrust } from '../../shared/sync/trust.ts';
import type { TargetConfig } from '../../shared/sync/wire.ts';
import { listArchive, openArchive, readSegments, type Archive } from '../host/transports/archive.ts';
import { seal } from '../host/transports/crypto.ts';
import { FaultError } from '../host/transports/faults.ts';
import { readOptional, writeNew, writeReplace } from '../host/transports/files.ts';

/**
 * `warroom sync <from> <to>`: a headless machine bridging two folder targets (a USB stick and a
 * network share, say). Every segment of `from` that `to` lacks is checked line by line and, only
 * if whole and valid, copied under the same name — written new, never over anything. Segments are
 * immutable, so copying is all a relay needs to do; each laptop then reads them as usual.
 */
export async function relay(from: string, to: string, passphrase: string | undefined, out: (line: string) => void): Promise<number> {
  const config = (path: string): TargetConfig => ({ kind: 'folder', path: resolve(path), ...(passphrase ? { encryption: { passphrase } } : {}) });
  let source: Archive;
  let target: Archive;
  try {
    source = await openArchive(resolve(from), config(from));
    target = await openArchive(resolve(to), config(to));
  } catch (error) {
    if (error instanceof FaultError) {
      out(`warroom sync: ${error.fault.message}${error.fault.file ? ` (${error.fault.file})` : ''}`);
      return 2;
    }
    throw error;
  }
  const [have, want] = await Promise.all([listArchive(target), listArchive(source)]);
  const present = new Set(have.segments.map((s) => `${s.device}/${s.first}-${s.last}`));
  const missing = want.segments.filter((s) => !present.has(`${s.device}/${s.first}-${s.last}`));
  // The key `to` already names wins: a segment signed with another is refused, never copied.
  const trust = new Map([...declaredTrust(want.devices), ...declaredTrust(have.devices)]);
  let copied = 0;
  let refused = 0;
  for (const file of await readSegments(source, missing)) {
    if (!file.result.ok) {
      out(`skipped ${file.ref.path}: ${file.result.fault.message}`);
      refused += 1;
      continue;
    }
    const decoded = decodeSegment(file.result.text, file.ref, trust.get(file.ref.device) ?? null);
    if (!decoded.complete) {
      for (const problem of decoded.problems) out(`skipped ${problem.file}:${problem.line}: ${problem.reason}`);
      refused += 1;
      continue;
    }
    const path = file.ref.path.replace(/\.jsonl(\.enc)?$/, target.key ? '.jsonl.enc' : '.jsonl');
    const plain = Buffer.from(file.result.text, 'utf8');
    const result = await writeNew(target.root, path, target.key ? seal(target.key, path, plain) : plain, () => true);
    if (result === 'written') copied += 1;
  }
  // Device files only name devices; copy those the other side lacks, never replace one.
  for (const device of want.devices) {
    const rel = deviceInfoPath(device.device);
    if (!(await readOptional(target.root, rel))) await writeReplace(target.root, rel, Buffer.from(`${JSON.stringify(device, null, 2)}\n`, 'utf8'));
  }
  out(`${copied} segment(s) copied from ${from} to ${to}; ${refused} refused; ${want.segments.length - missing.length} already there`);
  return refused === 0 ? 0 : 1;
}
