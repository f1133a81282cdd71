import { canonicalJson } from '../util/canonicalJson.ts';
import { sha256Hex } from '../util/sha256.ts';
import type { OpEnvelope } from './envelope.ts';

/** docs/sync-format.md: SHA-256 of the RFC 8785 form of the op without its `hash` and `sig` members. */
export function hashOp(op: Omit<OpEnvelope, 'hash'> & { hash?: string }): string {
  const { hash: _hash, sig: _sig, ...body } = op;
  return sha256Hex(canonicalJson(body));
}

export interface ChainProblem {
  opId: string;
  device: string;
  seq: number;
  reason: string;
}

export interface ChainReport {
  verified: number;
  problems: ChainProblem[];
}

/**
 * Check every device's chain: each hash recomputes, each prev names the op before it, seqs are
 * contiguous from 1, and no seq appears twice with different content (a fork: two installs
 * sharing one device id). Ops may come in any order.
 */
export function verifyChains(ops: readonly OpEnvelope[]): ChainReport {
  const problems: ChainProblem[] = [];
  const byDevice = new Map<string, OpEnvelope[]>();
  for (const op of ops) {
    const list = byDevice.get(op.device) ?? [];
    list.push(op);
    byDevice.set(op.device, list);
  }
  let verified = 0;
  for (const [device, list] of byDevice) {
    list.sort((a, b) => a.seq - b.seq);
    let previous: OpEnvelope | undefined;
    for (const op of list) {
      const problem = (reason: string) => problems.push({ opId: op.id, device, seq: op.seq, reason });
      let ok = true;
      const actual = hashOp(op);
      if (actual !== op.hash) {
        problem(`hash mismatch: content hashes to ${actual.slice(0, 12)}…, op says ${op.hash.slice(0, 12)}…`);
        ok = false;
      }
      if (previous && previous.seq === op.seq) {
        if (previous.hash !== op.hash) problem(`fork: two different ops with seq ${op.seq}`);
        continue;
      }
      const expectedSeq = previous ? previous.seq + 1 : 1;
      if (op.seq !== expectedSeq) {
        problem(`gap: expected seq ${expectedSeq}, found ${op.seq}`);
        ok = false;
      } else if (op.seq === 1 ? op.prev !== null : op.prev !== previous?.hash) {
        problem(`broken chain: prev does not match the hash of seq ${op.seq - 1}`);
        ok = false;
      }
      if (ok) verified += 1;
      previous = op;
    }
  }
  return { verified, problems };
}
