import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { noChange } from '../../../../renderer/db/changes.ts';
import { commit } from '../../../../renderer/db/commit.ts';
import { WarRoomDb } from '../../../../renderer/db/database.ts';
import { relayChangesAcrossWindows } from '../../../../renderer/db/windowRelay.ts';
import { TimelineModel } from '../../../../renderer/features/timeline/timelineModel.ts';

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Two windows of one profile: two connections to one database, each with its relay on a real BroadcastChannel. */
function twoWindows(name: string) {
  const laptop = new WarRoomDb(name);
  const projector = new WarRoomDb(name);
  const stops = [relayChangesAcrossWindows(laptop), relayChangesAcrossWindows(projector)];
  cleanups.push(() => stops.forEach((stop) => stop()), () => laptop.delete());
  return { laptop, projector };
}

function until(check: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 5000;
    const tick = () => (check() ? resolve() : Date.now() > deadline ? reject(new Error('timed out')) : setTimeout(tick, 10));
    tick();
  });
}

describe('changes relayed across windows', () => {
  it("an entry committed in one window shows in the other window's timeline, once", async () => {
    const { laptop, projector } = twoWindows(`relay-${process.pid}`);
    await commit(laptop, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.declare', data: { title: 'DB down', severity: 'P1', type: 'data', declaredAt: new Date(T0).toISOString() } });
    const model = new TimelineModel(projector, 'inc-aaaaaa');
    await until(() => model.loaded);
    await commit(laptop, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'entry.add', data: { entry: 'ent-000001', fields: { text: 'Failover started', kind: 'note', eventAt: new Date(T0 + 60_000).toISOString(), pinned: false, tags: [] } } });
    await until(() => model.getSnapshot().entries.length === 1);
    expect(model.getSnapshot().entries.map((e) => e.text)).toEqual(['Failover started']);

    // And back: the projector's own commit reaches a timeline held by the laptop.
    const back = new TimelineModel(laptop, 'inc-aaaaaa');
    await until(() => back.loaded);
    await commit(projector, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'entry.add', data: { entry: 'ent-000002', fields: { text: 'Replica promoted', kind: 'note', eventAt: new Date(T0 + 120_000).toISOString(), pinned: false, tags: [] } } });
    await until(() => back.getSnapshot().entries.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(back.getSnapshot().entries.map((e) => e.text)).toEqual(['Failover started', 'Replica promoted']);
    expect(model.getSnapshot().entries.map((e) => e.text)).toEqual(['Failover started', 'Replica promoted']);
  });

  it('a message that is not a change is ignored; a change is heard', async () => {
    const { projector } = twoWindows(`relay-junk-${process.pid}`);
    let heard = 0;
    const stop = projector.changes.onCommitted(() => (heard += 1));
    const intruder = new BroadcastChannel(`warroom:changes:${projector.name}`);
    for (const junk of [null, 'x', { entries: 'no' }, {}, { ...noChange(), actions: undefined }]) intruder.postMessage(junk);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toBe(0);
    intruder.postMessage({ ...noChange(), entries: [{ key: 'inc-zzzzzz/ent-000001', incident: 'inc-zzzzzz', order: '', doc: {}, view: null }] });
    await until(() => heard === 1);
    intruder.close();
    stop();
  });
});
