import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../../shared/ops/hlc.ts';
import { attributeOrigins, groupByOrigin, type FarAhead } from '../../../../shared/sync/farAhead.ts';

const T = Date.UTC(2026, 10, 24, 4, 0, 0);
const FAST = 'aaaaaaaaaaaaaaaa';
const RELAY = 'cccccccccccccccc';
const OTHER_RELAY = 'dddddddddddddddd';
const names = new Map([
  [FAST, 'Ana’s laptop'],
  [RELAY, 'Carla’s laptop'],
]);

function entry(device: string, seq: number, wall: number, counter: number): FarAhead {
  return { opId: `${device}-${seq}`, hlc: formatHlc({ wall, counter, device }), device: { id: device, name: names.get(device) ?? null }, origin: null };
}

describe('far-ahead ops', () => {
  it('are attributed to the device whose clock read their time, with its name from the device files', () => {
    const entries = [entry(RELAY, 7, T, 2), entry(FAST, 3, T, 0), entry(OTHER_RELAY, 1, T + 10, 1)];
    const attributed = attributeOrigins(entries, names);
    expect(attributed.map((e) => e.origin)).toEqual([{ id: FAST, name: 'Ana’s laptop' }, { id: FAST, name: 'Ana’s laptop' }, null]);
  });

  it('are grouped per wrong clock, relays listed; an unknown origin makes one group per relaying device', () => {
    const entries = attributeOrigins([entry(RELAY, 7, T, 2), entry(FAST, 3, T, 0), entry(FAST, 4, T + 5, 0), entry(RELAY, 8, T + 5, 1), entry(OTHER_RELAY, 1, T + 10, 1)], names);
    const groups = groupByOrigin(entries);
    expect(groups.map((g) => [g.origin?.id ?? null, g.relayedBy.map((d) => d.id), g.entries.map((e) => e.opId)])).toEqual([
      [FAST, [RELAY], [`${FAST}-3`, `${RELAY}-7`, `${FAST}-4`, `${RELAY}-8`]],
      [null, [OTHER_RELAY], [`${OTHER_RELAY}-1`]],
    ]);
  });
});
