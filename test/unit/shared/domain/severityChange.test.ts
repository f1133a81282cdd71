import { describe, expect, it } from 'vitest';
import { P0_P3_SCHEME, P1_P4_SCHEME } from '../../../../shared/domain/severity.ts';
import { schemeSwitch, severityMove } from '../../../../shared/domain/severityChange.ts';
import { createOp, type OpIntent } from '../../../../shared/entities/index.ts';
import { freshDeviceState } from '../../../../shared/ops/createOp.ts';

const T = Date.UTC(2026, 10, 23, 8, 0, 0);

function context() {
  let n = 0;
  return { actor: 'Ana', at: T, newEntryId: () => `ent-${String((n += 1)).padStart(8, '0')}` };
}

const line = (incident: string, entry: string, text: string) => ({
  actor: 'Ana',
  incident,
  kind: 'entry.add',
  data: { entry, fields: { text, kind: 'decision', eventAt: new Date(T).toISOString(), pinned: false, tags: ['severity'] } },
});

describe('severity changes as op intents', () => {
  it('a move is the new severity and its timeline line; no move, no intents', () => {
    expect(severityMove({ id: 'inc-aaaaaa', severity: 'P2' }, 'P0', context())).toEqual([
      { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.set', data: { fields: { severity: 'P0' } } },
      line('inc-aaaaaa', 'ent-00000001', 'Severity: P2 → P0'),
    ]);
    expect(severityMove({ id: 'inc-aaaaaa', severity: 'P2' }, 'P2', context())).toEqual([]);
  });

  it('a scheme switch is one list: the scheme, then each incident the new scheme lacks moved by rank', () => {
    const incidents = [
      { id: 'inc-p0', severity: 'P0' },
      { id: 'inc-p2', severity: 'P2' },
      { id: 'inc-p3', severity: 'P3' },
      { id: 'inc-odd', severity: 'SEV1' },
    ];
    expect(schemeSwitch(P0_P3_SCHEME, P1_P4_SCHEME, incidents, context())).toEqual([
      { actor: 'Ana', incident: null, kind: 'settings.severity-scheme', data: { scheme: P1_P4_SCHEME } },
      { actor: 'Ana', incident: 'inc-p0', kind: 'incident.set', data: { fields: { severity: 'P1' } } },
      line('inc-p0', 'ent-00000001', 'Severity: P0 → P1'),
      // P2 and P3 exist in P1–P4 too: they keep their ids (and so their names there).
      { actor: 'Ana', incident: 'inc-odd', kind: 'incident.set', data: { fields: { severity: 'P4' } } },
      line('inc-odd', 'ent-00000002', 'Severity: SEV1 → P4'),
    ]);
  });

  it('every intent is a valid op, so the one commit cannot fail half-way on a schema', () => {
    const intents: OpIntent[] = schemeSwitch(P1_P4_SCHEME, P0_P3_SCHEME, [{ id: 'inc-aaaaaa', severity: 'P4' }], context());
    let state = freshDeviceState('0123456789abcdef');
    for (const intent of intents) state = createOp(state, intent, T).state;
    expect(state.seq).toBe(3);
  });

  it('switching to an edit of the same scheme moves nobody', () => {
    const renamed = { ...P0_P3_SCHEME, levels: P0_P3_SCHEME.levels.map((l) => ({ ...l, name: `${l.name}!` })) };
    expect(schemeSwitch(P0_P3_SCHEME, renamed, [{ id: 'inc-p1', severity: 'P1' }], context())).toEqual([
      { actor: 'Ana', incident: null, kind: 'settings.severity-scheme', data: { scheme: renamed } },
    ]);
  });
});
