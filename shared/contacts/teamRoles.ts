import { z } from 'zod';
import { ROLES, type Role } from '../domain/incident.ts';
import { roleFromName } from '../runbooks/format.ts';
import { normalizeName } from '../util/normalizeName.ts';

/**
 * Roles a team adds beside the built-in ones (on-call engineer, database administrator, legal…).
 * A team role's id is its name normalised ("Database administrator" → `database-administrator`);
 * it may not be a built-in role or one of their names, so a name always means one role.
 */
export const TeamRoleId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'a role id is 1–60 characters of a–z, 0–9, -');

export const TeamRole = z
  .object({
    id: TeamRoleId,
    name: z.string().trim().min(1, 'a role needs a name').max(60).refine((s) => !/[\r\n]/.test(s), 'one line only'),
    /** What the role does, shown beside it. */
    description: z.string().trim().max(500),
  })
  .strict();
export type TeamRole = z.infer<typeof TeamRole>;

export const TeamRoles = z
  .array(TeamRole)
  .max(50, 'at most 50 team roles')
  .superRefine((roles, ctx) => {
    const seen = new Set<string>();
    roles.forEach((role, index) => {
      if (normalizeName(role.name) !== role.id) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `the id of "${role.name}" is ${normalizeName(role.name) || '(none)'}` });
      if (roleFromName(role.name) !== null) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `"${role.name}" is a built-in role` });
      if (seen.has(role.id)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `"${role.name}" is there twice` });
      seen.add(role.id);
    });
  });
export type TeamRoles = z.infer<typeof TeamRoles>;

/** A role of either kind, as the UI and lookups pass it around. */
export type AnyRole = { builtin: Role } | { team: TeamRole };

/** The role a name means (a built-in's id or name or alias, or a team role's name or id), or null. */
export function resolveRole(name: string, teamRoles: readonly TeamRole[]): AnyRole | null {
  const builtin = roleFromName(name);
  if (builtin) return { builtin };
  const key = normalizeName(name);
  const team = teamRoles.find((role) => role.id === key);
  return team ? { team } : null;
}

/** A stable key for either kind: the built-in id, or `team:<id>` (they never collide). */
export function roleKey(role: AnyRole): string {
  return 'builtin' in role ? role.builtin : `team:${role.team.id}`;
}

/** Every role, built-in first, as keys. */
export function allRoleKeys(teamRoles: readonly TeamRole[]): string[] {
  return [...ROLES, ...teamRoles.map((role) => `team:${role.id}`)];
}

/** A team role from the name a person typed, validated against the roles already there. */
export function newTeamRole(name: string, description: string, existing: readonly TeamRole[]): { ok: true; roles: TeamRoles } | { ok: false; error: string } {
  const role = { id: normalizeName(name), name: name.trim(), description: description.trim() };
  const parsed = TeamRoles.safeParse([...existing, role]);
  if (parsed.success) return { ok: true, roles: parsed.data };
  return { ok: false, error: parsed.error.issues[0]?.message ?? 'not a valid role' };
}
