import { ContactFields, EMPTY_CONTACT } from '../../../shared/contacts/contact.ts';
import { contactsToCsv, parseContactsCsv, planContactsImport } from '../../../shared/contacts/contactsCsv.ts';
import { Roster, withWeek, type RosterWeek } from '../../../shared/contacts/roster.ts';
import { newTeamRole, TeamRoles, type TeamRole } from '../../../shared/contacts/teamRoles.ts';
import type { ContactView, OpIntent } from '../../../shared/entities/index.ts';
import { describeZodError } from '../../../shared/util/zodError.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { commitAll } from '../../db/commit.ts';
import { getRoster, getTeamRoles, listContacts } from '../../db/contactQueries.ts';
import { newRecordId } from '../../db/device.ts';

/**
 * Import a contacts CSV: the file is checked whole first, then every new and changed contact is
 * committed in one transaction, so a refused or failed import changes nothing.
 */
export async function importContactsCsv(db: WarRoomDb, text: string, actor: string): Promise<{ ok: true; summary: string } | { ok: false; error: string }> {
  const parsed = parseContactsCsv(text);
  if (!parsed.ok) return { ok: false, error: `Line ${parsed.line}: ${parsed.error}. Nothing was imported.` };
  const plan = planContactsImport(parsed.contacts, await listContacts(db));
  const intents: OpIntent[] = [
    ...plan.create.map((c): OpIntent => ({ actor, incident: null, kind: 'contact.create', data: { contact: c.id ?? newRecordId('con'), fields: c.fields } })),
    ...plan.update.map((c): OpIntent => ({ actor, incident: null, kind: 'contact.set', data: { contact: c.id, fields: c.fields } })),
  ];
  if (intents.length > 0) await commitAll(db, intents);
  return { ok: true, summary: `Imported: ${plan.create.length} new, ${plan.update.length} updated, ${plan.unchanged} unchanged.` };
}

export async function exportContactsCsv(db: WarRoomDb): Promise<string> {
  return contactsToCsv(await listContacts(db));
}

/** A new contact typed in the screen; roles as a `;`-separated list. */
export async function addContact(db: WarRoomDb, actor: string, fields: Pick<ContactFields, 'kind' | 'name' | 'phone' | 'email' | 'chat'> & { roles: string }): Promise<void> {
  const roles = fields.roles.split(';').map((r) => r.trim()).filter((r) => r !== '');
  const valid = ContactFields.safeParse({ ...EMPTY_CONTACT, ...fields, roles });
  if (!valid.success) throw new Error(describeZodError(valid.error));
  await commitAll(db, [{ actor, incident: null, kind: 'contact.create', data: { contact: newRecordId('con'), fields: valid.data } }]);
}

export async function removeContact(db: WarRoomDb, actor: string, contact: ContactView): Promise<void> {
  await commitAll(db, [{ actor, incident: null, kind: 'contact.set', data: { contact: contact.id, fields: { removed: true } } }]);
}

/** Add a team role; the error says why a name cannot be one (a built-in, a duplicate). */
export async function addTeamRole(db: WarRoomDb, actor: string, name: string, description: string): Promise<string | null> {
  const next = newTeamRole(name, description, await getTeamRoles(db));
  if (!next.ok) return next.error;
  await commitAll(db, [{ actor, incident: null, kind: 'settings.team-roles', data: { roles: next.roles } }]);
  return null;
}

export async function removeTeamRole(db: WarRoomDb, actor: string, role: TeamRole): Promise<void> {
  const roles = TeamRoles.parse((await getTeamRoles(db)).filter((r) => r.id !== role.id));
  await commitAll(db, [{ actor, incident: null, kind: 'settings.team-roles', data: { roles } }]);
}

/** Put a week into the roster (replacing that week); the error names what is wrong. */
export async function saveRosterWeek(db: WarRoomDb, actor: string, week: RosterWeek): Promise<string | null> {
  const parsed = Roster.safeParse(withWeek(await getRoster(db), week));
  if (!parsed.success) return describeZodError(parsed.error);
  await commitAll(db, [{ actor, incident: null, kind: 'settings.oncall-roster', data: { roster: parsed.data } }]);
  return null;
}

export async function removeRosterWeek(db: WarRoomDb, actor: string, start: string): Promise<void> {
  const roster = await getRoster(db);
  await commitAll(db, [{ actor, incident: null, kind: 'settings.oncall-roster', data: { roster: { ...roster, weeks: roster.weeks.filter((w) => w.start !== start) } } }]);
}
