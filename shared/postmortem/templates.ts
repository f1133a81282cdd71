/**
 * Post-mortem templates: which sections a post-mortem shows, in what order, under which
 * headings, and the text each section starts with.
 *
 * The template format
 * ===================
 *
 * ```
 * # Incident Post-Mortem: {{incident.id}} - {{incident.title}}
 *
 * ## Executive Summary
 * [Brief summary of incident, impact, and resolution]
 *
 * ## Impact
 * - **User Impact**: {{impact.users}}
 *
 * ## Prevention {#improvements}
 * [How will we prevent this in the future?]
 * ```
 *
 * - An optional `# Title` first: the document's title (placeholders allowed). Without one the
 *   title is `Post-Mortem: {{incident.title}}`.
 * - Then `## Heading`s, one per section, in the order the document shows them. A heading names
 *   its section by its words, case and punctuation aside (`Root Cause`, `Root cause analysis`;
 *   the list is SECTION_ALIASES in sections.ts), or explicitly with a trailing `{#id}`
 *   (`## Prevention {#improvements}`), which is removed from the heading shown. Each section at
 *   most once; headings are fixed text (no placeholders). Sections a template leaves out are
 *   not in its documents.
 * - Under a heading, Markdown (`###` and deeper headings included) is the section's starting
 *   text: what its editor is filled with (`fillTemplate`). For an automatic section it is the
 *   starting text of the notes shown after the generated part; usually empty.
 * - `{{name}}` anywhere in the title or a body is a placeholder, filled from the incident with
 *   plain, escaped text (one line; see PLACEHOLDERS in facts.ts for the list). An unknown name
 *   is an error naming its line and the valid names.
 * - Nothing but the title may come before the first `##` heading.
 * - Limits, checked first: a line and a block (lines without a blank line or a new item between
 *   them) are each at most 10,000 characters, and a line opens at most 16 nested quotes or lists.
 *
 * Structure is read by a real Markdown parser (unified + remark-parse + remark-gfm), so a `##`
 * inside a code block is text, and setext headings (`Title` over `===`) count too.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { IncidentView } from '../entities/index.ts';
import { markdownInline } from '../timeline/exportTimeline.ts';
import { braceIdSuffix } from '../util/suffix.ts';
import { blockTooLong, deepLines, lineTooLong, longBlocks, longLines, nestedTooDeep } from '../util/textLimits.ts';
import { PLACEHOLDER_NAMES, isPlaceholderName, placeholderValues, type FactOptions, type PlaceholderName } from './facts.ts';
import { SECTIONS, SECTION_IDS, isSectionId, sectionFromHeading, type SectionId } from './sections.ts';

export { PLACEHOLDERS, PLACEHOLDER_NAMES, type PlaceholderName } from './facts.ts';

export interface TemplateSection {
  id: SectionId;
  /** The heading as shown (Markdown inline text, `{#id}` removed). */
  heading: string;
  /** The starting text, placeholders unfilled; '' when none. */
  body: string;
  /** 1-based line of the heading in the template source. */
  line: number;
}

export interface PostmortemTemplate {
  /** The document title, placeholders unfilled. */
  title: string;
  sections: TemplateSection[];
}

export interface TemplateError {
  /** 1-based line of the template source. */
  line: number;
  message: string;
}

export type ParseTemplateResult = { ok: true; template: PostmortemTemplate } | { ok: false; errors: TemplateError[] };

export const DEFAULT_TITLE = 'Post-Mortem: {{incident.title}}';

const markdownParser = unified().use(remarkParse).use(remarkGfm);
type Root = ReturnType<typeof markdownParser.parse>;
type Block = Root['children'][number];
type Heading = Extract<Block, { type: 'heading' }>;

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const HAS_PLACEHOLDER = /\{\{[^{}]*\}\}/;
const LINE_ENDING = /\r\n|\r|\n/;
/**
 * A template is free Markdown, so these are generous; they keep any one line or block from
 * costing the Markdown parser more than a few milliseconds (textLimits.ts).
 */
export const MAX_TEMPLATE_LINE = 10_000;
export const MAX_TEMPLATE_BLOCK = 10_000;
export const MAX_TEMPLATE_NESTING = 16;

function placeholderErrors(text: string, line: number): TemplateError[] {
  const errors: TemplateError[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1]!.trim();
    if (!isPlaceholderName(name)) {
      errors.push({ line, message: `unknown placeholder {{${name}}}; valid placeholders: ${PLACEHOLDER_NAMES.join(', ')}` });
    }
  }
  return errors;
}

/** A heading's inline content as written in the source: between its markers, trimmed. */
function headingSource(source: string, heading: Heading): string {
  const first = heading.children[0];
  const last = heading.children[heading.children.length - 1];
  const start = first?.position?.start.offset;
  const end = last?.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  // Each line trimmed, then joined by one space (a pattern `\s*\n\s*` is quadratic on long blank runs).
  return source
    .slice(start, end)
    .split(LINE_ENDING)
    .map((line) => line.trim())
    .join(' ')
    .trim();
}

const SECTION_LIST = SECTION_IDS.map((id) => `${SECTIONS[id].heading} {#${id}}`).join(', ');

/** Reads a template. Never throws: every problem comes back with its line. */
export function parseTemplate(markdown: string): ParseTemplateResult {
  const errors: TemplateError[] = [];
  const lines = markdown.split(LINE_ENDING);
  // Sizes first: neither the Markdown parser nor any pattern may look at an oversized line or block.
  const long = longLines(lines, MAX_TEMPLATE_LINE);
  for (const found of long) errors.push({ line: found.line, message: lineTooLong(found, 'template', MAX_TEMPLATE_LINE) });
  if (long.length === 0) {
    for (const found of longBlocks(lines, MAX_TEMPLATE_BLOCK)) errors.push({ line: found.line, message: blockTooLong(found, 'template', MAX_TEMPLATE_BLOCK) });
    for (const found of deepLines(lines, MAX_TEMPLATE_NESTING)) errors.push({ line: found.line, message: nestedTooDeep('template', MAX_TEMPLATE_NESTING) });
  }
  if (errors.length > 0) return { ok: false, errors };
  const tree = markdownParser.parse(markdown);
  let title: string | null = null;
  const sections: TemplateSection[] = [];
  const seen = new Map<SectionId, number>();
  /** Structural headings (the title and the sections), for the bodies' line ranges. */
  const marks: { start: number; end: number; section: boolean }[] = [];
  /** Lines of `##` headings, whose placeholders are reported on their own. */
  const sectionLines = new Set<number>();

  for (const node of tree.children) {
    const start = node.position?.start.line ?? 1;
    const end = node.position?.end.line ?? start;
    if (node.type === 'heading' && node.depth === 1) {
      if (title !== null || sections.length > 0) {
        errors.push({ line: start, message: 'only one # title, before the first ## section (use ### for a heading inside a section)' });
        continue;
      }
      title = headingSource(markdown, node);
      marks.push({ start, end, section: false });
      if (title === '') errors.push({ line: start, message: 'the # title is empty' });
      continue;
    }
    if (node.type === 'heading' && node.depth === 2) {
      for (let l = start; l <= end; l += 1) sectionLines.add(l);
      marks.push({ start, end, section: true });
      let heading = headingSource(markdown, node);
      if (heading === '') {
        errors.push({ line: start, message: `an empty ## heading; name a section: ${SECTION_LIST}` });
        continue;
      }
      if (HAS_PLACEHOLDER.test(heading)) {
        errors.push({ line: start, message: `section headings are fixed text: no placeholders in "## ${heading}"` });
        continue;
      }
      let id: SectionId | undefined;
      const explicit = braceIdSuffix(heading);
      if (explicit) {
        const named = explicit.value.trim();
        heading = heading.slice(0, explicit.index).trim();
        if (!isSectionId(named)) {
          errors.push({ line: start, message: `unknown section id {#${named}}; section ids: ${SECTION_IDS.join(', ')}` });
          continue;
        }
        id = named;
        if (heading === '') heading = SECTIONS[id].heading;
      } else {
        id = sectionFromHeading(heading);
        if (id === undefined) {
          errors.push({
            line: start,
            message: `"## ${heading}" does not name a section; use one of ${SECTION_LIST}, or add {#id} to name the section explicitly`,
          });
          continue;
        }
      }
      const before = seen.get(id);
      if (before !== undefined) {
        errors.push({ line: start, message: `the ${id} section is already at line ${before}; each section at most once` });
        continue;
      }
      seen.set(id, start);
      sections.push({ id, heading, body: '', line: start });
      continue;
    }
    if (marks.length === 0 || !marks.some((mark) => mark.section)) {
      errors.push({ line: start, message: 'only the # title may come before the first ## section; put this under a section' });
    }
  }
  if (sections.length === 0 && errors.length === 0) {
    errors.push({ line: 1, message: `a template needs at least one ## section: ${SECTION_LIST}` });
  }

  // Placeholders: in the title and the bodies (section headings were checked above).
  lines.forEach((text, i) => {
    if (!sectionLines.has(i + 1)) errors.push(...placeholderErrors(text, i + 1));
  });

  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };

  // Bodies: the lines after a section's heading, up to the next structural heading.
  const sectionMarks = marks.filter((mark) => mark.section);
  sections.forEach((section, i) => {
    const mark = sectionMarks[i]!;
    const next = marks.find((m) => m.start > mark.end);
    const body = lines.slice(mark.end, next ? next.start - 1 : lines.length);
    while (body.length > 0 && body[0]!.trim() === '') body.shift();
    while (body.length > 0 && body[body.length - 1]!.trim() === '') body.pop();
    section.body = body.join('\n');
  });
  return { ok: true, template: { title: title ?? DEFAULT_TITLE, sections } };
}

/**
 * A placeholder's value as Markdown: on one line (runs of white space become one space), every
 * character shown literally (the timeline export's escaping), and a leading `#`, `+`, `-` or
 * `1.` escaped so a value at the start of a line never becomes a heading or a list.
 */
export function placeholderMarkdown(value: string): string {
  return markdownInline(value.replace(/\s+/g, ' ').trim())
    .replace(/^[#+-]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Fills `{{name}}` placeholders in one text; an unknown name is left as written. */
export function fillText(text: string, values: Readonly<Record<PlaceholderName, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const key = name.trim();
    return isPlaceholderName(key) ? placeholderMarkdown(values[key]) : whole;
  });
}

/** The document title, filled. */
export function fillTitle(template: PostmortemTemplate, incident: IncidentView, options: FactOptions = {}): string {
  return fillText(template.title, placeholderValues(incident, options));
}

/** Every section's starting text, filled from the incident: what each editor starts with. */
export function fillTemplate(template: PostmortemTemplate, incident: IncidentView, options: FactOptions = {}): Partial<Record<SectionId, string>> {
  const values = placeholderValues(incident, options);
  const filled: Partial<Record<SectionId, string>> = {};
  for (const section of template.sections) filled[section.id] = fillText(section.body, values);
  return filled;
}

// ---------------------------------------------------------------- built-in templates

export interface BuiltInTemplate {
  /** Stable id, as a post-mortem records which template it follows. */
  id: string;
  name: string;
  /** Where it comes from. */
  origin: string;
  source: string;
  template: PostmortemTemplate;
}

/**
 * Plan A §10.3 in docs/response-plans.md "Post-Mortem Template", with its exact headings.
 * Its `[…]` prompts stay as starting text; where the incident already knows the answer, a
 * placeholder fills it. Its last section, "Appendices" ("relevant logs, metrics, or other
 * references"), is where the generated metrics go, followed by people's references: the
 * section list has no separate appendices section.
 */
const DEFAULT_SOURCE = `# Incident Post-Mortem: {{incident.id}} - {{incident.title}}

## Incident Details

## Executive Summary

[Brief summary of incident, impact, and resolution]

## Timeline

## Impact

- **User Impact**: {{impact.users}}
- **Business Impact**: {{impact.business}}
- **Technical Impact**: {{impact.technical}}

## Root Cause

[Detailed explanation of what caused the incident]

## Contributing Factors

- [Factor 1]
- [Factor 2]

## Detection

- **How was the incident detected?**: [Description]
- **Detection gaps**: [Any delays or missed signals]
- **Improvement opportunities**: [How detection could be better]

## Response

- **What went well**: [Effective elements of the response]
- **What could be improved**: [Response challenges]
- **Tools and resources**: [Effectiveness of tools used]

## Resolution

- **Resolution steps**: [Key actions that resolved the incident]
- **Validation methods**: [How resolution was confirmed]
- **Recovery procedures**: [Any recovery actions needed]

## Action Items

## Lessons Learned

- [Key insight 1]
- [Key insight 2]

## Appendices {#metrics}

- [Relevant logs, metrics, or other references]
`;

/**
 * Plan B "Post-Incident Review Template". Its "Response
 * Effectiveness" lists detection, response and resolution times, which are the generated
 * metrics; communication effectiveness stays for people. Its "Prevention" is the improvements
 * section (not in the default template, so switching to it leaves that text out of the export,
 * though it stays stored).
 */
const REVIEW_SOURCE = `# Post-Incident Review: {{incident.title}}

## Timeline

## Root Cause Analysis

[Describe root cause]

## Impact

- Duration: {{incident.duration}}
- Users affected: {{impact.usersAffected}}
- Revenue impact: [X]
- Reputation impact: [Low/Medium/High]

## Response Effectiveness {#metrics}

- Communication effectiveness: [Good/Fair/Poor]

## Lessons Learned

1. [Lesson 1]
2. [Lesson 2]
3. [Lesson 3]

## Action Items

## Prevention {#improvements}

[How will we prevent this in the future?]
`;

/**
 * Plan C "Post-Mortem Template": its `## Incident Post-Mortem` is the
 * title and its `###` headings the sections; "What Could Be Improved" is the improvements
 * section. (Plans D and E have no
 * template: Plan D points to a `docs/postmortem/template.md` it does not include, Plan E lists what
 * the documentation covers.)
 */
const LEAN_SOURCE = `# Incident Post-Mortem: {{incident.title}}

## Incident Summary

- **Date/Time:** {{incident.detectedAt}} to {{incident.resolvedAt}}
- **Duration:** {{incident.duration}}
- **Impact:** [What was affected]
- **Root Cause:** [Why it happened]

## Timeline

## What Went Well {#response}

- [Positive aspects of response]

## What Could Be Improved

- [Areas for improvement]

## Action Items

## Lessons Learned

- [Key takeaways]
`;

function builtIn(id: string, name: string, origin: string, source: string): BuiltInTemplate {
  const parsed = parseTemplate(source);
  if (!parsed.ok) {
    throw new Error(`Built-in post-mortem template ${id} does not parse: ${parsed.errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`);
  }
  return { id, name, origin, source, template: parsed.template };
}

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
  builtIn('default-10-3', 'Post-mortem (default)', 'Plan A §10.3 "Post-Mortem Template"', DEFAULT_SOURCE),
  builtIn('post-incident-review', 'Post-incident review', 'Plan B "Post-Incident Review Template"', REVIEW_SOURCE),
  builtIn('lean-post-mortem', 'Lean post-mortem', 'Plan C "Post-Mortem Template"', LEAN_SOURCE),
];

export const DEFAULT_TEMPLATE: BuiltInTemplate = BUILT_IN_TEMPLATES[0]!;

export function builtInTemplate(id: string): BuiltInTemplate | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.id === id);
}
