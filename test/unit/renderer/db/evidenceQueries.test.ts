import { describe, expect, it } from 'vitest';
import { applyRemoteOps } from '../../../../renderer/db/applyRemote.ts';
import { listEvidence } from '../../../../renderer/db/evidenceQueries.ts';
import { Device } from '../../support/device.ts';
import { freshDb } from '../../support/freshDb.ts';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const INC = 'inc-aaaaaa';
const at = (minutes: number) => new Date(T + minutes * 60_000).toISOString();

describe('listEvidence', () => {
  it('a peer’s hand-over for an item not recorded here lists nothing and is counted as waiting; its record completes it', async () => {
    const db = freshDb('evidence');
    const peer = new Device('bbbbbbbbbbbbbbbb', INC);
    const recorder = new Device('aaaaaaaaaaaaaaaa', INC);
    const orphan = peer.make({ actor: 'Ben', kind: 'evidence.handover', data: { evidence: 'evi-000009', handover: 'hnd-000001', from: 'Ana', to: 'Ben', at: at(5), reason: 'imaging', storedAt: null } }, T + 5 * 60_000);
    await applyRemoteOps(db, [orphan], () => T);
    expect(await listEvidence(db, INC)).toEqual({ items: [], waiting: 1 });

    const record = recorder.make(
      {
        actor: 'Ana',
        kind: 'evidence.record',
        data: { evidence: 'evi-000009', description: 'Disk image', collectedBy: 'Ana', collectedAt: at(0), storedAt: 'Safe 1', artefact: { name: 'sda.img', size: 10, sha256: 'd'.repeat(64) } },
      },
      T,
    );
    await applyRemoteOps(db, [record], () => T);
    const { items, waiting } = await listEvidence(db, INC);
    expect(waiting).toBe(0);
    expect(items.map((item) => [item.description, item.holder, item.handovers.length])).toEqual([['Disk image', 'Ben', 1]]);
  });
});
