import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc, receive, tick, type HlcState } from '../../../../shared/ops/hlc.ts';

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
});
