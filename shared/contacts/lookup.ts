import { normalizeName } from '../util/normalizeName.ts';
import type { ContactFields } from './contact.ts';
import { resolveRole, roleKey, type TeamRole } from './teamRoles.ts';

/**
 * Pure look-ups over the contacts directory, for the Contacts screen, the declare dialog and
 * escalation steps: who can fill a role, who a name is, how to reach them.
 */
export type Contact = ContactFields & { id: string };

const live = <C extends Contact>(contacts: readonly C[]) => contacts.filter((c) => !c.removed);

/** The role keys (roleKey) a contact's written roles resolve to; unknown names are skipped. */
export function contactRoleKeys(contact: Pick<Contact, 'roles'>, teamRoles: readonly TeamRole[]): string[] {
  return contact.roles.flatMap((name) => {
    const role = resolveRole(name, teamRoles);
    return role ? [roleKey(role)] : [];
  });
}

/** Contacts who can fill a role, given by its key (`incident-commander`, `team:dba`) or any of its names. */
export function contactsByRole<C extends Contact>(contacts: readonly C[], role: string, teamRoles: readonly TeamRole[]): C[] {
  const resolved = role.startsWith('team:') ? teamRoles.find((r) => `team:${r.id}` === role) : undefined;
  const key = resolved ? role : (() => {
    const found = resolveRole(role, teamRoles);
    return found ? roleKey(found) : null;
  })();
  if (key === null) return [];
  return live(contacts).filter((c) => contactRoleKeys(c, teamRoles).includes(key));
}

/** The contact a person's name means (case and punctuation aside), or null. */
export function contactByName<C extends Contact>(contacts: readonly C[], name: string): C | null {
  const key = normalizeName(name);
  if (key === '') return null;
  return live(contacts).find((c) => normalizeName(c.name) === key) ?? null;
}

/** Search by name, role (as written or any name of the role it means) or what a vendor provides. */
export function searchContacts<C extends Contact>(contacts: readonly C[], query: string, teamRoles: readonly TeamRole[]): C[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const asRole = query.trim() === '' ? null : resolveRole(query, teamRoles);
  const roleMatch = asRole ? roleKey(asRole) : null;
  return live(contacts).filter((c) => {
    if (roleMatch && contactRoleKeys(c, teamRoles).includes(roleMatch)) return true;
    const haystack = [c.name, ...c.roles, c.provides].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** How to reach someone, in the order a war room tries: "phone +1 555 0100 · email a@x.io · chat @ana". */
export function reachLine(contact: Pick<Contact, 'phone' | 'email' | 'chat' | 'supportUrl'>): string {
  const parts = [
    contact.phone && `phone ${contact.phone}`,
    contact.email && `email ${contact.email}`,
    contact.chat && `chat ${contact.chat}`,
    contact.supportUrl && `support ${contact.supportUrl}`,
  ].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(' · ') : 'no way to reach them recorded';
}

/**
 * Who may approve a disaster declaration (the plans: the CTO): the directory's people, those whose
 * roles name the CTO first (as written: "CTO", "Chief Technology Officer", "deputy CTO"), then the rest by name.
 */
export function approverCandidates<C extends Contact>(contacts: readonly C[]): C[] {
  const cto = (c: C) => c.roles.some((role) => /\bcto\b|chief technology officer/i.test(role));
  return live(contacts)
    .filter((c) => c.kind === 'person')
    .sort((a, b) => Number(cto(b)) - Number(cto(a)) || a.name.localeCompare(b.name));
}
