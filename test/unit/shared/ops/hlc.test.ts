import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockOrigins, farAheadOf, formatHlc, parseHlc, receive, tick, type HlcState } from '../../../../shared/ops/hlc.ts';

const DEVICE = '0123456789abcdef';
const T = Date.UTC(2026, 10, 23, 8, 7, 37, 123);
const DAY = 86_400_000;

describe('hybrid logical clock', () => {
  it('formats as docs/sync-format.md shows and parses back', () => {
    const text = formatHlc({ wall: T, counter: 0, device: DEVICE });
    expect(text).toBe('2026-11-23T08:07:37.123Z-0000-0123456789abcdef');
    expect(parseHlc(text)).toEqual({ wall: T, counter: 0, device: DEVICE });
    expect(parseHlc('2026-13-40T08:07:37.123Z-0000-0123456789abcdef')).toBeNull();
    expect(parseHlc('garbage')).toBeNull();
  });

  it('ticks forward even when the wall clock goes backwards', () => {
    let state: HlcState = { wall: 0, counter: 0 };
    state = tick(state, T);
    expect(state).toEqual({ wall: T, counter: 0 });
    state = tick(state, T - 5_000);
    expect(state).toEqual({ wall: T, counter: 1 });
    state = tick(state, T + 1);
    expect(state).toEqual({ wall: T + 1, counter: 0 });
  });

  it('borrows a millisecond when the counter would overflow', () => {
    expect(tick({ wall: T, counter: 0xffff }, T)).toEqual({ wall: T + 1, counter: 0 });
  });

  it('after receiving a remote stamp, the next local stamp sorts after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: -DAY, max: DAY }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: -DAY, max: DAY }), (localSkew, remoteCounter, remoteSkew) => {
        const local = tick({ wall: 0, counter: 0 }, T + localSkew);
        const remote = { wall: T + remoteSkew, counter: remoteCounter };
        const merged = receive(local, remote, T + localSkew, 7 * DAY);
        const next = tick(merged, T + localSkew);
        const after = (a: HlcState, b: HlcState) => a.wall > b.wall || (a.wall === b.wall && a.counter > b.counter);
        expect(after(next, remote), `${JSON.stringify(next)} should follow ${JSON.stringify(remote)}`).toBe(true);
        expect(after(next, local)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never moves backwards and ignores stamps beyond the allowed drift', () => {
    const local = { wall: T, counter: 3 };
    expect(receive(local, { wall: T - DAY, counter: 9 }, T - DAY, DAY)).toEqual({ wall: T, counter: 4 });
    expect(receive(local, { wall: T + 30 * DAY, counter: 0 }, T, DAY)).toEqual(local);
  });

  it('a stamp is far ahead only beyond now + the drift allowed, whatever its counter and device', () => {
    const farAhead = farAheadOf(T, DAY);
    const at = (wall: number, counter = 0, device = DEVICE) => formatHlc({ wall, counter, device });
    expect(farAhead(at(T + DAY, 0xffff, 'ffffffffffffffff'))).toBe(false);
    expect(farAhead(at(T + DAY + 1))).toBe(true);
    expect(farAhead(at(T - 30 * DAY, 0xffff))).toBe(false);
    expect(farAhead('9999-12-31T23:59:59.999Z-0000-0000000000000000')).toBe(true);
    // The same answer as parsing, over every kind of stamp.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31) }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: Date.UTC(9000, 0, 1) }), (wall, counter, now) => {
        expect(farAheadOf(now, DAY)(at(wall, counter))).toBe(wall > now + DAY);
      }),
    );
  });

  it('the originator of a time is the device whose counter-0 stamp has that wall time, not the devices that relayed it', () => {
    const FAST = 'aaaaaaaaaaaaaaaa';
    const RELAY = 'cccccccccccccccc';
    const RELAY2 = 'dddddddddddddddd';
    const ahead = T + 20 * 3_600_000;
    // FAST's clock reads `ahead`: two ops in that millisecond. RELAY receives the second, then makes two of its own.
    const fast = [tick({ wall: 0, counter: 0 }, ahead)];
    fast.push(tick(fast[0]!, ahead));
    let relay = receive({ wall: T, counter: 0 }, fast[1]!, T, DAY);
    relay = tick(relay, T + 5);
    const relayOps = [relay, tick(relay, T + 9)];
    // RELAY2 relays RELAY's time in turn.
    const relay2 = tick(receive({ wall: T, counter: 0 }, relayOps[1]!, T, DAY), T);
    const stamp = (state: HlcState, device: string) => formatHlc({ ...state, device });
    const all = [...fast.map((s) => stamp(s, FAST)), ...relayOps.map((s) => stamp(s, RELAY)), stamp(relay2, RELAY2)];
    expect(relayOps.every((s) => s.wall === ahead && s.counter > 0)).toBe(true);
    const origins = clockOrigins(all);
    expect(all.map((hlc) => origins.get(hlc))).toEqual([FAST, FAST, FAST, FAST, FAST]);
    // Without FAST's ops known here, nobody is blamed for the time: the relays only carried it.
    const relayedOnly = clockOrigins(all.slice(2));
    expect([...relayedOnly.values()]).toEqual([null, null, null]);
    // A laptop's own reading is its own, whatever else is known.
    const other = stamp({ wall: ahead + 1, counter: 0 }, RELAY2);
    expect(clockOrigins([...all, other]).get(other)).toBe(RELAY2);
  });
});
