import { z } from 'zod';

/**
 * The pure half of build/electronegativity.ts: Electronegativity's findings against the
 * committed allow-list (build/electronegativity-allow.json). A finding passes only when an entry
 * names its check and its file (and, when the entry gives `code`, the flagged code contains it);
 * an entry that explains nothing fails too, so the list cannot outlive the code it excuses.
 */

export interface Finding {
  /** Electronegativity's check id, e.g. CONTEXT_ISOLATION_JS_CHECK. */
  check: string;
  /** Relative to the scanned folder, '/'-separated: 'out/main/index.js'. */
  file: string;
  line: number;
  column: number;
  severity: string;
  confidence: string;
  description: string;
  /** The flagged code (for a CSP finding, the policy). */
  sample: string;
}

/**
 * A path, '/'-separated; `*` stands for any characters inside the last segment only (for hashed
 * bundle names such as out/renderer/assets/index-*.js). Folders are always spelled out.
 */
const filePattern = z
  .string()
  .min(1)
  .refine((p) => !p.slice(0, p.lastIndexOf('/') + 1).includes('*'), 'only the file name may hold a *')
  .refine((p) => /[^*./]/.test(p.slice(p.lastIndexOf('/') + 1).replace(/\*/g, '')), 'the file name must be more than wildcards');

export const allowEntrySchema = z
  .object({
    check: z.string().regex(/^[A-Z0-9]+(_[A-Z0-9]+)+$/, 'a check id such as CONTEXT_ISOLATION_JS_CHECK'),
    file: filePattern,
    /** A piece of the flagged code the entry is about; pins it to that spot in the file. */
    code: z.string().min(1).optional(),
    /** Why this is a false positive or an accepted risk, naming the code that makes it so. */
    reason: z.string().trim().min(40, 'a reason of at least a sentence'),
  })
  .strict();

export type AllowEntry = z.infer<typeof allowEntrySchema>;

export const allowListSchema = z.object({ $comment: z.string().optional(), allow: z.array(allowEntrySchema) }).strict();

/** The allow-list file's entries, or an error naming what is wrong with it. */
export function parseAllowList(json: unknown): AllowEntry[] {
  const parsed = allowListSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new Error(`invalid allow-list: ${issues.join('; ')}`);
  }
  return parsed.data.allow;
}

export function fileMatches(pattern: string, file: string): boolean {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[^/]*')}$`).test(file);
}

export function explains(entry: AllowEntry, finding: Finding): boolean {
  return (
    entry.check === finding.check &&
    fileMatches(entry.file, finding.file) &&
    (entry.code === undefined || finding.sample.includes(entry.code))
  );
}

export interface Verdict {
  explained: { finding: Finding; entry: AllowEntry }[];
  unexplained: Finding[];
  unused: AllowEntry[];
}

/** Every finding explained by the first entry that fits; the rest, and the entries nothing used. */
export function judge(findings: readonly Finding[], entries: readonly AllowEntry[]): Verdict {
  const explained: Verdict['explained'] = [];
  const unexplained: Finding[] = [];
  const used = new Set<AllowEntry>();
  for (const finding of findings) {
    const entry = entries.find((e) => explains(e, finding));
    if (entry) {
      used.add(entry);
      explained.push({ finding, entry });
    } else {
      unexplained.push(finding);
    }
  }
  return { explained, unexplained, unused: entries.filter((e) => !used.has(e)) };
}

export function describeFinding(f: Finding): string {
  const sample = f.sample.replace(/\s+/g, ' ').trim();
  const shown = sample.length > 100 ? `${sample.slice(0, 100)}…` : sample;
  return `${f.check} (${f.severity}, ${f.confidence}) at ${f.file}:${f.line}:${f.column} — ${f.description}${shown ? `\n      ${shown}` : ''}`;
}

export function describeEntry(e: AllowEntry): string {
  return `${e.check} in ${e.file}${e.code === undefined ? '' : ` at "${e.code}"`}`;
}
