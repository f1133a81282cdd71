/**
 * The layering rule (docs/architecture.md#layers, build/eslint/layers.js) run through the repo's real
 * eslint.config.js: every bad fixture breaks a wall with the expected message, every good
 * fixture passes, and the real source tree has no import that crosses a wall the wrong way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const fixturesDir = join(repoRoot, 'test/fixtures/layering');
const RULE = 'layers/allowed-imports';

interface Fixture {
  name: string;
  /** Where the fixture pretends to live, relative to the repo root. */
  lintAs: string;
  /** One entry per layering error the fixture must produce (substring of the message). */
  expected: string[];
  good: boolean;
  text: string;
}

function readFixture(name: string): Fixture {
  const text = readFileSync(join(fixturesDir, name), 'utf8');
  const lines = text.split('\n');
  const lintAs = /^\/\/ lint-as: (\S+)\s*$/.exec(lines[0] ?? '')?.[1];
  if (!lintAs) throw new Error(`${name}: the first line must be "// lint-as: <path>"`);
  const expected = lines.flatMap((l) => {
    const m = /^\/\/ expect-error: (.+?)\s*$/.exec(l);
    return m?.[1] ? [m[1]] : [];
  });
  const good = lines.some((l) => l.trim() === '// expect: no layering errors');
  if (good === expected.length > 0) {
    throw new Error(`${name}: needs either "// expect-error: …" lines or "// expect: no layering errors"`);
  }
  return { name, lintAs, expected, good, text };
}

const fixtures = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .map(readFixture);
const bad = fixtures.filter((f) => !f.good);
const good = fixtures.filter((f) => f.good);

/** Messages from the layering rule, plus fatal (parse) errors, which would hide a violation. */
function relevant(messages: Linter.LintMessage[]): Linter.LintMessage[] {
  return messages.filter((m) => m.ruleId === RULE || m.fatal === true);
}

/** What the real tree must also keep: the layers, and ops never deleted outside their one remedy. */
function relevantToTree(messages: Linter.LintMessage[]): Linter.LintMessage[] {
  return messages.filter((m) => m.ruleId === RULE || m.ruleId === 'layers/append-only-ops' || m.ruleId === 'layers/tables-in-db' || m.fatal === true);
}

function show(messages: Linter.LintMessage[]): string {
  return messages.map((m) => `${m.line}:${m.column} [${m.ruleId ?? 'fatal'}] ${m.message}`).join('\n');
}

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot });
});

async function lintFixture(f: Fixture): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(f.text, { filePath: join(repoRoot, f.lintAs) });
  if (!result) throw new Error(`${f.name}: no lint result`);
  return result.messages;
}

describe('layering fixtures', () => {
  it('cover every wall the brief names', () => {
    const names = fixtures.map((f) => f.name);
    for (const required of [
      'shared-imports-fs.ts',
      'shared-imports-react.ts',
      'renderer-imports-electron.ts',
      'renderer-imports-host.ts',
      'host-imports-electron.ts',
      'preload-imports-fs.ts',
      'shared-imports-zod.ts',
      'renderer-imports-shared.ts',
      'core-imports-entities.ts',
      'core-imports-feature-from-sync.ts',
      'core-imports-core.ts',
      'renderer-feature-imports-dexie.ts',
      'renderer-feature-imports-dexie-react-hooks.ts',
      'renderer-imports-removed-db-singleton.ts',
      'renderer-db-imports-dexie.ts',
    ]) {
      expect(names).toContain(required);
    }
    expect(bad.length).toBeGreaterThan(0);
    expect(good.length).toBeGreaterThan(0);
  });

  it('are ignored by `eslint .` (they are deliberately wrong)', async () => {
    for (const f of fixtures) {
      expect(await eslint.isPathIgnored(join(fixturesDir, f.name)), f.name).toBe(true);
    }
  });

  it.each(bad.map((f) => [f.name, f] as const))('%s breaks a wall with the expected messages', async (_, f) => {
    const messages = relevant(await lintFixture(f));
    expect(messages.filter((m) => m.fatal), show(messages)).toEqual([]);
    for (const m of messages) expect(m.severity, show([m])).toBe(2);
    // Each expected text is matched by its own error, and there is no error nobody expected.
    const unmatched = [...messages];
    for (const text of f.expected) {
      const i = unmatched.findIndex((m) => m.message.includes(text));
      expect(i, `no error matching:\n  ${text}\ngot:\n${show(messages)}`).toBeGreaterThanOrEqual(0);
      unmatched.splice(i, 1);
    }
    expect(show(unmatched), 'unexpected layering errors').toBe('');
  });

  it.each(good.map((f) => [f.name, f] as const))('%s has no layering errors', async (_, f) => {
    const messages = relevant(await lintFixture(f));
    expect(show(messages)).toBe('');
  });
});

describe('the ops table is append-only (layers/append-only-ops)', () => {
  const deletions = [
    'db.ops.bulkDelete(hashes)',
    'db.ops.delete(hash)',
    'this.db.ops.clear()',
    "db.ops.where('incident').equals(id).delete()",
  ];

  async function appendOnlyErrors(lintAs: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(`export async function f(db: any, hashes: string[], hash: string, id: string) {\n  await ${code};\n}\n`, {
      filePath: join(repoRoot, lintAs),
    });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/append-only-ops' || m.fatal).map((m) => m.message);
  }

  it.each(deletions)('refuses %s in a feature and elsewhere in renderer/db/', async (code) => {
    for (const lintAs of ['renderer/features/sync/bad.ts', 'renderer/db/bad.ts']) {
      const messages = await appendOnlyErrors(lintAs, code);
      expect(messages, lintAs).toHaveLength(1);
      expect(messages[0]).toContain('renderer/db/newIdentity.ts, which re-records stranded ops under a new device id');
    }
  });

  it('allows the new-identity remedy, other tables and arrays named ops', async () => {
    expect(await appendOnlyErrors('renderer/db/newIdentity.ts', 'db.ops.bulkDelete(hashes)')).toEqual([]);
    expect(await appendOnlyErrors('renderer/db/drafts.ts', 'db.drafts.delete(hash)')).toEqual([]);
    expect(await appendOnlyErrors('renderer/features/sync/ok.ts', 'db.ops.filter((op: unknown) => op !== hash)')).toEqual([]);
  });
});

describe('tables are reached only in renderer/db/ (layers/tables-in-db)', () => {
  async function tableErrors(lintAs: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(`export async function f(db: any, id: string) {\n  return ${code};\n}\n`, { filePath: join(repoRoot, lintAs) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/tables-in-db' || m.fatal).map((m) => m.message);
  }

  it.each(["db.entries.get(id)", "db.transaction('r', [], () => id)", 'db.syncLog.toArray()'])('refuses %s in a feature', async (code) => {
    const messages = await tableErrors('renderer/features/timeline/bad.ts', code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^renderer\/ outside renderer\/db\/ must not use db\.\w+ \(tables are reached only through the named queries, hooks and commits/);
  });

  it('allows it in renderer/db/, and passing the database along or reading its name anywhere', async () => {
    expect(await tableErrors('renderer/db/queries.ts', 'db.entries.get(id)')).toEqual([]);
    expect(await tableErrors('renderer/features/timeline/ok.ts', '[db.name, change.entries, report.ops, f(db, id)]')).toEqual([]);
  });
});

describe('the real source tree', () => {
  it('has no import that crosses a layer wall the wrong way', async () => {
    const dirs = ['shared', 'renderer', 'electron'].filter((d) => existsSync(join(repoRoot, d)));
    const tree = new ESLint({
      cwd: repoRoot,
      errorOnUnmatchedPattern: false,
      ruleFilter: ({ ruleId }) => ruleId.startsWith('layers/'),
    });
    const results = await tree.lintFiles(dirs);
    expect(results.length).toBeGreaterThan(0);
    const problems = results.flatMap((r) =>
      relevantToTree(r.messages).map((m) => `${r.filePath.slice(repoRoot.length)}:${show([m])}`),
    );
    expect(problems.join('\n')).toBe('');
  });
});
