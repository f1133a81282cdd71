import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_SCHEMES,
  P0_P3_SCHEME,
  P1_P4_SCHEME,
  SeverityId,
  SeverityLevelConfig,
  SeverityScheme,
  levelOf,
  levelOrLeast,
  levelTargets,
  mapSeverity,
  severityRank,
  validateSeverityScheme,
} from '../../../../shared/domain/severity.ts';

/** A deep copy to break, so the built-in scheme is never mutated. */
const copy = (): SeverityScheme => structuredClone(P0_P3_SCHEME);

function problemsOf(input: unknown): string[] {
  const result = validateSeverityScheme(input);
  if (result.ok) throw new Error('expected the scheme to be refused');
  return result.problems;
}

describe('built-in schemes', () => {
  it.each(BUILT_IN_SCHEMES.map((s) => [s.id, s] as const))('%s validates', (_id, scheme) => {
    expect(SeverityScheme.parse(scheme)).toEqual(scheme);
    expect(validateSeverityScheme(scheme)).toEqual({ ok: true, scheme });
  });

  it('P0–P3 carries the numbers of Plans B/C/D in docs/response-plans.md', () => {
    const numbers = P0_P3_SCHEME.levels.map((l) => [l.id, l.name, l.responseTargetMinutes, l.updateCadenceMinutes, l.escalation.map((s) => `T+${s.afterMinutes} ${s.notify}`)]);
    expect(numbers).toEqual([
      ['P0', 'Critical', 15, 15, ['T+15 Team lead', 'T+30 Engineering manager', 'T+60 CTO']],
      ['P1', 'High', 60, 30, ['T+30 Technical lead', 'T+60 CTO']],
      ['P2', 'Medium', 240, 60, ['T+30 Team lead', 'T+60 Technical lead']],
      ['P3', 'Low', 1440, null, ['T+30 Team lead']],
    ]);
  });

  it('P1–P4 carries the numbers of Plan A §3.1 and §5.1', () => {
    const numbers = P1_P4_SCHEME.levels.map((l) => [l.id, l.name, l.responseTargetMinutes, l.updateCadenceMinutes]);
    expect(numbers).toEqual([
      ['P1', 'Critical', 15, 30],
      ['P2', 'High', 30, 60],
      ['P3', 'Medium', 240, null],
      ['P4', 'Low', 1440, null],
    ]);
  });

  it('resolution targets (Plan B) and post-mortem deadlines (Plans B and A) per level, in both schemes', () => {
    const targets = (scheme: SeverityScheme) => scheme.levels.map((l) => [l.id, l.resolutionTargetMinutes, l.postmortemDueHours]);
    expect(targets(P0_P3_SCHEME)).toEqual([
      ['P0', 15, 24],
      ['P1', 60, 120],
      ['P2', 240, 120],
      ['P3', 10080, null],
    ]);
    expect(targets(P1_P4_SCHEME)).toEqual([
      ['P1', 15, 120],
      ['P2', 60, 120],
      ['P3', 240, null],
      ['P4', 10080, null],
    ]);
  });

  /** WCAG relative luminance and contrast ratio. */
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string): number => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };

  it('every colour reads (≥ 3:1) on the light and dark backgrounds, and black or white text reads on it (≥ 4.5:1)', () => {
    for (const level of BUILT_IN_SCHEMES.flatMap((s) => s.levels)) {
      for (const background of ['#ffffff', '#f6f8fa', '#0f1419', '#1a2129']) {
        expect(contrast(level.colour, background), `${level.id} ${level.colour} on ${background}`).toBeGreaterThanOrEqual(3);
      }
      expect(Math.max(contrast(level.colour, '#000000'), contrast(level.colour, '#ffffff'))).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('malformed schemes name the level and the field', () => {
  it('duplicate id', () => {
    const scheme = copy();
    scheme.levels[2]!.id = 'P1';
    const problems = problemsOf(scheme);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Level P1: id is used twice \(levels\[1\] and levels\[2\]\)/);
    expect(SeverityScheme.safeParse(scheme).error?.issues[0]?.path).toEqual(['levels', 2, 'id']);
  });

  it('bad colour', () => {
    const scheme = copy();
    scheme.levels[1]!.colour = 'orange';
    expect(problemsOf(scheme)).toEqual(['Level P1: colour must be #rrggbb, such as #e03131 (got "orange")']);
  });

  it('non-ascending escalation', () => {
    const scheme = copy();
    scheme.levels[0]!.escalation = [
      { afterMinutes: 30, notify: 'Team lead' },
      { afterMinutes: 30, notify: 'CTO' },
    ];
    const problems = problemsOf(scheme);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Level P0: escalation\[1\]\.afterMinutes must be later than escalation\[0\]/);
  });

  it('one level only', () => {
    const scheme = copy();
    scheme.levels = scheme.levels.slice(0, 1);
    expect(problemsOf(scheme)).toEqual(['Scheme p0-p3: levels must number 2–8, most severe first (has 1: P0)']);
  });

  it('negative response target', () => {
    const scheme = copy();
    scheme.levels[3]!.responseTargetMinutes = -5;
    expect(problemsOf(scheme)).toEqual(['Level P3: responseTargetMinutes must be a whole number of minutes, at least 1 (got -5)']);
  });

  it('a bad id, a zero cadence and an empty escalation step are all reported at once', () => {
    const scheme = copy();
    scheme.levels[0]!.id = 'p0';
    scheme.levels[1]!.updateCadenceMinutes = 0;
    scheme.levels[2]!.escalation[0]!.notify = ' ';
    expect(problemsOf(scheme)).toEqual([
      'Level p0: id must be 1–8 capital letters or digits, such as P0 (got "p0")',
      'Level P1: updateCadenceMinutes must be a whole number of minutes, at least 1, or null for no fixed cadence (got 0)',
      'Level P2: escalation[0].notify must name who is brought in',
    ]);
  });

  it('a wrong type gets the level and field from its path; an unknown key is refused', () => {
    const scheme = copy() as unknown as { levels: Record<string, unknown>[] };
    scheme.levels[1]!.responseTargetMinutes = '60';
    expect(problemsOf(scheme)).toEqual([expect.stringMatching(/^Level P1 responseTargetMinutes: Invalid input/)]);
    const american = copy() as unknown as { levels: Record<string, unknown>[] };
    american.levels[0]!.color = '#ff0000';
    expect(problemsOf(american)[0]).toMatch(/^Level P0: Unrecognized key: "color"/);
  });

  it('a bad resolution target or post-mortem deadline names the level and field; null means none', () => {
    const scheme = copy();
    scheme.levels[0]!.resolutionTargetMinutes = 0;
    scheme.levels[1]!.postmortemDueHours = 2.5;
    scheme.levels[2]!.resolutionTargetMinutes = null;
    scheme.levels[2]!.postmortemDueHours = null;
    expect(problemsOf(scheme)).toEqual([
      'Level P0: resolutionTargetMinutes must be a whole number of minutes, at least 1, or null for no target (got 0)',
      'Level P1: postmortemDueHours must be a whole number of hours, at least 1, or null when no post-mortem is required (got 2.5)',
    ]);
    const typed = copy() as unknown as { levels: Record<string, unknown>[] };
    typed.levels[3]!.postmortemDueHours = '24';
    expect(problemsOf(typed)).toEqual([expect.stringMatching(/^Level P3 postmortemDueHours: Invalid input/)]);
  });

  it('a scheme saved before the targets existed still reads, and takes them from the plans by rank', () => {
    const old = (scheme: SeverityScheme, id = scheme.id) => ({ ...scheme, id, levels: scheme.levels.map(({ resolutionTargetMinutes: _r, postmortemDueHours: _p, ...rest }) => rest) });
    const saved = validateSeverityScheme(old(P1_P4_SCHEME));
    if (!saved.ok) throw new Error(saved.problems.join('; '));
    expect(saved.scheme.levels.map((l) => l.id).map((id) => levelTargets(id, saved.scheme))).toEqual(
      P1_P4_SCHEME.levels.map((l) => ({ resolutionTargetMinutes: l.resolutionTargetMinutes, postmortemDueHours: l.postmortemDueHours })),
    );
    // A team's own scheme: the default scheme's numbers at the same rank, the last level's below it.
    const own = old({ ...P0_P3_SCHEME, levels: [...P0_P3_SCHEME.levels, { ...P0_P3_SCHEME.levels[3]!, id: 'P4' }] }, 'ours');
    expect(levelTargets('P0', own as SeverityScheme)).toEqual({ resolutionTargetMinutes: 15, postmortemDueHours: 24 });
    expect(levelTargets('P4', own as SeverityScheme)).toEqual({ resolutionTargetMinutes: 10080, postmortemDueHours: null });
    // Set values win, null included.
    const set = { ...P0_P3_SCHEME, levels: P0_P3_SCHEME.levels.map((l) => ({ ...l, resolutionTargetMinutes: null, postmortemDueHours: 48 })) };
    expect(levelTargets('P0', set)).toEqual({ resolutionTargetMinutes: null, postmortemDueHours: 48 });
  });

  it('a single level validates on its own with the same messages', () => {
    const level = { ...P0_P3_SCHEME.levels[0]!, colour: '#fff' };
    expect(SeverityLevelConfig.safeParse(level).error?.issues.map((i) => i.message)).toEqual(['Level P0: colour must be #rrggbb, such as #e03131 (got "#fff")']);
  });
});

describe('rank, lookup and mapping', () => {
  it('ranks most severe first, unknown ids last', () => {
    expect(['P0', 'P1', 'P2', 'P3', 'SEV1'].map((id) => severityRank(id, P0_P3_SCHEME))).toEqual([0, 1, 2, 3, 4]);
    expect(levelOf('P2', P0_P3_SCHEME)?.name).toBe('Medium');
    expect(levelOf('P4', P0_P3_SCHEME)).toBeUndefined();
  });

  it('every level of P0–P3 maps to the same rank in P1–P4 and back', () => {
    for (const level of P0_P3_SCHEME.levels) {
      const mapped = mapSeverity(level.id, P0_P3_SCHEME, P1_P4_SCHEME);
      expect(severityRank(mapped, P1_P4_SCHEME)).toBe(severityRank(level.id, P0_P3_SCHEME));
      expect(mapSeverity(mapped, P1_P4_SCHEME, P0_P3_SCHEME)).toBe(level.id);
    }
    expect(mapSeverity('P0', P0_P3_SCHEME, P1_P4_SCHEME)).toBe('P1');
    expect(mapSeverity('P3', P0_P3_SCHEME, P1_P4_SCHEME)).toBe('P4');
    expect(mapSeverity('P1', P1_P4_SCHEME, P0_P3_SCHEME)).toBe('P0');
  });

  it('maps an unknown id to the least severe level, and collapses extra ranks onto it', () => {
    expect(mapSeverity('SEV1', P0_P3_SCHEME, P1_P4_SCHEME)).toBe('P4');
    const twoLevels: SeverityScheme = { id: 'two', name: 'Two', levels: P0_P3_SCHEME.levels.slice(0, 2) };
    expect(['P0', 'P1', 'P2', 'P3'].map((id) => mapSeverity(id, P0_P3_SCHEME, twoLevels))).toEqual(['P0', 'P1', 'P1', 'P1']);
  });

  it('treats an unknown id as the least severe level where a level is needed', () => {
    expect(levelOrLeast('P1', P0_P3_SCHEME).name).toBe('High');
    expect(levelOrLeast('SEV1', P0_P3_SCHEME).id).toBe('P3');
  });

  it('one id rule for incidents, runbooks and scheme levels', () => {
    expect(['P0', 'SEV12', '1'].map((id) => SeverityId.safeParse(id).success)).toEqual([true, true, true]);
    expect(['p0', '', 'P0-HIGH', 'ABCDEFGHI'].map((id) => SeverityId.safeParse(id).success)).toEqual([false, false, false, false]);
    const level = { ...P0_P3_SCHEME.levels[0]!, id: 'p0' };
    expect(SeverityLevelConfig.safeParse(level).success).toBe(false);
  });
});

describe('built-in schemes are frozen', () => {
  it('refuses a change in place (copy first)', () => {
    expect(() => {
      (P0_P3_SCHEME.levels[0] as { name: string }).name = 'Oops';
    }).toThrow(TypeError);
    expect(Object.isFrozen(P1_P4_SCHEME.levels[0]!.escalation[0])).toBe(true);
  });
});
