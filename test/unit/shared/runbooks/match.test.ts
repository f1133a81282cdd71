import { describe, expect, it } from 'vitest';
import { BUILT_IN_RUNBOOKS } from '../../../../shared/runbooks/builtins.ts';
import { GENERAL_RUNBOOK_ID, runbooksFor } from '../../../../shared/runbooks/match.ts';
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
