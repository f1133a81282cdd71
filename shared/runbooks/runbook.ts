import { z } from 'zod';
import { IncidentType, Phase, Role } from '../domain/incident.ts';
import { TeamRole } from '../contacts/teamRoles.ts';

/**
 * A runbook: a checklist per response phase, written by people in Markdown (parse.ts) and
 * snapshotted into the `checklist.start` op when it runs, so every laptop runs the same items
 * even if someone later edits the runbook.
 */
export const RunbookItem = z
  .object({
    /** Stable within the runbook: `<phase>-<n>` or a slug; what check/skip ops name. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an item id is 1–64 characters of a–z, 0–9, -'),
    text: z.string().trim().min(1, 'an item needs text').max(500),
    /** Who usually does it (optional). */
    role: Role.optional(),
    /** Or a team-defined role, by id with its name as written (an older War Room holds such a run pending). */
    teamRole: z.object({ id: TeamRole.shape.id, name: TeamRole.shape.name }).strict().optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .refine((item) => item.role === undefined || item.teamRole === undefined, 'an item names one role');
export type RunbookItem = z.infer<typeof RunbookItem>;

export const RunbookPhase = z
  .object({
    phase: Phase,
    items: z.array(RunbookItem).min(1, 'a phase needs at least one item').max(200),
  })
  .strict();
export type RunbookPhase = z.infer<typeof RunbookPhase>;

/**
 * The runbook as a `checklist.start` op stores it. Frozen: ops written today must still parse in
 * every later version, so new rules for authoring go on `Runbook` below, never here.
 */
export const RunbookSnapshot = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'a runbook id is 2–64 characters of a–z, 0–9, -'),
    title: z.string().trim().min(1, 'a runbook needs a title').max(200),
    /** Which incidents it is offered for; empty = every type / every severity. */
    types: z.array(IncidentType).max(10),
    severities: z.array(z.string().min(1).max(20)).max(10),
    phases: z.array(RunbookPhase).min(1, 'a runbook needs at least one phase').max(12),
  })
  .strict();

/** A runbook as written and saved: the snapshot's shape, plus rules a person should hear about. */
export const Runbook = RunbookSnapshot
  .superRefine((runbook, ctx) => {
    const seen = new Set<string>();
    runbook.phases.forEach((phase, p) =>
      phase.items.forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['phases', p, 'items', i, 'id'], message: `item id ${item.id} is used twice` });
        seen.add(item.id);
      }),
    );
    const phases = runbook.phases.map((p) => p.phase);
    if (new Set(phases).size !== phases.length) ctx.addIssue({ code: 'custom', path: ['phases'], message: 'each phase may appear once' });
  });
export type Runbook = z.infer<typeof Runbook>;
