import { join } from 'node:path';
import { ChainCheck } from './chainCheck.ts';
import { eachSegment, openTarget, strayReason } from './readArchive.ts';

/**
 * `warroom verify <target>`: every line, every file's name against its content and every
 * device's chain, streamed one segment at a time. Prints `file:line: reason` per problem (line 0:
 * the file as a whole) and a summary; returns 0 when there is none, 1 when there is. An archive
 * that cannot be judged throws ArchiveError (exit 2). Signatures are checked against the keys the
 * device files name; ops of a device that names none are listed as unverified after the summary.
 */
export async function verify(target: string, out: (line: string) => void, passphrase?: string): Promise<number> {
  const opened = await openTarget(target, passphrase);
  let problems = 0;
  let pending = 0;
  const report = (file: string, line: number, reason: string) => {
    problems += 1;
    out(`${file}:${line}: ${reason}`);
  };
  const stray = strayReason(opened.archive.key !== null);
  for (const ref of opened.strays) report(join(opened.root, ref.path), 0, stray);
  for (const { file, reason } of opened.refused) report(join(opened.root, file), 0, reason);
  const chains = new ChainCheck();
  const unverified = new Map<string, number>();
  for await (const segment of eachSegment(opened)) {
    if ('error' in segment) {
      chains.unreadable(segment.ref);
      report(segment.file, 0, segment.error);
      continue;
    }
    pending += segment.decoded.pending.length;
    if (segment.decoded.unverified > 0) unverified.set(segment.ref.device, (unverified.get(segment.ref.device) ?? 0) + segment.decoded.unverified);
    const found = [...segment.decoded.problems, ...chains.check(segment)];
    for (const { line, reason } of found.sort((a, b) => a.line - b.line)) report(segment.file, line, reason);
  }
  out(`${chains.verified} ops verified from ${chains.devices} device(s) in ${opened.segments.length} segment(s); ${pending} pending (newer app); ${problems} problem(s)`);
  // Not a problem (a device older than signing has no key), but nothing proves who wrote these.
  for (const [device, count] of unverified) out(`unverified: ${count} op(s) of device ${device}, whose device file names no signing key`);
  return problems === 0 ? 0 : 1;
}
