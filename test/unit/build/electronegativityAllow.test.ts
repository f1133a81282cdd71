import { describe, expect, it } from 'vitest';
import {
  explains,
  fileMatches,
  judge,
  parseAllowList,
  type AllowEntry,
  type Finding,
} from '../../../build/electronegativityAllow.ts';

const finding = (over: Partial<Finding> = {}): Finding => ({
  check: 'CONTEXT_ISOLATION_JS_CHECK',
  file: 'out/main/index.js',
  line: 10,
  column: 2,
  severity: 'HIGH',
  confidence: 'FIRM',
  description: 'Review the use of the contextIsolation option',
  sample: 'const window = new BrowserWindow(buildWindowOptions({ preloadPath }));',
  ...over,
});

const entry = (over: Partial<AllowEntry> = {}): AllowEntry => ({
  check: 'CONTEXT_ISOLATION_JS_CHECK',
  file: 'out/main/index.js',
  code: 'new BrowserWindow(buildWindowOptions(',
  reason: 'buildWindowOptions sets contextIsolation: true, pinned by its unit test.',
  ...over,
});

describe('parseAllowList', () => {
  it('accepts the committed allow-list', async () => {
    const { default: json } = await import('../../../build/electronegativity-allow.json', { with: { type: 'json' } });
    expect(parseAllowList(json).length).toBeGreaterThan(0);
  });

  it.each([
    ['a wildcard check', { check: '*' }],
    ['a lower-case check', { check: 'context_isolation_js_check' }],
    ['a wildcard file', { file: '*' }],
    ['a wildcard folder', { file: 'out/*/index.js' }],
    ['a recursive wildcard', { file: '**/index.js' }],
    ['a file name of wildcards and dots only', { file: 'out/main/*.*' }],
    ['an empty code', { code: '' }],
    ['a missing reason', { reason: '' }],
    ['a reason too short to say why', { reason: 'false positive' }],
  ])('refuses %s', (_name, over) => {
    expect(() => parseAllowList({ allow: [{ ...entry(), ...over }] })).toThrow(/invalid allow-list/);
  });

  it('refuses unknown keys, so a typo cannot silently widen an entry', () => {
    expect(() => parseAllowList({ allow: [{ ...entry(), cod: 'x' }] })).toThrow(/invalid allow-list/);
    expect(() => parseAllowList({ allow: [], extra: true })).toThrow(/invalid allow-list/);
  });

  it('accepts a hashed bundle name', () => {
    expect(parseAllowList({ allow: [entry({ file: 'out/renderer/assets/index-*.js' })] })).toHaveLength(1);
  });
});

describe('fileMatches', () => {
  it('matches the exact path', () => {
    expect(fileMatches('out/main/index.js', 'out/main/index.js')).toBe(true);
    expect(fileMatches('out/main/index.js', 'out/main/index.jsx')).toBe(false);
    expect(fileMatches('main/index.js', 'out/main/index.js')).toBe(false);
  });

  it('lets * stand for characters inside one segment, never across folders', () => {
    expect(fileMatches('out/renderer/assets/index-*.js', 'out/renderer/assets/index-CZEwYErl.js')).toBe(true);
    expect(fileMatches('out/renderer/assets/index-*.js', 'out/renderer/assets/x/index-a.js')).toBe(false);
    expect(fileMatches('out/renderer/assets/index-*.js', 'out/renderer/assets/index-a.css')).toBe(false);
  });

  it('treats regular-expression characters literally', () => {
    expect(fileMatches('out/main/index.js', 'out/main/indexxjs')).toBe(false);
  });
});

describe('explains', () => {
  it('needs the same check, the same file and, when given, the code', () => {
    expect(explains(entry(), finding())).toBe(true);
    expect(explains(entry(), finding({ check: 'SANDBOX_JS_CHECK' }))).toBe(false);
    expect(explains(entry(), finding({ file: 'out/cli/warroom.js' }))).toBe(false);
    expect(explains(entry(), finding({ sample: 'new BrowserWindow({ contextIsolation: false })' }))).toBe(false);
  });

  it('without code, covers the check anywhere in that file', () => {
    expect(explains(entry({ code: undefined }), finding({ sample: 'anything' }))).toBe(true);
  });
});

describe('judge', () => {
  it('passes findings every one of which an entry explains, with no entry left over', () => {
    const verdict = judge([finding(), finding({ line: 99 })], [entry()]);
    expect(verdict.unexplained).toEqual([]);
    expect(verdict.unused).toEqual([]);
    expect(verdict.explained).toHaveLength(2);
  });

  it('reports a finding no entry explains', () => {
    const stray = finding({ check: 'OPEN_EXTERNAL_JS_CHECK', sample: 'shell.openExternal(url)' });
    expect(judge([finding(), stray], [entry()]).unexplained).toEqual([stray]);
  });

  it('reports an entry that explains nothing, so the list cannot outlive the code', () => {
    const stale = entry({ check: 'SANDBOX_JS_CHECK' });
    const verdict = judge([finding()], [entry(), stale]);
    expect(verdict.unexplained).toEqual([]);
    expect(verdict.unused).toEqual([stale]);
  });

  it('with no findings, every entry is unused', () => {
    expect(judge([], [entry()]).unused).toHaveLength(1);
  });
});
