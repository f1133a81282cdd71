import { describe, expect, it } from 'vitest';
import { getExercise, getIncident, listEntries } from '../../../../../renderer/db/queries.ts';
import { boardRows } from '../../../../../renderer/features/board/boardRows.ts';
import { dueReminders } from '../../../../../renderer/features/board/useReminders.ts';
import { endExercise, pressClock, startExercise } from '../../../../../renderer/features/exercises/exerciseActions.ts';
import { P0_P3_SCHEME } from '../../../../../shared/domain/severity.ts';
import { defaultCommsPlan } from '../../../../../shared/comms/commsPlan.ts';

const PLAN = defaultCommsPlan(P0_P3_SCHEME);
import { BUILT_IN_SCENARIOS } from '../../../../../shared/exercises/builtins.ts';
import { freshDb } from '../../../support/freshDb.ts';

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const at = (minutes: number) => T0 + minutes * 60_000;
const POOL = BUILT_IN_SCENARIOS.find((s) => s.id === 'db-connection-pool-exhausted')!;

describe('ending an exercise', () => {
  it('closes its incident in the same commit: it leaves the Open board, its clocks and reminders stop, nothing else is stamped', async () => {
    const db = freshDb('exercise-end');
    const id = await startExercise(db, POOL, 'Fay', T0);
    await pressClock(db, id, 'start', 1, 0, 'Fay', at(0));
    const running = (await getIncident(db, id))!;
    // Two hours in, a P1 drill owes an update and has escalated: it is on the board and reminds.
    expect(boardRows([running], P0_P3_SCHEME, PLAN, 'open', 'Fay', at(120)).map((row) => row.incident.id)).toEqual([id]);
    expect(dueReminders([running], P0_P3_SCHEME, PLAN, at(120))).not.toEqual([]);

    await endExercise(db, running, 1, 120, 'Fay', at(120));
    const ended = (await getIncident(db, id))!;
    expect(ended).toMatchObject({ status: 'closed', closedAt: new Date(at(120)).toISOString(), acknowledgedAt: null, mitigatedAt: null, resolvedAt: null });
    expect((await getExercise(db, id))?.endedAt).toBe(at(120));
    expect(boardRows([ended], P0_P3_SCHEME, PLAN, 'open', 'Fay', at(240))).toEqual([]);
    const [row] = boardRows([ended], P0_P3_SCHEME, PLAN, 'exercises', 'Fay', at(240));
    expect(row).toMatchObject({ update: { state: 'closed' }, escalation: { next: null }, overdue: false });
    expect(dueReminders([ended], P0_P3_SCHEME, PLAN, at(240))).toEqual([]);
    expect((await listEntries(db, id)).map((e) => e.text).slice(-2)).toEqual(['Exercise ended at T+120', 'Status: Investigating → Closed (the exercise ended)']);
  });
});
