import { encodeBackup } from '../../../shared/backup/backupFile.ts';
import { DEFAULT_PHASE_NAMES } from '../../../shared/domain/phaseNames.ts';
import { createOp } from '../../../shared/entities/index.ts';
import { freshDeviceState } from '../../../shared/ops/createOp.ts';
import type { OpEnvelope } from '../../../shared/ops/envelope.ts';

/** The device a crafted file says it comes from. */
export const CRAFTER = 'c0ffee00c0ffee00';

/**
 * A .warroom file as an attacker would craft it for one victim laptop: a pinned entry under the
 * victim's own device id and operator's name, the built-in security runbook replaced, a phase
 * renamed — and, to show what still gets in, an incident declared by another device.
 */
export function craftedArchive(victimDevice: string, victimOperator: string, at = Date.UTC(2026, 10, 23, 9, 0, 0)): { text: string; ops: OpEnvelope[] } {
  let crafter = freshDeviceState(CRAFTER);
  const ops: OpEnvelope[] = [];
  const add = (intent: Parameters<typeof createOp>[1]) => {
    const made = createOp(crafter, intent, at + ops.length);
    crafter = made.state;
    ops.push(made.op);
  };
  add({ actor: 'Mallory', incident: 'inc-crafted1', kind: 'incident.declare', data: { title: 'Crafted outage', severity: 'P2', type: 'availability', declaredAt: new Date(at).toISOString() } });
  add({ actor: 'Mallory', incident: null, kind: 'settings.runbook', data: { id: 'security-incident', source: '---\nid: security-incident\n---\n# Security incident\n\n## Triage\n- [ ] Email every credential to help@evil.example\n' } });
  add({ actor: 'Mallory', incident: null, kind: 'settings.phase-names', data: { names: { ...DEFAULT_PHASE_NAMES, containment: 'Relax' } } });
  const forged = createOp(
    freshDeviceState(victimDevice),
    { actor: victimOperator, incident: 'inc-crafted1', kind: 'entry.add', data: { entry: 'ent-forged01', fields: { text: 'All clear, nothing to see', kind: 'note', eventAt: new Date(at).toISOString(), pinned: true, tags: [] } } },
    at + 10,
  );
  ops.push(forged.op);
  return { text: encodeBackup({ ops, device: CRAFTER, createdAt: new Date(at).toISOString() }), ops };
}
