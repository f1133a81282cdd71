import type { OpEnvelope } from '../../shared/ops/envelope.ts';
import type { SegmentRef } from '../../shared/sync/layout.ts';
import type { DecodedSegment } from '../../shared/sync/segment.ts';

/** A problem in the segment being checked, at a 1-based line. */
export interface Finding {
  line: number;
  reason: string;
}

export interface CheckedSegment {
  ref: SegmentRef;
  file: string;
  decoded: DecodedSegment<OpEnvelope>;
  lines: number;
  lineOf: (op: OpEnvelope) => number;
}

function range(from: number, to: number): string {
  return from === to ? `seq ${from}` : `seq ${from}–${to}`;
}

function nameOf(ref: SegmentRef): string {
  return ref.path.slice(ref.path.lastIndexOf('/') + 1);
}

/**
 * First-seen hash per seq, for the seqs a later segment may still repeat or chain onto: those at
 * or above `floor`. Segments come in order of first seq, so the floor only rises and whatever
 * falls below it is never looked at again; it is swept out whenever the map has doubled since
 * the last sweep, which keeps the cost linear and the size near one segment's worth.
 */
class HeldSeqs {
  private readonly bySeq = new Map<number, { hash: string; file: string }>();
  private floor = 0;
  private sweepAt = 1024;

  raiseFloor(floor: number): void {
    this.floor = Math.max(this.floor, floor);
    if (this.bySeq.size < this.sweepAt) return;
    for (const seq of this.bySeq.keys()) if (seq < this.floor) this.bySeq.delete(seq);
    this.sweepAt = Math.max(1024, 2 * this.bySeq.size);
  }

  get(seq: number): { hash: string; file: string } | undefined {
    return seq < this.floor ? undefined : this.bySeq.get(seq);
  }

  hold(seq: number, hash: string, file: string): void {
    if (seq >= this.floor) this.bySeq.set(seq, { hash, file });
  }
}

/**
 * What a single segment cannot show (decodeSegment judges each file alone): per device, names
 * that leave seqs uncovered or overlap, a file's content beyond its name, forks between files
 * and chains broken across files. Fed each device's segments in order of first seq, it keeps
 * only that device's recent seqs (HeldSeqs), never the ops, so memory stays flat however large
 * the archive.
 */
export class ChainCheck {
  private device: string | null = null;
  /** The device's segment read so far whose name reaches the highest seq. */
  private reach: SegmentRef | null = null;
  private held = new HeldSeqs();
  devices = 0;
  /** Ops accepted, each seq once, with no problem found across files. */
  verified = 0;

  /** A file that could not be read still claims its name's seqs. */
  unreadable(ref: SegmentRef): void {
    this.enter(ref);
    this.reached(ref);
  }

  check(segment: CheckedSegment): Finding[] {
    const { ref, decoded, lineOf } = segment;
    this.enter(ref);
    const findings: Finding[] = [];
    const flagged = new Set(decoded.problems.map((p) => p.line));
    const add = (line: number, reason: string) => {
      findings.push({ line, reason });
      flagged.add(line);
    };
    const ops = [...decoded.ops, ...decoded.pending.map((p) => p.op)].sort((a, b) => a.seq - b.seq);
    const headLine = () => (ops[0] ? lineOf(ops[0]) : 1);

    const reached = this.reach?.last ?? 0;
    if (ref.first > reached + 1) add(headLine(), `gap: ${range(reached + 1, ref.first - 1)} of device ${ref.device} is in no segment`);
    else if (this.reach && ref.first <= reached) add(headLine(), `overlaps ${nameOf(this.reach)}: ${range(ref.first, Math.min(ref.last, reached))} in both (a device never writes a seq twice)`);
    this.held.raiseFloor(ref.first - 1);

    let inRange = 0;
    ops.forEach((op, index) => {
      if (op.seq < ref.first || op.seq > ref.last) {
        // The app's reader keeps such a line (files are judged by content) and names the first; verify names each.
        const line = lineOf(op);
        if (!flagged.has(line)) add(line, `seq ${op.seq} is outside this file's range ${ref.first}–${ref.last}`);
      } else inRange += 1;
      const earlier = this.held.get(op.seq);
      if (earlier) {
        if (earlier.hash !== op.hash) add(lineOf(op), `fork: a different op with seq ${op.seq} is in ${earlier.file} (two installs share this device id?)`);
        return;
      }
      // decodeSegment checks prev between neighbouring lines; the first op of a run chains onto another file.
      const before = ops[index - 1]?.seq === op.seq - 1 ? undefined : this.held.get(op.seq - 1);
      if (before && before.hash !== op.prev) add(lineOf(op), `broken chain: prev does not match the hash of seq ${op.seq - 1} in ${before.file}`);
      else this.verified += 1;
      this.held.hold(op.seq, op.hash, nameOf(ref));
    });
    if (inRange < ref.last - ref.first + 1 && decoded.problems.length === 0 && findings.length === 0) {
      add(segment.lines + 1, `holds ${inRange} of the ${ref.last - ref.first + 1} ops its name promises (${range(ref.first, ref.last)})`);
    }
    this.reached(ref);
    return findings;
  }

  private enter(ref: SegmentRef): void {
    if (ref.device === this.device) return;
    this.device = ref.device;
    this.reach = null;
    this.held = new HeldSeqs();
    this.devices += 1;
  }

  private reached(ref: SegmentRef): void {
    if (!this.reach || ref.last > this.reach.last) this.reach = ref;
  }
}
