import { describe, expect, it } from 'vitest';
import { rtoClock, rtoText } from '../../../../shared/board/disasterClock.ts';
import { at, incident, iso } from '../../support/incidentFields.ts';

const MIN = 60_000;
const declared = { disasterDeclaredAt: iso(30), disasterApprovedBy: 'Dana (CTO)', disasterRtoMinutes: 60, disasterRpoMinutes: 5 };
const clock = (fields: Parameters<typeof incident>[0], minute: number) => rtoClock({ incident: incident(fields), now: at(minute) });

describe('rtoClock', () => {
  it('is null until a disaster is declared', () => {
    expect(clock({}, 10)).toBeNull();
  });

  it('counts the RTO from the declaration, not from the incident start', () => {
    expect(clock(declared, 40)).toEqual({ state: 'running', rtoMinutes: 60, rpoMinutes: 5, deadlineAt: at(90), msLeft: 50 * MIN, met: null });
  });

  it('read before the declaration (a lagging tick), shows the full RTO, never more', () => {
    expect(clock(declared, 29)).toMatchObject({ state: 'running', msLeft: 60 * MIN });
  });

  it('turns due-soon with less than 10 min left, overdue after the deadline (exactly at it is still due-soon)', () => {
    expect(clock(declared, 80)?.state).toBe('running');
    expect(clock(declared, 81)?.state).toBe('due-soon');
    expect(clock(declared, 90)).toMatchObject({ state: 'due-soon', msLeft: 0 });
    expect(clock(declared, 95)).toMatchObject({ state: 'overdue', msLeft: -5 * MIN });
  });

  it('stops at the restoration: met within the RTO, missed after it', () => {
    expect(clock({ ...declared, disasterRestoredAt: iso(85) }, 200)).toMatchObject({ state: 'restored', met: true, msLeft: null });
    expect(clock({ ...declared, disasterRestoredAt: iso(91) }, 200)).toMatchObject({ state: 'restored', met: false });
  });

  it('stops when stood down; the earlier of restoration and stand-down decides', () => {
    expect(clock({ ...declared, disasterStoodDownAt: iso(45) }, 200)).toMatchObject({ state: 'stood-down', met: null, msLeft: null });
    expect(clock({ ...declared, disasterStoodDownAt: iso(45), disasterRestoredAt: iso(100) }, 200)?.state).toBe('stood-down');
    expect(clock({ ...declared, disasterStoodDownAt: iso(100), disasterRestoredAt: iso(70) }, 200)).toMatchObject({ state: 'restored', met: true });
  });
});

describe('rtoText', () => {
  it('reads the clock in words, overdue without a minus sign', () => {
    const text = (fields: Parameters<typeof incident>[0], minute: number) => rtoText(rtoClock({ incident: incident(fields), now: at(minute) })!);
    expect(text(declared, 48)).toBe('Disaster · RTO 42 min left · RPO 5 min');
    expect(text(declared, 93)).toBe('Disaster · RTO 3 min overdue · RPO 5 min');
    expect(text({ ...declared, disasterRestoredAt: iso(70) }, 93)).toBe('Disaster · restored within the RTO');
    expect(text({ ...declared, disasterStoodDownAt: iso(70) }, 93)).toBe('Disaster · stood down');
  });
});
