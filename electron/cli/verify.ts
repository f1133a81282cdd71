import { verifyChains } from '../../shared/ops/chain.ts';
import { readArchive } from './readArchive.ts';

/** `warroom verify <target>`: every line and every chain of an archive; exit 1 on any problem. */
export async function verify(target: string, out: (line: string) => void, passphrase?: string): Promise<number> {
  const archive = await readArchive(target, passphrase);
  if (!archive) {
    out(`${target}: no War Room archive here (expected warroom/v1/ops/) — unreachable or not set up, nothing was judged`);
    return 2;
  }
  const chains = verifyChains(archive.ops);
  const devices = new Set(archive.ops.map((op) => op.device)).size;
  for (const problem of archive.problems) out(`${problem.file}:${problem.line}: ${problem.reason}`);
  for (const problem of chains.problems) out(`op ${problem.opId}: ${problem.reason}`);
  out(`${chains.verified} ops verified from ${devices} device(s) in ${archive.segments} segment(s); ${archive.pending} pending (newer app); ${archive.problems.length + chains.problems.length} problem(s)`);
  return archive.problems.length + chains.problems.length === 0 ? 0 : 1;
}
