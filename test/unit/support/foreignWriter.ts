import { createHash } from 'node:crypto';
import type { OpEnvelope } from '../../../shared/ops/envelope.ts';
import { canonicalJson } from '../../../shared/util/canonicalJson.ts';

/**
 * Ops as another program implementing docs/sync-format.md writes them: every member set by
 * hand, nothing normalized, hashed with Node's own SHA-256 over the RFC 8785 form without
 * `hash`. None of War Room's op code (createOp, hashOp, the schemas) is involved.
 */
export const FOREIGN = 'f0f0f0f0f0f0f0f0';
export const FOREIGN_INCIDENT = 'inc-foreign01';
const T = Date.UTC(2026, 10, 23, 9, 0, 0);

export interface ForeignSpec {
  actor: string;
  incident?: string | null;
  kind: string;
  data: Record<string, unknown>;
  /** Envelope version; 1 unless a newer writer is simulated. */
  v?: number;
  /** Envelope members beyond the eleven of v1 (a newer writer's). */
  extra?: Record<string, unknown>;
}

/** SHA-256 of the canonical op without `hash`, as the format defines it. */
export function sealed(body: Record<string, unknown>): OpEnvelope {
  const { hash: _old, ...rest } = body;
  return { ...rest, hash: createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex') } as OpEnvelope;
}

/** One device's chain, seq 1.., each op hashed and chained by hand. */
export function foreignChain(specs: readonly ForeignSpec[], device = FOREIGN): OpEnvelope[] {
  const out: OpEnvelope[] = [];
  for (const [index, spec] of specs.entries()) {
    const seq = index + 1;
    out.push(
      sealed({
        v: spec.v ?? 1,
        id: `${device}-${seq}`,
        device,
        seq,
        hlc: `${new Date(T + seq * 1000).toISOString()}-0000-${device}`,
        actor: spec.actor,
        incident: spec.incident === undefined ? FOREIGN_INCIDENT : spec.incident,
        kind: spec.kind,
        data: spec.data,
        prev: out.at(-1)?.hash ?? null,
        ...spec.extra,
      }),
    );
  }
  return out;
}

/** An honest writer that does not trim: "Ana " declares an incident and adds an entry tagged "db ". */
export const UNTRIMMED: ForeignSpec[] = [
  { actor: 'Ana ', kind: 'incident.declare', data: { title: 'Checkout errors', severity: 'P1', type: 'application', declaredAt: new Date(T).toISOString() } },
  {
    actor: 'Ana ',
    kind: 'entry.add',
    data: { entry: 'ent-foreign01', fields: { text: 'Failover started', kind: 'event', eventAt: new Date(T).toISOString(), pinned: false, tags: ['db ', 'failover'] } },
  },
];

/** A newer War Room: envelope v 2 around a known kind, and a v1 envelope with a member this app does not know. */
export const NEWER: ForeignSpec[] = [
  { actor: 'Ben', kind: 'incident.set', data: { fields: { status: 'monitoring' } }, v: 2 },
  { actor: 'Ben', kind: 'incident.assign', data: { role: 'scribe', person: 'Cleo' }, extra: { signature: 'ed25519:abc' } },
];
