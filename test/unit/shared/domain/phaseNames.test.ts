import { describe, expect, it } from 'vitest';
import { DEFAULT_PHASE_NAMES, phaseName } from '../../../../shared/domain/phaseNames.ts';
import { createOp, parseOp, foldOps } from '../../../../shared/entities/index.ts';
import { freshDeviceState } from '../../../../shared/ops/createOp.ts';
import { currentValue } from '../../../../shared/state/register.ts';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);

describe('phase names (a synced team setting)', () => {
  it('the last rename wins on every laptop, whatever order the ops arrive in', () => {
    const a = createOp(freshDeviceState('aaaaaaaaaaaaaaaa'), { actor: 'Ana', incident: null, kind: 'settings.phase-names', data: { names: { ...DEFAULT_PHASE_NAMES, eradication: 'Clean-up' } } }, T);
    const b = createOp(freshDeviceState('bbbbbbbbbbbbbbbb'), { actor: 'Ben', incident: null, kind: 'settings.phase-names', data: { names: { ...DEFAULT_PHASE_NAMES, eradication: 'Root-out' } } }, T + 1000);
    for (const order of [
      [a.op, b.op],
      [b.op, a.op, a.op],
    ]) {
      const doc = foldOps(order).get('settings:phase-names');
      expect(doc?.table === 'settings' && doc.key === 'phase-names' ? currentValue(doc.value)?.eradication : null).toBe('Root-out');
    }
  });

  it('a blank or over-long name is refused; a missing phase too', () => {
    const base = freshDeviceState('cccccccccccccccc');
    expect(() => createOp(base, { actor: 'Ana', incident: null, kind: 'settings.phase-names', data: { names: { ...DEFAULT_PHASE_NAMES, triage: '  ' } } }, T)).toThrow(/a phase needs a name/);
    expect(() => createOp(base, { actor: 'Ana', incident: null, kind: 'settings.phase-names', data: { names: { ...DEFAULT_PHASE_NAMES, triage: 'x'.repeat(41) } } }, T)).toThrow(/at most 40/);
    const { triage: _dropped, ...partial } = DEFAULT_PHASE_NAMES;
    const made = createOp(base, { actor: 'Ana', incident: null, kind: 'settings.phase-names', data: { names: DEFAULT_PHASE_NAMES } }, T);
    expect(parseOp({ ...made.op, data: { names: partial } }).status).toBe('invalid');
  });

  it('phaseName falls back to the plans’ names', () => {
    expect(phaseName('post-incident')).toBe('Post-incident');
    expect(phaseName('eradication', { ...DEFAULT_PHASE_NAMES, eradication: 'Clean-up' })).toBe('Clean-up');
  });
});
