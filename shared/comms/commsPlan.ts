/**
 * The communications plan: per severity level, who is told (the audiences), how often, where and
 * with which template. The plans run separate cadences per audience (Plan B "Step 6:
 * Communication": stakeholders every 15 minutes, users every 30 minutes at P0/P1), so one
 * update clock per incident is not enough.
 *
 * A plan is team data, edited in Settings and synced, so it is validated here with messages a
 * person can act on: every value check names the level and the audience ("Level P0, audience
 * customers: cadenceMinutes must be …"). Template ids name status templates (built-in or the
 * team's); whether one exists is judged where templates are known, when an update is composed.
 */
import { z } from 'zod';
import { MAX_LEVELS, type SeverityScheme } from '../domain/severity.ts';
import { issuePath } from '../util/zodError.ts';
import { AudienceId, type PostedAudience } from './audience.ts';

export const MAX_AUDIENCES = 8;
const SEVERITY_ID = /^[A-Z0-9]{1,8}$/;
const TEMPLATE_ID = /^[a-z0-9][a-z0-9-]{0,59}$/;
const MAX_CADENCE_MINUTES = 10_080;

/** The three messages an audience gets: the initial notification, each update, the resolution notice. */
export const STAGES = ['initial', 'update', 'resolution'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Types only; every value check is in the level's refinement below, where the level id is
 * known for the message. Strict: a misspelt key is refused, never silently dropped.
 */
const AudienceShape = z
  .object({
    id: z.string(),
    name: z.string(),
    /** Minutes between updates; null = no fixed cadence; 'severity' = the severity scheme's cadence with the incident's override and snooze. */
    cadenceMinutes: z.union([z.number(), z.null(), z.literal('severity')]),
    /** Free text the team sets: "#incident chat channel", "Status page", "Executive email list"… */
    channel: z.string(),
    /** Public: the status page export takes only these. */
    customerFacing: z.boolean(),
    templates: z.object({ initial: z.string(), update: z.string(), resolution: z.string() }).strict(),
  })
  .strict();
export type PlanAudience = z.infer<typeof AudienceShape>;

const oneLine = (s: string): boolean => !/[\r\n]/.test(s);

export const CommsPlan = z
  .object({ levels: z.record(z.string(), z.array(AudienceShape)) })
  .strict()
  .superRefine((plan, ctx) => {
    const count = Object.keys(plan.levels).length;
    if (count > MAX_LEVELS) ctx.addIssue({ code: 'custom', path: ['levels'], message: `A plan has at most ${MAX_LEVELS} levels, like a severity scheme (has ${count})` });
    for (const [level, audiences] of Object.entries(plan.levels)) {
      const problem = (path: (string | number)[], message: string): void => {
        ctx.addIssue({ code: 'custom', path: ['levels', level, ...path], message });
      };
      if (!SEVERITY_ID.test(level)) problem([], `Level ${JSON.stringify(level.slice(0, 20))}: a severity id is 1–8 capital letters or digits, such as P0`);
      if (audiences.length === 0) problem([], `Level ${level}: needs at least one audience (leave the level out to use the severity cadence)`);
      if (audiences.length > MAX_AUDIENCES) problem([], `Level ${level}: at most ${MAX_AUDIENCES} audiences (has ${audiences.length})`);
      const seen = new Set<string>();
      audiences.forEach((audience, i) => {
        const where = `Level ${level}, audience ${AudienceId.safeParse(audience.id).success ? audience.id : `#${i + 1}`}`;
        const bad = (field: string, message: string): void => problem([i, field], `${where}: ${message}`);
        if (!AudienceId.safeParse(audience.id).success) bad('id', `id must be 1–40 characters of a–z, 0–9, -, such as customers (got ${JSON.stringify(audience.id.slice(0, 50))})`);
        else if (seen.has(audience.id)) bad('id', 'id is used twice in this level; ids must be unique');
        seen.add(audience.id);
        const name = audience.name.trim();
        if (name === '' || name.length > 100 || !oneLine(name)) bad('name', 'name must be one line of 1–100 characters, such as "Customers"');
        const cadence = audience.cadenceMinutes;
        if (typeof cadence === 'number' && !(Number.isInteger(cadence) && cadence >= 1 && cadence <= MAX_CADENCE_MINUTES)) {
          bad('cadenceMinutes', `cadenceMinutes must be a whole number of minutes from 1 to ${MAX_CADENCE_MINUTES}, null for no fixed cadence, or "severity" (got ${cadence})`);
        }
        if (audience.channel.trim().length > 200 || !oneLine(audience.channel)) bad('channel', 'channel must be one line of at most 200 characters');
        for (const stage of STAGES) {
          const template = audience.templates[stage];
          if (!TEMPLATE_ID.test(template)) bad('templates', `templates.${stage} must be a template id such as customer-update (got ${JSON.stringify(template.slice(0, 60))})`);
        }
      });
    }
  });
export type CommsPlan = z.infer<typeof CommsPlan>;

/** A plan from a file, an editor or a sync target: the plan (trimmed), or one readable line per problem. */
export function validateCommsPlan(input: unknown): { ok: true; plan: CommsPlan } | { ok: false; problems: string[] } {
  const result = CommsPlan.safeParse(input);
  if (!result.success) {
    return { ok: false, problems: result.error.issues.map((issue) => (issue.code === 'custom' ? issue.message : `${pathLabel(issue.path)}: ${issue.message}`)) };
  }
  const levels: CommsPlan['levels'] = {};
  for (const [level, audiences] of Object.entries(result.data.levels)) {
    levels[level] = audiences.map((a) => ({ ...a, name: a.name.trim(), channel: a.channel.trim() }));
  }
  return { ok: true, plan: { levels } };
}

/** A type problem (a string where a number belongs) named by level and audience. */
function pathLabel(path: readonly PropertyKey[]): string {
  const [top, level, index, ...rest] = path;
  if (top !== 'levels' || typeof level !== 'string') return issuePath(path, 'plan');
  if (typeof index !== 'number') return `Level ${level}`;
  return `Level ${level}, audience #${index + 1}${rest.length > 0 ? ` ${issuePath(rest)}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Defaults (docs/response-plans.md#communications-plan)

const INTERNAL_TEMPLATES = { initial: 'initial', update: 'update', resolution: 'resolution' };

const stakeholders: PlanAudience = {
  id: 'stakeholders',
  name: 'Internal stakeholders',
  cadenceMinutes: 'severity',
  channel: '#incident chat channel',
  customerFacing: false,
  templates: INTERNAL_TEMPLATES,
};
const customers: PlanAudience = {
  id: 'customers',
  name: 'Customers',
  cadenceMinutes: 30,
  channel: 'Status page',
  customerFacing: true,
  templates: { initial: 'customer-initial', update: 'customer-update', resolution: 'customer-resolution' },
};
const executives: PlanAudience = {
  id: 'executives',
  name: 'Executives',
  cadenceMinutes: 60,
  channel: 'Executive email list',
  customerFacing: false,
  templates: { initial: 'initial', update: 'executive-update', resolution: 'resolution' },
};

/**
 * The default audiences by rank (most severe first); the default plan gives them to the
 * scheme's levels in order, so P0 of P0–P3 and P1 of P1–P4 get the same plan. Ranks past the
 * end have no entry: the one internal audience on the severity cadence.
 */
const DEFAULT_BY_RANK: readonly (readonly PlanAudience[])[] = [
  [stakeholders, customers, executives],
  [stakeholders, customers, executives],
];

/** The plan a team has until it saves its own, for its severity scheme. */
export function defaultCommsPlan(scheme: SeverityScheme): CommsPlan {
  const levels: CommsPlan['levels'] = {};
  scheme.levels.forEach((level, rank) => {
    const audiences = DEFAULT_BY_RANK[rank];
    if (audiences) levels[level.id] = audiences.map((a) => ({ ...a, templates: { ...a.templates } }));
  });
  return { levels };
}

/** A level with no plan entry: what War Room did before plans, one internal update on the severity cadence. */
export const FALLBACK_AUDIENCE: PlanAudience = { ...stakeholders, channel: '' };

/** The audiences of a level, in the plan's order; the fallback audience when the plan has none for it. */
export function levelAudiences(plan: CommsPlan, severity: string): readonly PlanAudience[] {
  const audiences = Object.hasOwn(plan.levels, severity) ? plan.levels[severity] : undefined;
  return audiences && audiences.length > 0 ? audiences : [FALLBACK_AUDIENCE];
}

/** What a posted update records of its audience (the plan may change later). */
export function postedAudience(audience: PlanAudience): PostedAudience {
  return { id: audience.id, name: audience.name, channel: audience.channel, customerFacing: audience.customerFacing };
}

/** Which message a template is for an audience: the stage it fills in the audience's plan, else the stage its id names. */
export function templateStage(templateId: string, audience: PlanAudience | null): Stage {
  const own = audience ? STAGES.find((stage) => audience.templates[stage] === templateId) : undefined;
  if (own) return own;
  if (templateId === 'initial' || templateId.endsWith('-initial')) return 'initial';
  if (templateId === 'resolution' || templateId.endsWith('-resolution')) return 'resolution';
  return 'update';
}
