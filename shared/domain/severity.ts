/**
 * Severity schemes: the levels an organisation grades incidents by, with the numbers the live
 * board runs on (response target, status-update cadence, escalation steps).
 *
 * Why a scheme and not a fixed enum: the plans this app serves disagree. Plans B–E in docs/response-plans.md grade
 * P0–P3, Plan A grades P1–P4, and their times differ. A scheme is data, edited by a team and
 * synced like everything else, so it is validated here with messages a person can act on:
 * every value check names the level and the field ("Level P1: colour must be …").
 *
 * Order matters: `levels[0]` is the most severe. Rank (the index) is what maps one scheme onto
 * another and what sorts incident lists.
 */
import { z } from 'zod';
import { issuePath } from '../util/zodError.ts';

const SEVERITY_ID = /^[A-Z0-9]{1,8}$/;
const COLOUR = /^#[0-9a-fA-F]{6}$/;
const SCHEME_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const MIN_LEVELS = 2;
export const MAX_LEVELS = 8;

const isWholeMinutes = (n: number): boolean => Number.isInteger(n) && n >= 1;

/**
 * A severity id on its own (an incident's, a runbook's, a scenario's): only its shape is fixed,
 * because the levels themselves come from the team's editable scheme.
 */
export const SeverityId = z.string().regex(SEVERITY_ID, 'a severity id such as P0');

/** One step of an escalation path: if the incident is still unmitigated `afterMinutes` after detection, bring in `notify`. */
export const EscalationStep = z
  .object({
    afterMinutes: z.number().int('afterMinutes must be a whole number of minutes').min(1, 'afterMinutes must be at least 1'),
    /** Who is brought in, as the plans name them ("Team lead", "CTO"). */
    notify: z.string().trim().min(1, 'notify must name who is brought in'),
  })
  .strict();
export type EscalationStep = z.infer<typeof EscalationStep>;

/**
 * Inside a level, the shape only checks types; every value check lives in the level's
 * refinement below, because only there is the level's id known for the message.
 */
const EscalationStepShape = z.object({ afterMinutes: z.number(), notify: z.string() }).strict();

/**
 * Strict objects: an unknown key is refused rather than dropped, so a British/American slip
 * (`color`) is reported instead of silently losing the colour.
 */
export const SeverityLevelConfig = z
  .object({
    id: z.string(),
    name: z.string(),
    /** `#rrggbb`; the badge always shows the id and name too, never colour alone. */
    colour: z.string(),
    description: z.string(),
    /** Acknowledge within this many minutes of detection (the response-time SLA). */
    responseTargetMinutes: z.number(),
    /**
     * Minutes between status updates; null = no fixed cadence (the plans' rule for low
     * severities: updates at the beginning, on significant developments and at resolution).
     */
    updateCadenceMinutes: z.number().nullable(),
    /** Who is brought in when, counted from detection; strictly ascending `afterMinutes`. */
    escalation: z.array(EscalationStepShape),
    // Resolution and post-mortem targets. Optional: a scheme saved before they existed still
    // reads, and an absent value means the plans' default for the level (levelTargets).
    /** Resolve within this many minutes of detection; null = no resolution target. */
    resolutionTargetMinutes: z.number().nullable().optional(),
    /** The post-mortem is due this many hours after resolution; null = none is required. */
    postmortemDueHours: z.number().nullable().optional(),
  })
  .strict()
  .superRefine((level, ctx) => {
    const where = levelLabel(level.id);
    const problem = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message: `${where}: ${message}` });
    };
    if (!SEVERITY_ID.test(level.id)) problem(['id'], `id must be 1–8 capital letters or digits, such as P0 (got ${JSON.stringify(level.id)})`);
    if (level.name.trim() === '') problem(['name'], 'name is required, such as "Critical"');
    if (!COLOUR.test(level.colour)) problem(['colour'], `colour must be #rrggbb, such as #e03131 (got ${JSON.stringify(level.colour)})`);
    if (!isWholeMinutes(level.responseTargetMinutes)) {
      problem(['responseTargetMinutes'], `responseTargetMinutes must be a whole number of minutes, at least 1 (got ${level.responseTargetMinutes})`);
    }
    if (level.updateCadenceMinutes !== null && !isWholeMinutes(level.updateCadenceMinutes)) {
      problem(['updateCadenceMinutes'], `updateCadenceMinutes must be a whole number of minutes, at least 1, or null for no fixed cadence (got ${level.updateCadenceMinutes})`);
    }
    if (level.resolutionTargetMinutes != null && !isWholeMinutes(level.resolutionTargetMinutes)) {
      problem(['resolutionTargetMinutes'], `resolutionTargetMinutes must be a whole number of minutes, at least 1, or null for no target (got ${level.resolutionTargetMinutes})`);
    }
    if (level.postmortemDueHours != null && !isWholeMinutes(level.postmortemDueHours)) {
      problem(['postmortemDueHours'], `postmortemDueHours must be a whole number of hours, at least 1, or null when no post-mortem is required (got ${level.postmortemDueHours})`);
    }
    level.escalation.forEach((step, i) => {
      if (!isWholeMinutes(step.afterMinutes)) {
        problem(['escalation', i, 'afterMinutes'], `escalation[${i}].afterMinutes must be a whole number of minutes, at least 1 (got ${step.afterMinutes})`);
      }
      if (step.notify.trim() === '') problem(['escalation', i, 'notify'], `escalation[${i}].notify must name who is brought in`);
      const before = level.escalation[i - 1];
      if (before !== undefined && step.afterMinutes <= before.afterMinutes) {
        problem(
          ['escalation', i, 'afterMinutes'],
          `escalation[${i}].afterMinutes must be later than escalation[${i - 1}] (${step.afterMinutes} after ${before.afterMinutes}; steps are strictly ascending)`,
        );
      }
    });
  });
export type SeverityLevelConfig = z.infer<typeof SeverityLevelConfig>;

export const SeverityScheme = z
  .object({
    id: z.string().regex(SCHEME_ID, 'scheme id must be 1–40 characters of a–z, 0–9, -'),
    name: z.string().trim().min(1, 'scheme name is required'),
    /** Most severe first. */
    levels: z.array(SeverityLevelConfig),
  })
  .strict()
  .superRefine((scheme, ctx) => {
    const n = scheme.levels.length;
    if (n < MIN_LEVELS || n > MAX_LEVELS) {
      const ids = scheme.levels.map((l) => l.id).join(', ') || 'none';
      ctx.addIssue({
        code: 'custom',
        path: ['levels'],
        message: `Scheme ${scheme.id}: levels must number ${MIN_LEVELS}–${MAX_LEVELS}, most severe first (has ${n}: ${ids})`,
      });
    }
    const firstIndex = new Map<string, number>();
    scheme.levels.forEach((level, i) => {
      const first = firstIndex.get(level.id);
      if (first === undefined) firstIndex.set(level.id, i);
      else {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'id'],
          message: `${levelLabel(level.id)}: id is used twice (levels[${first}] and levels[${i}]); ids must be unique`,
        });
      }
    });
  });
export type SeverityScheme = z.infer<typeof SeverityScheme>;

/**
 * Built-in schemes are shared by every caller: frozen,
 * so an editor that forgets to copy one fails loudly instead of changing the defaults.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function levelLabel(id: unknown): string {
  return typeof id === 'string' && id.trim() !== '' ? `Level ${id}` : 'Level (no id)';
}

/**
 * A scheme from a file or an editor: the scheme, or one readable line per problem. Value
 * problems already name their level; type problems (a string where a number belongs) get the
 * level and field prepended from the issue's path.
 */
export function validateSeverityScheme(input: unknown): { ok: true; scheme: SeverityScheme } | { ok: false; problems: string[] } {
  const result = SeverityScheme.safeParse(input);
  if (result.success) return { ok: true, scheme: result.data };
  const problems = result.error.issues.map((issue) => (issue.code === 'custom' ? issue.message : `${pathLabel(issue.path, input)}: ${issue.message}`));
  return { ok: false, problems };
}

function pathLabel(path: readonly PropertyKey[], input: unknown): string {
  const [top, index, ...rest] = path;
  if (top === 'levels' && typeof index === 'number') {
    const levels = (input as { levels?: unknown } | null)?.levels;
    const level = Array.isArray(levels) ? (levels[index] as { id?: unknown } | undefined) : undefined;
    const label = typeof level?.id === 'string' && level.id !== '' ? levelLabel(level.id) : `Level #${index + 1}`;
    return rest.length > 0 ? `${label} ${issuePath(rest)}` : label;
  }
  return issuePath(path, 'scheme');
}

/*
 * Colours: every level colour has at least 3:1 contrast (WCAG 1.4.11, non-text) against both
 * themes' backgrounds (#ffffff, #f6f8fa light; #0f1419, #1a2129 dark), so a badge or a stripe
 * reads on either; black or white text on it reaches 4.5:1. Tested in
 * test/unit/shared/domain/severity.test.ts.
 */
const RED = '#e03131';
const ORANGE = '#e8590c';
const AMBER = '#b7791f';
const BLUE = '#2f80ed';

/**
 * The default scheme, P0–P3.
 * - Names, descriptions: Plan B "Incident Severity Levels" (P0 "Service completely unavailable
 *   or critical data loss", …), confirmed by Plans C, D, E.
 * - responseTargetMinutes: Plan C "Severity Levels" (P0 < 15 min, P1 1 h, P2 4 h, P3 24 h),
 *   the same as Plan E "Response Time SLAs". (Plan B is stricter: P0 < 5 min, P1 < 15 min.)
 * - updateCadenceMinutes: P0 every 15 min — Plan B step 5/6 ("Every 15 minutes: status update
 *   to stakeholders") and Plan D "Communication Plan"; P1 every 30 min — Plan B step 6
 *   ("Every 30 minutes … (if P0/P1)") and Plan E "Status updates every 30 minutes";
 *   P2 every 60 min — Plan A §5.1 gives hourly updates to its second level (High);
 *   P3 none — Plan A §5.1 "P3/P4 incidents: Updates at beginning, significant developments,
 *   and resolution".
 * - escalation: P0 T+15 team lead, T+30 engineering manager, T+60 CTO — Plan D "Escalation
 *   Path" (Team Lead T+15, Engineering Manager T+30, CTO/VP Engineering T+60 "if unresolved");
 *   P1, P2, P3 — Plan C "Escalation Matrix" (columns "Escalation (30 min)" and
 *   "Executive (1 hour)"; P3 has no executive step).
 * - resolutionTargetMinutes: Plan B "Incident Severity Levels" ("Resolution Time": P0 < 15 min,
 *   P1 < 1 hour, P2 < 4 hours, P3 < 1 week), the only plan that gives one per level.
 * - postmortemDueHours: P0 24 h — Plan B "Step 8: Post-Incident Review" ("Within 24 hours of
 *   resolution"); P1, P2 5 days — Plan A §7.1 ("within 5 days of resolution", after all
 *   Critical/High and significant Medium incidents), inside Plan C's "Post-Incident Review
 *   (1-7 days)"; P3 none — Plan A §7.1 asks none for its Low level.
 */
export const P0_P3_SCHEME: SeverityScheme = deepFreeze({
  id: 'p0-p3',
  name: 'P0–P3 (default)',
  levels: [
    {
      id: 'P0',
      name: 'Critical',
      colour: RED,
      description: 'Service unavailable, data breach or critical data loss',
      responseTargetMinutes: 15,
      updateCadenceMinutes: 15,
      escalation: [
        { afterMinutes: 15, notify: 'Team lead' },
        { afterMinutes: 30, notify: 'Engineering manager' },
        { afterMinutes: 60, notify: 'CTO' },
      ],
      resolutionTargetMinutes: 15,
      postmortemDueHours: 24,
    },
    {
      id: 'P1',
      name: 'High',
      colour: ORANGE,
      description: 'Service severely degraded or significant functionality broken',
      responseTargetMinutes: 60,
      updateCadenceMinutes: 30,
      escalation: [
        { afterMinutes: 30, notify: 'Technical lead' },
        { afterMinutes: 60, notify: 'CTO' },
      ],
      resolutionTargetMinutes: 60,
      postmortemDueHours: 120,
    },
    {
      id: 'P2',
      name: 'Medium',
      colour: AMBER,
      description: 'Partially degraded or a non-critical feature broken',
      responseTargetMinutes: 240,
      updateCadenceMinutes: 60,
      escalation: [
        { afterMinutes: 30, notify: 'Team lead' },
        { afterMinutes: 60, notify: 'Technical lead' },
      ],
      resolutionTargetMinutes: 240,
      postmortemDueHours: 120,
    },
    {
      id: 'P3',
      name: 'Low',
      colour: BLUE,
      description: 'Minor issue with minimal user impact',
      responseTargetMinutes: 1440,
      updateCadenceMinutes: null,
      escalation: [{ afterMinutes: 30, notify: 'Team lead' }],
      resolutionTargetMinutes: 10080,
      postmortemDueHours: null,
    },
  ],
});

/**
 * Plan A's scheme, P1–P4.
 * - Names, descriptions, responseTargetMinutes: Plan A §3.1 "Severity Levels" table
 *   (P1 15 min, P2 30 min, P3 4 hours, P4 24 hours).
 * - updateCadenceMinutes: Plan A §5.1 "Status Update Cadence" (P1 every 30 min, P2 every hour,
 *   P3/P4 at beginning, significant developments and resolution → null).
 * - escalation: Plan A has no timed steps, only who: §2.1 (Secondary on-call "if primary is
 *   unavailable", Engineering Manager "escalation point", CTO "final escalation point for major
 *   incidents") and §10.1 "Escalation Paths" (first responder → secondary → tertiary). The times
 *   are ours: the secondary is brought in when the level's response target passes, the
 *   engineering manager and the CTO at T+30 and T+60 for the critical level as in Plan D's
 *   path, the engineering manager at T+60 for High (Plan C's "Executive (1 hour)" column).
 * - resolutionTargetMinutes: Plan A gives none; Plan B's "Resolution Time" by rank (P1 < 15 min,
 *   P2 < 1 hour, P3 < 4 hours, P4 < 1 week), as the levels map onto each other (mapSeverity).
 * - postmortemDueHours: Plan A §7.1 — a post-mortem "after all P1/P2 incidents and significant
 *   P3 incidents", meeting "within 5 days of resolution": P1, P2 120 h; P3, P4 none (which P3
 *   is significant is the team's call: it sets a number to require one).
 */
export const P1_P4_SCHEME: SeverityScheme = deepFreeze({
  id: 'p1-p4',
  name: 'P1–P4',
  levels: [
    {
      id: 'P1',
      name: 'Critical',
      colour: RED,
      description: 'Service outage or security breach, e.g. complete platform unavailability, data breach',
      responseTargetMinutes: 15,
      updateCadenceMinutes: 30,
      escalation: [
        { afterMinutes: 15, notify: 'Secondary on-call' },
        { afterMinutes: 30, notify: 'Engineering manager' },
        { afterMinutes: 60, notify: 'CTO' },
      ],
      resolutionTargetMinutes: 15,
      postmortemDueHours: 120,
    },
    {
      id: 'P2',
      name: 'High',
      colour: ORANGE,
      description: 'Degraded performance or elevated errors, e.g. AI service unresponsive, high error rates',
      responseTargetMinutes: 30,
      updateCadenceMinutes: 60,
      escalation: [
        { afterMinutes: 30, notify: 'Secondary on-call' },
        { afterMinutes: 60, notify: 'Engineering manager' },
      ],
      resolutionTargetMinutes: 60,
      postmortemDueHours: 120,
    },
    {
      id: 'P3',
      name: 'Medium',
      colour: AMBER,
      description: 'Minor functionality issues, e.g. non-critical feature unavailable, intermittent errors',
      responseTargetMinutes: 240,
      updateCadenceMinutes: null,
      escalation: [{ afterMinutes: 240, notify: 'Secondary on-call' }],
      resolutionTargetMinutes: 240,
      postmortemDueHours: null,
    },
    {
      id: 'P4',
      name: 'Low',
      colour: BLUE,
      description: 'Non-impacting anomalies, e.g. cosmetic issues, minor performance anomalies',
      responseTargetMinutes: 1440,
      updateCadenceMinutes: null,
      escalation: [{ afterMinutes: 1440, notify: 'Secondary on-call' }],
      resolutionTargetMinutes: 10080,
      postmortemDueHours: null,
    },
  ],
});

export const BUILT_IN_SCHEMES: readonly SeverityScheme[] = [P0_P3_SCHEME, P1_P4_SCHEME];

/** Lower rank = more severe (the index); an unknown id (from another scheme) ranks last. */
export function severityRank(id: string, scheme: SeverityScheme): number {
  const index = scheme.levels.findIndex((level) => level.id === id);
  return index === -1 ? scheme.levels.length : index;
}

/** The level with this id, or undefined when the scheme has none (an incident graded under another scheme). */
export function levelOf(id: string, scheme: SeverityScheme): SeverityLevelConfig | undefined {
  return scheme.levels.find((level) => level.id === id);
}

/** The level with this id, else the least severe one: an unknown id ranks last, so it is treated as the lowest. */
export function levelOrLeast(id: string, scheme: SeverityScheme): SeverityLevelConfig {
  const level = levelOf(id, scheme) ?? scheme.levels[scheme.levels.length - 1];
  if (level === undefined) throw new Error(`Severity scheme ${scheme.id} has no levels`);
  return level;
}

/** A level's resolution target and post-mortem deadline, absent values taken from the plans. */
export interface LevelTargets {
  /** Resolve within this many minutes of detection; null: no target. */
  resolutionTargetMinutes: number | null;
  /** The post-mortem is due this many hours after resolution; null: none required. */
  postmortemDueHours: number | null;
}

/**
 * The level's resolution target and post-mortem deadline. A scheme saved before these existed
 * lacks them: an absent value is the built-in scheme's of the same id (the team edited a copy of
 * it), else the default scheme's, at the level's rank (the last level for lower ranks).
 */
export function levelTargets(id: string, scheme: SeverityScheme): LevelTargets {
  const level = levelOrLeast(id, scheme);
  const defaults = BUILT_IN_SCHEMES.find((s) => s.id === scheme.id) ?? P0_P3_SCHEME;
  const fallback = defaults.levels[Math.min(scheme.levels.indexOf(level), defaults.levels.length - 1)]!;
  return {
    resolutionTargetMinutes: level.resolutionTargetMinutes !== undefined ? level.resolutionTargetMinutes : (fallback.resolutionTargetMinutes ?? null),
    postmortemDueHours: level.postmortemDueHours !== undefined ? level.postmortemDueHours : (fallback.postmortemDueHours ?? null),
  };
}

/**
 * The same rank in the other scheme: P0 in P0–P3 → P1 in P1–P4, P3 → P4, and back.
 * When the target has fewer levels, ranks past its end collapse onto its least severe level,
 * so the most severe levels (the ones that page people) always keep their meaning.
 * An unknown id maps to the least severe level, as it sorts last everywhere else; the caller
 * shows the result for confirmation rather than trusting a guess.
 */
export function mapSeverity(id: string, from: SeverityScheme, to: SeverityScheme): string {
  const target = to.levels[Math.min(severityRank(id, from), to.levels.length - 1)];
  if (target === undefined) throw new Error(`Severity scheme ${to.id} has no levels`);
  return target.id;
}
