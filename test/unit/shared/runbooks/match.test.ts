import { describe, expect, it } from 'vitest';
import { BUILT_IN_RUNBOOKS } from '../../../../shared/runbooks/builtins.ts';
import { P0_P3_SCHEME, P1_P4_SCHEME, type SeverityScheme } from '../../../../shared/domain/severity.ts';
import { builtInInScheme, DISASTER_RECOVERY_RUNBOOK_ID, GENERAL_RUNBOOK_ID, otherRunbooks, runbooksFor } from '../../../../shared/runbooks/match.ts';
import type { Runbook } from '../../../../shared/runbooks/runbook.ts';

const ids = (runbooks: readonly Runbook[]): string[] => runbooks.map((runbook) => runbook.id);

function runbook(id: string, types: Runbook['types'], severities: string[]): Runbook {
  return { id, title: id, types, severities, phases: [{ phase: 'triage', items: [{ id: 'triage-1', text: 'x' }] }] };
}

describe('runbooksFor (built-ins)', () => {
  it('security P0: the security and data-breach runbooks, then the general checklist', () => {
    expect(ids(runbooksFor({ type: 'security', severity: 'P0' }, BUILT_IN_RUNBOOKS))).toEqual(['security-incident', 'data-breach', GENERAL_RUNBOOK_ID]);
  });

  it('security P2: the P0/P1 security runbooks drop out, the general checklist stays', () => {
    expect(ids(runbooksFor({ type: 'security', severity: 'P2' }, BUILT_IN_RUNBOOKS))).toEqual([GENERAL_RUNBOOK_ID]);
  });

  it('data P0: security, breach and database runbooks, most specific first', () => {
    expect(ids(runbooksFor({ type: 'data', severity: 'P0' }, BUILT_IN_RUNBOOKS))).toEqual(['security-incident', 'data-breach', 'database-incident', GENERAL_RUNBOOK_ID]);
  });

  it('application P0: payment failure before the any-severity runbooks; email needs P1–P2', () => {
    expect(ids(runbooksFor({ type: 'application', severity: 'P0' }, BUILT_IN_RUNBOOKS))).toEqual(['payment-processing-failure', 'ai-external-dependency', 'memory-leak', GENERAL_RUNBOOK_ID]);
    expect(ids(runbooksFor({ type: 'application', severity: 'P2' }, BUILT_IN_RUNBOOKS))).toEqual(['email-delivery-failure', 'ai-external-dependency', 'memory-leak', GENERAL_RUNBOOK_ID]);
  });

  it('infrastructure P3: disk full and the general checklist', () => {
    expect(ids(runbooksFor({ type: 'infrastructure', severity: 'P3' }, BUILT_IN_RUNBOOKS))).toEqual(['disk-full', GENERAL_RUNBOOK_ID]);
  });

  it('offers the general checklist for every type and severity, last', () => {
    for (const type of ['availability', 'security', 'performance', 'data', 'infrastructure', 'application'] as const) {
      for (const severity of ['P0', 'P1', 'P2', 'P3', 'SEV9']) {
        expect(ids(runbooksFor({ type, severity }, BUILT_IN_RUNBOOKS)).at(-1)).toBe(GENERAL_RUNBOOK_ID);
      }
    }
  });
});

describe('runbooksFor (rules)', () => {
  const typeOnly = runbook('type-only', ['security'], []);
  const both = runbook('both', ['security', 'data'], ['P0']);
  const severityOnly = runbook('severity-only', [], ['P0', 'P1']);
  const anything = runbook('anything', [], []);
  const other = runbook('other', ['performance'], ['P0']);
  const general = runbook(GENERAL_RUNBOOK_ID, ['availability'], ['P3']);

  it('keeps runbooks whose lists include the incident or are empty, most specific first', () => {
    // Coverage in (type, severity) pairs: both 2×2, type-only 1×8, severity-only 6×2, anything 6×8.
    expect(ids(runbooksFor({ type: 'security', severity: 'P0' }, [anything, typeOnly, other, severityOnly, both]))).toEqual(['both', 'type-only', 'severity-only', 'anything']);
    expect(ids(runbooksFor({ type: 'security', severity: 'P1' }, [anything, typeOnly, both, severityOnly]))).toEqual(['type-only', 'severity-only', 'anything']);
  });

  it('keeps the given order between runbooks of equal coverage', () => {
    const a = runbook('a', ['security'], []);
    const b = runbook('b', ['data'], []);
    expect(ids(runbooksFor({ type: 'security', severity: 'P0' }, [a, typeOnly]))).toEqual(['a', 'type-only']);
    expect(ids(runbooksFor({ type: 'data', severity: 'P0' }, [both, b, severityOnly]))).toEqual(['both', 'b', 'severity-only']);
  });

  it('always includes the general checklist, even when its own filters would not match, and puts it last', () => {
    expect(ids(runbooksFor({ type: 'security', severity: 'P0' }, [general, typeOnly]))).toEqual(['type-only', GENERAL_RUNBOOK_ID]);
  });

  it('offers nothing when nothing matches and there is no general checklist', () => {
    expect(runbooksFor({ type: 'application', severity: 'P2' }, [typeOnly, other])).toEqual([]);
  });
});

describe('otherRunbooks: any runbook can be started on any incident', () => {
  it('a P2 security incident: the security and data-breach runbooks are not offered, but are among the others', () => {
    const incident = { type: 'security' as const, severity: 'P2' };
    const others = ids(otherRunbooks(incident, BUILT_IN_RUNBOOKS));
    expect(others).toContain('security-incident');
    expect(others).toContain('data-breach');
  });

  it('offered and others together are the whole library, each once, for every type and severity', () => {
    for (const type of ['availability', 'security', 'performance', 'data', 'infrastructure', 'application'] as const) {
      for (const severity of ['P0', 'P1', 'P2', 'P3', 'SEV9']) {
        const all = [...ids(runbooksFor({ type, severity }, BUILT_IN_RUNBOOKS)), ...ids(otherRunbooks({ type, severity }, BUILT_IN_RUNBOOKS))];
        expect(all.sort()).toEqual(ids(BUILT_IN_RUNBOOKS).sort());
      }
    }
  });
});

describe('builtInInScheme: built-in severity filters follow the team scheme by rank', () => {
  const library = (scheme: SeverityScheme) => BUILT_IN_RUNBOOKS.map((runbook) => builtInInScheme(runbook, scheme));

  it('under P1–P4, a P2 (High) security incident gets the security runbooks the default scheme gives a P1 one', () => {
    expect(ids(runbooksFor({ type: 'security', severity: 'P2' }, library(P1_P4_SCHEME)))).toEqual(['security-incident', 'data-breach', GENERAL_RUNBOOK_ID]);
    expect(ids(runbooksFor({ type: 'security', severity: 'P1' }, library(P1_P4_SCHEME)))).toEqual(ids(runbooksFor({ type: 'security', severity: 'P0' }, BUILT_IN_RUNBOOKS)));
    expect(ids(runbooksFor({ type: 'security', severity: 'P1' }, library(P1_P4_SCHEME)))).toEqual(['security-incident', 'data-breach', GENERAL_RUNBOOK_ID]);
    expect(builtInInScheme(BUILT_IN_RUNBOOKS.find((r) => r.id === 'email-delivery-failure')!, P1_P4_SCHEME).severities).toEqual(['P2', 'P3']);
  });

  it('under every scheme, each rank matches what the same rank matches in the default scheme', () => {
    const schemes: SeverityScheme[] = [P0_P3_SCHEME, P1_P4_SCHEME, { ...P0_P3_SCHEME, id: 'two', levels: [{ ...P0_P3_SCHEME.levels[0]!, id: 'SEV1' }, { ...P0_P3_SCHEME.levels[1]!, id: 'SEV2' }] }];
    for (const scheme of schemes) {
      scheme.levels.forEach((level, rank) => {
        for (const type of ['security', 'application', 'infrastructure'] as const) {
          // Ranks past a short scheme's end collapse onto its least severe level, as incidents do.
          const defaults = P0_P3_SCHEME.levels.filter((_, r) => Math.min(r, scheme.levels.length - 1) === rank).flatMap((l) => ids(runbooksFor({ type, severity: l.id }, BUILT_IN_RUNBOOKS)));
          expect(ids(runbooksFor({ type, severity: level.id }, library(scheme))).sort()).toEqual([...new Set(defaults)].sort());
        }
      });
    }
  });

  it('leaves the built-ins untouched under the default scheme, and any-severity runbooks alone', () => {
    expect(library(P0_P3_SCHEME)).toEqual(BUILT_IN_RUNBOOKS);
    const general = BUILT_IN_RUNBOOKS.find((r) => r.id === GENERAL_RUNBOOK_ID)!;
    expect(builtInInScheme(general, P1_P4_SCHEME)).toBe(general);
  });
});

describe('runbooksFor: the disaster-recovery checklist', () => {
  it('is offered only once a disaster is declared, and stays startable from the other runbooks before', () => {
    const incident = { type: 'availability', severity: 'P0' } as const;
    expect(ids(runbooksFor(incident, BUILT_IN_RUNBOOKS))).not.toContain(DISASTER_RECOVERY_RUNBOOK_ID);
    expect(ids(otherRunbooks(incident, BUILT_IN_RUNBOOKS))).toContain(DISASTER_RECOVERY_RUNBOOK_ID);
    const declared = { ...incident, disasterDeclaredAt: '2026-03-01T10:00:00.000Z' };
    expect(ids(runbooksFor(declared, BUILT_IN_RUNBOOKS))).toContain(DISASTER_RECOVERY_RUNBOOK_ID);
  });
});
