import { z } from 'zod';

/**
 * The on-call roster: who is primary and secondary each week. A week runs from its handoff
 * (its start date at the handoff time, UTC) for exactly seven days; the plans hand off every
 * Monday at 09:00 UTC (docs/response-plans.md#on-call-roster).
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

const Person = z.string().trim().max(100).refine((s) => !/[\r\n]/.test(s), 'one line only');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');

export const RosterWeek = z
  .object({
    /** The date of the week's handoff day. */
    start: IsoDate,
    primary: Person.pipe(z.string().min(1, 'a week needs a primary on-call')),
    /** '' when there is none. */
    secondary: Person,
  })
  .strict();
export type RosterWeek = z.infer<typeof RosterWeek>;

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export const Roster = z
  .object({
    /** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
    handoffDay: z.number().int().min(0).max(6),
    /** HH:MM, UTC. */
    handoffTime: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'a handoff time is HH:MM (UTC)'),
    weeks: z.array(RosterWeek).max(520),
  })
  .strict()
  .superRefine((roster, ctx) => {
    const seen = new Set<string>();
    roster.weeks.forEach((week, index) => {
      if (seen.has(week.start)) ctx.addIssue({ code: 'custom', path: ['weeks', index, 'start'], message: `the week of ${week.start} is there twice` });
      seen.add(week.start);
      const day = new Date(`${week.start}T00:00:00Z`).getUTCDay();
      if (day !== roster.handoffDay) ctx.addIssue({ code: 'custom', path: ['weeks', index, 'start'], message: `${week.start} is a ${WEEKDAYS[day] ?? '?'}: weeks start on ${WEEKDAYS[roster.handoffDay]}` });
    });
  });
export type Roster = z.infer<typeof Roster>;

/** Plan B "Incident Response Team": "Handoff: Every Monday at 9 AM UTC". */
export const DEFAULT_ROSTER: Roster = { handoffDay: 1, handoffTime: '09:00', weeks: [] };

export interface OnCall {
  primary: string;
  secondary: string;
  /** The handoffs that open and close this week (epoch ms). */
  from: number;
  until: number;
}

/** When a week of the roster begins (epoch ms). */
export function weekBegins(roster: Pick<Roster, 'handoffTime'>, start: string): number {
  return Date.parse(`${start}T${roster.handoffTime}:00.000Z`);
}

/** Who is on call at instant `at` (epoch ms), or null when the roster has no week for it. */
export function onCallAt(roster: Roster, at: number): OnCall | null {
  for (const week of roster.weeks) {
    const from = weekBegins(roster, week.start);
    if (from <= at && at < from + WEEK_MS) return { primary: week.primary, secondary: week.secondary, from, until: from + WEEK_MS };
  }
  return null;
}

/** The start date of the roster week that contains `at`: the last handoff at or before it. */
export function weekStartOf(roster: Pick<Roster, 'handoffDay' | 'handoffTime'>, at: number): string {
  const day = new Date(at);
  const back = (day.getUTCDay() - roster.handoffDay + 7) % 7;
  let start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) - back * DAY_MS).toISOString().slice(0, 10);
  if (weekBegins(roster, start) > at) start = new Date(Date.parse(`${start}T00:00:00Z`) - WEEK_MS).toISOString().slice(0, 10);
  return start;
}

/** The roster with `week` put in (replacing the same start), sorted by start. */
export function withWeek(roster: Roster, week: RosterWeek): Roster {
  const weeks = [...roster.weeks.filter((w) => w.start !== week.start), week].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return { ...roster, weeks };
}
