import { db, renderApp, renderDisplay } from './benchApp.ts';
import { useUi } from '../../../renderer/app/store.ts';
import { applyRemoteOps } from '../../../renderer/db/applyRemote.ts';
import { setOperator } from '../../../renderer/db/queries.ts';
import { INCIDENT_TYPES } from '../../../shared/domain/incident.ts';
import { createOp, type Op } from '../../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../../shared/ops/createOp.ts';

/** `incidents` open incidents sharing `entries` timeline entries, as if synced from another laptop. */
export async function seedBoard(incidents: number, entries: number): Promise<{ seedMs: number }> {
  const start = performance.now();
  await setOperator(db, 'Bench Commander');
  let state: DeviceState = freshDeviceState('beefbeefbeefbeef');
  const t0 = Date.now() - 3 * 3_600_000;
  let batch: Op[] = [];
  const push = async (op: Op) => {
    batch.push(op);
    if (batch.length >= 5000) {
      await applyRemoteOps(db, batch);
      batch = [];
    }
  };
  for (let i = 0; i < incidents; i += 1) {
    const made = createOp(state, { actor: 'Remote IC', incident: `inc-board${String(i).padStart(5, '0')}`, kind: 'incident.declare', data: { title: `Incident ${i}`, severity: `P${i % 4}`, type: INCIDENT_TYPES[i % INCIDENT_TYPES.length]!, declaredAt: new Date(t0 + i * 1000).toISOString() } }, t0 + i);
    state = made.state;
    await push(made.op);
  }
  for (let i = 0; i < entries; i += 1) {
    const incident = `inc-board${String(i % incidents).padStart(5, '0')}`;
    const made = createOp(state, { actor: 'Remote scribe', incident, kind: 'entry.add', data: { entry: `ent-bb${String(i).padStart(9, '0')}`, fields: { text: `entry ${i} on ${incident}`, kind: 'note', eventAt: new Date(t0 + i * 50).toISOString(), pinned: false, tags: [] } } }, t0 + incidents + i);
    state = made.state;
    await push(made.op);
  }
  if (batch.length) await applyRemoteOps(db, batch);
  return { seedMs: performance.now() - start };
}

export async function seedOperatorOnly(): Promise<void> {
  await setOperator(db, 'Bench Commander');
}

export function mountBoard(): void {
  useUi.getState().navigate({ name: 'incidents' });
  renderApp();
}

export function mountDisplayBoard(): void {
  useUi.getState().navigate({ name: 'incidents' });
  renderDisplay();
}
