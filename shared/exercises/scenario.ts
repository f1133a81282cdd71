/**
 * Tabletop-exercise scenarios (issue 8): a briefing, the roles to fill, timed injects the
 * facilitator's clock delivers (clock.ts), and the actions the team is expected to take, which
 * score.ts checks against what the team did. Plan A §8.2 in docs/response-plans.md ("Tabletop exercises: Monthly",
 * "Scenario Examples") is where they come from; builtins.ts holds the plans' scenarios.
 */
import { z } from 'zod';
import { IncidentType, Phase, Role } from '../domain/incident.ts';
import { SeverityId } from '../domain/severity.ts';

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const Id = z.string().regex(ID, 'an id of lower-case letters, digits and dashes, such as db-pool-1');
/** One line of text: Markdown list items hold it, so no line breaks. */
const OneLine = z
  .string()
  .trim()
  .min(1, 'text is required')
  .max(500, 'text is at most 500 characters')
  .refine((text) => !/[\r\n]/.test(text), 'text must be a single line');

export const INJECT_KINDS = ['alert', 'fact', 'customer', 'executive', 'other'] as const;
export const InjectKind = z.enum(INJECT_KINDS);
export type InjectKind = z.infer<typeof InjectKind>;

export const Inject = z
  .object({
    id: Id,
    /** Whole minutes of scenario time after the start. */
    at: z.number().int('at must be a whole number of minutes').min(0, 'at must be 0 or more minutes').max(7 * 24 * 60, 'at must be at most a week'),
    kind: InjectKind,
    text: OneLine,
    /** The severity this inject raises (or lowers) the incident to. */
    severity: SeverityId.optional(),
  })
  .strict();
export type Inject = z.infer<typeof Inject>;

export const ExpectedCheck = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status-update-within'), minutes: z.number().int('minutes must be whole').min(1, 'minutes must be at least 1') }).strict(),
  z.object({ kind: z.literal('checklist-started'), runbook: Id.optional() }).strict(),
  z.object({ kind: z.literal('role-assigned'), role: Role }).strict(),
  z.object({ kind: z.literal('severity-set'), severity: SeverityId }).strict(),
  z.object({ kind: z.literal('phase-reached'), phase: Phase }).strict(),
  z.object({ kind: z.literal('manual') }).strict(),
]);
export type ExpectedCheck = z.infer<typeof ExpectedCheck>;

export const ExpectedAction = z.object({ id: Id, text: OneLine, check: ExpectedCheck }).strict();
export type ExpectedAction = z.infer<typeof ExpectedAction>;

const isMinute = (n: number): boolean => Number.isInteger(n) && n >= 0;

/** A line the Markdown format would read as a section or title heading. */
const HEADING_LINE = /^ {0,3}#{1,2}(?:[ \t]|$)/m;

export const Scenario = z
  .object({
    id: Id,
    title: OneLine,
    /** Markdown, shown to the players at the start. */
    briefing: z
      .string()
      .trim()
      .min(1, 'a briefing is required')
      .max(10_000, 'a briefing is at most 10000 characters')
      .refine((text) => !HEADING_LINE.test(text), 'the briefing must not contain # or ## headings (use ### and below)'),
    type: IncidentType,
    /** The severity the exercise incident is declared at. */
    severity: SeverityId,
    roles: z.array(Role).min(1, 'at least one role to fill'),
    injects: z.array(Inject).min(1, 'at least one inject'),
    expected: z.array(ExpectedAction).min(1, 'at least one expected action'),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    const seen = new Set<string>();
    scenario.roles.forEach((role, i) => {
      if (seen.has(role)) ctx.addIssue({ code: 'custom', path: ['roles', i], message: `role ${role} is listed twice` });
      seen.add(role);
    });
    scenario.injects.forEach((inject, i) => {
      const before = scenario.injects[i - 1];
      if (before && isMinute(before.at) && isMinute(inject.at) && inject.at < before.at) {
        ctx.addIssue({ code: 'custom', path: ['injects', i, 'at'], message: `injects must be in time order: T+${inject.at} comes after T+${before.at}` });
      }
    });
    for (const [key, list] of [['injects', scenario.injects], ['expected', scenario.expected]] as const) {
      const ids = new Set<string>();
      list.forEach((item, i) => {
        if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `id ${item.id} is used twice` });
        ids.add(item.id);
      });
    }
  });
export type Scenario = z.infer<typeof Scenario>;

/** The ids the Markdown format gives by position (`inject-1`, `expect-1`); others are written as `{#id}`. */
export const injectIdAt = (index: number): string => `inject-${index + 1}`;
export const expectedIdAt = (index: number): string => `expect-${index + 1}`;
