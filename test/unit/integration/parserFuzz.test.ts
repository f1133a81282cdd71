/**
 * Adversarial fuzz of every parser of typed, imported or synced text: long runs of blanks,
 * brackets, separators and markup, up to each input's maximum length, each input timed. A
 * parser whose time grows faster than its input (a backtracking pattern, a quadratic Markdown
 * construct) shows up here as one slow input. Seeded, so a failure names an input to replay.
 *
 * Sizes: most inputs are small (where a bug in the reading shows), some medium, and a few at the
 * maximum (where a superlinear cost shows). The slowest input of each parser is printed. The op
 * line is fuzzed up to 256 KiB (the largest op, a 200,000-character source, fits), segments and
 * backups up to 256 KiB too: their time is linear in their size (their 64 MiB and 512 MiB caps
 * are for reading, not for a frame budget).
 */
import { describe, expect, it } from 'vitest';
import { decodeBackup, encodeBackup } from '../../../shared/backup/backupFile.ts';
import { decodeOpLine, decodeSegment } from '../../../shared/entities/index.ts';
import { parseScenario } from '../../../shared/exercises/parse.ts';
import { parseTemplate } from '../../../shared/postmortem/templates.ts';
import { parseRunbook } from '../../../shared/runbooks/parse.ts';
import { parseEntryInput } from '../../../shared/timeline/entryInput.ts';
import { utcOffset } from '../../../shared/timeline/localTime.ts';
import { canonicalJson } from '../../../shared/util/canonicalJson.ts';
import { DEV_A, chainOf, refOf } from '../support/chains.ts';
import { mulberry32 } from '../support/simulator.ts';

const INPUTS = 10_000;
/** Per input, at any size up to the maximum, for the parsers that read text by hand. */
const BUDGET_MS = 50;
/**
 * The decoders spend their time in JSON.parse, zod and SHA-256, linear but not free: a 256 KiB
 * segment takes ~50 ms on a busy two-core machine.
 */
const DECODER_BUDGET_MS = 100;
/**
 * The Markdown parser (micromark) is quadratic within one block for emphasis and links: the
 * block caps keep the worst block (8,000–10,000 characters of `*a`) near a second on this
 * two-core machine (0.5 s for a runbook, 1.1 s for a template, measured idle), where an uncapped
 * 200,000-character one took minutes. Lower caps would reach 50 ms but refuse blocks a valid
 * runbook or template may hold. The budget leaves room for CI's load.
 */
const MARKDOWN_BUDGET_MS = 3000;

/** What an attacker repeats: blanks, brackets, separators, markup, the suffixes the parsers look for. */
const PIECES = [
  ' ', '\t', '  ', '[', ']', '(', ')', '{', '}', ':', '|', '-', '#', '*', '_', '~', '`', '>', '<', '!', '&', '@', '.', ',', '/', '\\', '"', '=', '+',
  '- [ ] ', '- [x] ', '[ ]', '(role:', '(role: ic)', '(severity:', '(severity: P0)', '(check:', '{#', '{#id}', '{{', '}}', '{{incident.title}}',
  '<!--', '-->', '## ', '# ', '---', 'T+05 alert:', 'http://', 'www.', 'a@b', '&#13;', '*a', '_a', '~a', '[a](', '![', '|a', '\u2028', '\u00a0', '\u3000',
  'a', 'x', 'word ', 'role assigned:', 'escalated to ', 'checklist started:', '@14:05', '@-15m', '/d', '#tag', '\n', '\n', '\r\n', '\n\n', '\n  ',
];

type Rng = () => number;

/** Runs of pieces up to `size` characters: a long run of one piece, or a mix. */
function adversarial(rng: Rng, size: number): string {
  let out = '';
  while (out.length < size) {
    const piece = PIECES[Math.floor(rng() * PIECES.length)]!;
    const long = rng() < 0.3;
    const repeat = long ? 1 + Math.floor(rng() * (size - out.length)) : 1 + Math.floor(rng() * 8);
    out += piece.repeat(Math.max(1, Math.min(repeat, Math.ceil((size - out.length) / piece.length))));
  }
  return out.slice(0, size);
}

/** A size class: mostly small, some medium, `atMax` of the inputs at the maximum. */
function sizeOf(rng: Rng, index: number, max: number, atMax: number): number {
  if (index < atMax) return max;
  const roll = rng();
  if (roll < 0.9) return Math.floor(rng() * Math.min(max, 300));
  return Math.floor(rng() * Math.min(max, 8000));
}

interface Parser {
  name: string;
  /** The documented maximum length of the input. */
  max: number;
  budgetMs: number;
  atMax: number;
  /** Wraps fuzz text into something that reaches deep into the parser. */
  frame(rng: Rng, text: string): string;
  parse(text: string): unknown;
}

const runbookHead = '---\nid: fuzz\ntypes: security\n---\n# Fuzz\n\n## Triage\n- [ ] ';
const scenarioHead = '---\ntype: security\nseverity: P1\nroles: ic\n---\n# Fuzz\n## Briefing\n## Injects\n- T+00 alert: ';
const pick = <T,>(rng: Rng, values: readonly T[]): T => values[Math.floor(rng() * values.length)]!;
/** The fuzz text at the start, inside an item, or after the opening: whichever reaches more code. */
const framed = (head: string) => (rng: Rng, text: string) => pick(rng, ['', head, `${head}a `])! + text;

/** One valid op line, and a backup and a segment of a few ops, to cut and splice fuzz into. */
const chain = chainOf(DEV_A, 3);
const opLine = canonicalJson(chain[0]);
const segment = chain.map((op) => `${canonicalJson(op)}\n`).join('');
const backup = encodeBackup({ ops: chain, device: DEV_A, createdAt: '2026-11-23T08:00:00.000Z' });
/** Fuzz spliced into valid text at a random place, or replacing a random stretch of it. */
const spliced = (valid: string) => (rng: Rng, text: string) => {
  const at = Math.floor(rng() * valid.length);
  const cut = rng() < 0.5 ? at : Math.min(valid.length, at + Math.floor(rng() * 40));
  return rng() < 0.2 ? text : valid.slice(0, at) + text + valid.slice(cut);
};

const SOURCE_MAX = 200_000; // shared/entities/settings.ts: a runbook, template or scenario source
const PARSERS: Parser[] = [
  { name: 'runbook', max: SOURCE_MAX, budgetMs: MARKDOWN_BUDGET_MS, atMax: 6, frame: framed(runbookHead), parse: parseRunbook },
  { name: 'scenario', max: SOURCE_MAX, budgetMs: BUDGET_MS, atMax: 200, frame: framed(scenarioHead), parse: parseScenario },
  { name: 'post-mortem template', max: SOURCE_MAX, budgetMs: MARKDOWN_BUDGET_MS, atMax: 6, frame: framed('# T\n\n## Impact {#impact}\n'), parse: parseTemplate },
  {
    name: 'timeline entry input',
    budgetMs: BUDGET_MS,
    max: 21_000, // an entry's text is at most 20,000 characters; the box refuses more than 1,000 over that unread
    atMax: 200,
    frame: framed('/d @14:05 '),
    parse: (text) => parseEntryInput(text, { now: Date.UTC(2026, 10, 23, 12), startedAt: Date.UTC(2026, 10, 23, 12), offsetMinutes: utcOffset }),
  },
  { name: 'op line (segment and backup)', max: 256 * 1024, budgetMs: DECODER_BUDGET_MS, atMax: 200, frame: spliced(opLine), parse: (text) => decodeOpLine(text) },
  { name: 'sync segment', max: 256 * 1024, budgetMs: DECODER_BUDGET_MS, atMax: 100, frame: spliced(segment), parse: (text) => decodeSegment(text, refOf(DEV_A, 1, 3)) },
  { name: 'backup file', max: 256 * 1024, budgetMs: DECODER_BUDGET_MS, atMax: 100, frame: spliced(backup), parse: decodeBackup },
];

/** How long one parse took, once more… */
function once(parser: Parser, text: string): number {
  const start = performance.now();
  parser.parse(text);
  return performance.now() - start;
}

/**
 * …and over budget, the fastest of up to five tries: CI runs other test files on the same two
 * cores, so a single slow reading may be a pause, while an input that is really super-linear is
 * slow every time.
 */
function timed(parser: Parser, text: string): number {
  let ms = once(parser, text);
  for (let retry = 0; retry < 4 && ms > parser.budgetMs; retry++) ms = Math.min(ms, once(parser, text));
  return ms;
}

describe('adversarial fuzz of the parsers of synced and typed text', () => {
  for (const [index, parser] of PARSERS.entries()) {
    it(`${parser.name}: ${INPUTS} inputs up to ${parser.max} characters, each within ${parser.budgetMs} ms`, () => {
      const rng = mulberry32(0x5eed + index);
      parser.parse(parser.frame(rng, 'warm up'));
      let slowest = { ms: 0, input: 0, size: 0 };
      let slowestAtMax = 0;
      for (let input = 0; input < INPUTS; input++) {
        const text = parser.frame(rng, adversarial(rng, sizeOf(rng, input, parser.max, parser.atMax))).slice(0, parser.max);
        const ms = timed(parser, text);
        if (ms > slowest.ms) slowest = { ms, input, size: text.length };
        if (input < parser.atMax) slowestAtMax = Math.max(slowestAtMax, ms);
      }
      const figures = `${parser.name}: ${INPUTS} inputs, ${parser.atMax} at the maximum of ${parser.max} characters; slowest input #${slowest.input} (${slowest.size} characters) took ${slowest.ms.toFixed(1)} ms, slowest at the maximum ${slowestAtMax.toFixed(1)} ms`;
      console.warn(figures); // the figures, in the CI log
      expect(slowest.ms, figures).toBeLessThanOrEqual(parser.budgetMs);
    });
  }
});
