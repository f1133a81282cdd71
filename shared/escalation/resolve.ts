/**
 * From a step's "who" to people: names, and how to reach them, out of the contacts directory,
 * the incident's role holders and the on-call roster. What cannot be resolved stays visible as
 * the role with "(no contact in the directory)", never dropped: the reminder must still say who
 * to find.
 */
import { contactByName, contactsByRole, type Contact } from '../contacts/lookup.ts';
import { onCallAt, type Roster } from '../contacts/roster.ts';
import { resolveRole, type TeamRole } from '../contacts/teamRoles.ts';
import { normalizeName } from '../util/normalizeName.ts';
import type { Notify, Via } from './matrix.ts';

export const NO_CONTACT = '(no contact in the directory)';
const MAX_IN_LINE = 20;

export interface EscalationContext {
  contacts: readonly Contact[];
  teamRoles: readonly TeamRole[];
  roster: Roster;
  /** Who holds which role on the incident (IncidentView's roles and teamRoles). */
  incident: { roles: Partial<Record<string, string>>; teamRoles?: Partial<Record<string, { person: string }>> };
}

export interface ResolvedPerson {
  /** "Dana Lee (CTO)", or "CTO (no contact in the directory)". */
  label: string;
  /** The way the step asks for, as "phone +44 20 7946 0000"; null when the directory has none. */
  how: string | null;
  /** Every way the directory records, for the reminder ("phone … · email … · chat …"). */
  reach: string[];
}

const WAYS = ['phone', 'email', 'chat'] as const;

/** Every recorded way, in the order a war room tries them. */
function ways(contact: Contact): string[] {
  return WAYS.filter((w) => contact[w] !== '').map((w) => `${w} ${contact[w]}`);
}

/**
 * The way the step asks for; when the contact has none of that kind, the first way recorded
 * (a phone number found beats a chat handle nobody has), so the reminder still says how.
 */
function howFor(contact: Contact, via: Via): string | null {
  if (via !== 'preferred' && contact[via] !== '') return `${via} ${contact[via]}`;
  return ways(contact)[0] ?? null;
}

function person(contact: Contact, as: string, via: Via): ResolvedPerson {
  return { label: `${contact.name} (${as})`, how: howFor(contact, via), reach: ways(contact) };
}

const missing = (label: string): ResolvedPerson => ({ label: `${label} ${NO_CONTACT}`, how: null, reach: [] });

/** Who holds the role on the incident now, if it is a role an incident can hold. */
function holderOf(name: string, ctx: EscalationContext): string | null {
  const role = resolveRole(name, ctx.teamRoles);
  if (!role) return null;
  if ('builtin' in role) return ctx.incident.roles[role.builtin] ?? null;
  return ctx.incident.teamRoles?.[role.team.id]?.person ?? null;
}

/**
 * A role: the incident's holder of it when the directory knows that person, else every contact
 * who can fill it (a built-in or team role by any of its names; any other role, such as "CTO",
 * as people wrote it in the directory, case and punctuation aside).
 */
function byRole(name: string, via: Via, ctx: EscalationContext): ResolvedPerson[] {
  const holder = holderOf(name, ctx);
  const held = holder === null ? null : contactByName(ctx.contacts, holder);
  if (held) return [person(held, name, via)];
  const known = resolveRole(name, ctx.teamRoles) !== null;
  const key = normalizeName(name);
  const fillers = known ? contactsByRole(ctx.contacts, name, ctx.teamRoles) : ctx.contacts.filter((c) => !c.removed && c.roles.some((r) => normalizeName(r) === key));
  return fillers.length > 0 ? fillers.map((c) => person(c, name, via)) : [missing(name)];
}

/** Everyone a step brings in, in the order the step names them. */
export function resolveNotify(notify: readonly Notify[], ctx: EscalationContext, now: number): ResolvedPerson[] {
  return notify.flatMap((n): ResolvedPerson[] => {
    if ('role' in n) return byRole(n.role, n.via, ctx);
    if ('contact' in n) {
      const found = contactByName(ctx.contacts, n.contact);
      return [found ? { label: found.name, how: howFor(found, n.via), reach: ways(found) } : missing(n.contact)];
    }
    const as = `on-call ${n.onCall}`;
    const name = onCallAt(ctx.roster, now)?.[n.onCall] ?? '';
    if (name === '') return [missing(`On-call ${n.onCall}`)];
    const found = contactByName(ctx.contacts, name);
    return [found ? person(found, as, n.via) : missing(`${name} (${as})`)];
  });
}

/** The timeline line: "Escalated: Dana Lee (CTO), phone +44 20 7946 0000; CEO (no contact in the directory)". */
export function escalatedLine(people: readonly ResolvedPerson[]): string {
  // A role many contacts can fill must not make a line past the entry's 20 000 characters.
  const named = people.slice(0, MAX_IN_LINE).map((p) => (p.how === null ? p.label : `${p.label}, ${p.how}`));
  const more = people.length > MAX_IN_LINE ? `; and ${people.length - MAX_IN_LINE} more` : '';
  return `Escalated: ${named.join('; ')}${more}`;
}

/** Who a step names, before resolution, for the board and the editor: "CTO + on-call primary + Dana Lee". */
export function notifyLabel(notify: readonly Notify[]): string {
  return notify.map((n) => ('role' in n ? n.role : 'contact' in n ? n.contact : `on-call ${n.onCall}`)).join(' + ');
}
