/**
 * The adversarial inputs that froze the parsers of synced and typed text (a runbook, a scenario,
 * a post-mortem template, the scribe's entry box): each must be answered, with its error or its
 * result, well inside a frame budget. parserFuzz.test.ts throws many more at the same parsers.
 */
import { describe, expect, it } from 'vitest';
import { checkFromPhrase } from '../../../shared/exercises/format.ts';
import { parseScenario } from '../../../shared/exercises/parse.ts';
import { parseTemplate } from '../../../shared/postmortem/templates.ts';
import { escapeLine } from '../../../shared/runbooks/format.ts';
import { parseRunbook } from '../../../shared/runbooks/parse.ts';
import { hashtags, parseEntryInput } from '../../../shared/timeline/entryInput.ts';
import { utcOffset } from '../../../shared/timeline/localTime.ts';

const BUDGET_MS = 50;

/**
 * The fastest of up to three runs, so a busy machine's hiccup is not a failure; a run far over
 * the budget is not noise and is not repeated.
 */
function fastest<T>(run: () => T): { ms: number; result: T } {
  let best = Infinity;
  let result!: T;
  for (let attempt = 0; attempt < 3; attempt++) {
    const start = performance.now();
    result = run();
    best = Math.min(best, performance.now() - start);
    if (best <= BUDGET_MS || best > 10 * BUDGET_MS) break;
  }
  return { ms: best, result };
}

function withinBudget<T>(run: () => T): T {
  const { ms, result } = fastest(run);
  expect(ms, `took ${ms.toFixed(1)} ms`).toBeLessThanOrEqual(BUDGET_MS);
  return result;
}

const runbook = (items: string) => `# Adversarial\n\n## Triage\n${items}\n`;
const scenario = (injects: string, expected = '- x') =>
  `---\ntype: security\nseverity: P1\nroles: ic\n---\n# Adversarial\n## Briefing\n## Injects\n${injects}\n## Expected actions\n${expected}\n`;

// Warm the parsers (and the Markdown parser's first-use costs) before anything is timed.
parseRunbook(runbook('- [ ] warm up (role: ic)'));
parseTemplate('## Impact\ntext');
parseScenario(scenario('- T+00 alert: warm up'));

describe('runbook parser', () => {
  it('reads "- [ ] a (role:" + 3,000 spaces + "x" at once, as text that is too long', () => {
    const result = withinBudget(() => parseRunbook(runbook(`- [ ] a (role:${' '.repeat(3000)}x`)));
    expect(result).toEqual({ ok: false, errors: [{ line: 4, message: 'item text: too long (at most 500 characters)' }] });
  });

  it('reads a 4,000-space role suffix that closes, naming the unknown role', () => {
    const result = withinBudget(() => parseRunbook(runbook(`- [ ] a (role:${' '.repeat(4000)}x)`)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/^unknown role "x"/);
  });

  it('reports a 60,000-character line as too long, by its line', () => {
    const result = withinBudget(() => parseRunbook(runbook(`- [ ] a${' '.repeat(60_000)}b`)));
    expect(result).toEqual({ ok: false, errors: [{ line: 4, message: 'this line is 60008 characters long; a runbook line is at most 6000' }] });
  });

  it('reports a 20,000-character paragraph of emphasis markers before the Markdown parser sees it', () => {
    const note = Array.from({ length: 400 }, () => `  ${'*a'.repeat(25)}`).join('\n');
    const result = withinBudget(() => parseRunbook(runbook(`- [ ] a\n${note}`)));
    expect(result).toEqual({
      ok: false,
      errors: [{ line: 4, message: 'lines 4–404 hold 20807 characters without a blank line or a new item; a runbook block is at most 8000' }],
    });
  });

  it('reports a line of 5,000 nested quotes before the Markdown parser sees it', () => {
    const result = withinBudget(() => parseRunbook(runbook(`- [ ] a\n${'>'.repeat(5000)}`)));
    expect(result).toEqual({ ok: false, errors: [{ line: 5, message: 'this line opens more than 16 nested quotes or lists; a runbook line opens at most 16' }] });
  });
});

describe('scenario parser', () => {
  it('reads "(severity:" + 2,000 spaces at the end of an inject at once', () => {
    const result = withinBudget(() => parseScenario(scenario(`- T+00 alert: a (severity:${' '.repeat(2000)}x`)));
    expect(result.ok).toBe(false);
  });

  for (const [what, source] of [
    ['an expected action', scenario('- T+00 alert: a', `- a${' '.repeat(60_000)}x`)],
    ['an inject', scenario(`- T+00 alert: a${' '.repeat(60_000)}x`)],
    ['the title', `---\ntype: security\n---\n# a${' '.repeat(60_000)}x`],
    ['a front-matter line', `---\nid: a${' '.repeat(60_000)}x\n---\n`],
  ] as const) {
    it(`reports a 60,000-character line in ${what} as too long`, () => {
      const result = withinBudget(() => parseScenario(source));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/^line \d+: this line is 60\d{3} characters long; a scenario line is at most 10000$/));
    });
  }

  it('reads a check phrase with a long run of spaces before a line separator at once', () => {
    for (const prefix of ['role assigned:', 'checklist started:', 'escalated to', 'severity set:', 'phase reached:']) {
      withinBudget(() => checkFromPhrase(`${prefix}${' '.repeat(20_000)}\u2028x`));
    }
  });
});

describe('post-mortem template parser', () => {
  it('reads a 60,000-space ## heading at once, reporting it as too long', () => {
    const result = withinBudget(() => parseTemplate(`## a${' '.repeat(60_000)}x`));
    expect(result).toEqual({ ok: false, errors: [{ line: 1, message: 'this line is 60005 characters long; a template line is at most 10000' }] });
  });

  it('reads a long heading with spaces before an explicit id at once', () => {
    const result = withinBudget(() => parseTemplate(`## Impact${' '.repeat(9_000)}{#impact}\ntext`));
    expect(result.ok).toBe(true);
  });
});

describe('entry input and escaping', () => {
  it('reads a hashtag of 19,990 dots at once', () => {
    expect(withinBudget(() => hashtags(`#a${'.'.repeat(19_990)}x`))).toEqual([]);
    expect(withinBudget(() => hashtags(`#db${'.'.repeat(19_990)}`))).toEqual(['db']);
  });

  it('refuses a pasted 1 MB entry before reading it', () => {
    const result = withinBudget(() => parseEntryInput(`/d ${'#a.'.repeat(350_000)}`, { now: 0, startedAt: 0, offsetMinutes: utcOffset }));
    expect(result).toEqual({ ok: false, error: 'an entry is at most 20000 characters' });
  });

  it('escapes a line with a long run of inner spaces, colons or dots at once', () => {
    expect(withinBudget(() => escapeLine(`a${' '.repeat(20_000)}x`))).toBe(`a${' '.repeat(20_000)}x`);
    expect(withinBudget(() => escapeLine(`a${':'.repeat(20_000)}`))).toBe(`a${':'.repeat(20_000)}`);
    expect(withinBudget(() => escapeLine(`a${'.'.repeat(20_000)}`))).toBe(`a${'.'.repeat(20_000)}`);
  });
});
