import { describe, expect, it } from 'vitest';
import { PHASES } from '../../../../shared/domain/incident.ts';
import { BUILT_IN_RUNBOOKS, BUILT_IN_RUNBOOK_SOURCES } from '../../../../shared/runbooks/builtins.ts';
import { GENERAL_RUNBOOK_ID } from '../../../../shared/runbooks/match.ts';
import { parseRunbook } from '../../../../shared/runbooks/parse.ts';
import { Runbook } from '../../../../shared/runbooks/runbook.ts';
import { serializeRunbook } from '../../../../shared/runbooks/serialize.ts';

const byId = (id: string): Runbook => {
  const runbook = BUILT_IN_RUNBOOKS.find((candidate) => candidate.id === id);
  if (!runbook) throw new Error(`no built-in runbook ${id}`);
  return runbook;
};
const texts = (runbook: Runbook): string => runbook.phases.flatMap((phase) => phase.items.map((item) => `${item.text} ${item.note ?? ''}`)).join('\n');

describe('built-in runbooks', () => {
  it('are the eleven the response plans call for, with unique ids', () => {
    expect(BUILT_IN_RUNBOOKS.map((runbook) => runbook.id)).toEqual([
      GENERAL_RUNBOOK_ID,
      'ai-external-dependency',
      'database-incident',
      'security-incident',
      'db-connection-pool-exhausted',
      'memory-leak',
      'disk-full',
      'payment-processing-failure',
      'email-delivery-failure',
      'data-breach',
      'disaster-recovery',
    ]);
    expect(BUILT_IN_RUNBOOK_SOURCES).toHaveLength(BUILT_IN_RUNBOOKS.length);
  });

  describe.each(BUILT_IN_RUNBOOK_SOURCES.map((source, index) => ({ source, id: BUILT_IN_RUNBOOKS[index]?.id ?? '?' })))('$id', ({ source }) => {
    it('parses and validates against the Runbook schema', () => {
      const result = parseRunbook(source);
      expect(result.ok ? [] : result.errors).toEqual([]);
      if (result.ok) expect(Runbook.parse(result.runbook)).toStrictEqual(result.runbook);
    });

    it('round-trips: parse → serialize → parse is identical, and serialize is a fixed point', () => {
      const first = parseRunbook(source);
      if (!first.ok) throw new Error('does not parse');
      const markdown = serializeRunbook(first.runbook);
      const second = parseRunbook(markdown);
      if (!second.ok) throw new Error(`serialized form does not parse: ${JSON.stringify(second.errors)}`);
      expect(second.runbook).toStrictEqual(first.runbook);
      expect(serializeRunbook(second.runbook)).toBe(markdown);
    });

    it('is written in canonical form, exactly as the app would write it', () => {
      const result = parseRunbook(source);
      if (!result.ok) throw new Error('does not parse');
      expect(serializeRunbook(result.runbook)).toBe(source);
    });
  });

  it('are frozen: a run snapshots them, nobody edits them in place', () => {
    const general = byId(GENERAL_RUNBOOK_ID);
    expect(Object.isFrozen(general)).toBe(true);
    expect(Object.isFrozen(general.phases[0]?.items[0])).toBe(true);
  });

  it('the general checklist applies to everything and covers detection through post-mortem', () => {
    const general = byId(GENERAL_RUNBOOK_ID);
    expect(general.types).toEqual([]);
    expect(general.severities).toEqual([]);
    expect(general.phases.map((phase) => phase.phase)).toEqual([...PHASES]);
  });

  it('the security runbook covers containment, evidence, credential rotation and the 72 h regulator notice', () => {
    const security = byId('security-incident');
    expect(security.types).toEqual(['security', 'data']);
    expect(security.severities).toEqual(['P0', 'P1']);
    const all = texts(security);
    expect(all).toMatch(/Isolate affected systems/);
    expect(all).toMatch(/Preserve evidence/);
    expect(all).toMatch(/Rotate all potentially compromised credentials/);
    expect(all).toMatch(/regulatory authority within 72 hours of discovery/);
    expect(security.phases.find((phase) => phase.phase === 'containment')?.items.some((item) => item.role === 'security-lead')).toBe(true);
  });

  it('the scenario runbooks carry the plan steps (Plan B in docs/response-plans.md Common Incident Scenarios)', () => {
    expect(texts(byId('db-connection-pool-exhausted'))).toMatch(/Kill long-running queries/);
    expect(texts(byId('memory-leak'))).toMatch(/heap dump/);
    expect(texts(byId('disk-full'))).toMatch(/No space left on device/);
    expect(texts(byId('payment-processing-failure'))).toMatch(/queue payments for retry/);
    expect(texts(byId('email-delivery-failure'))).toMatch(/bounced emails/);
    expect(texts(byId('data-breach'))).toMatch(/within 72 hours of discovery/);
  });
});
