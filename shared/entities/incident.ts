import { z } from 'zod';
import { DeclareIncident, INCIDENT_DEFAULTS, type IncidentFields, Role, SettableIncidentFields } from '../domain/incident.ts';
import { refBelongsTo } from '../domain/incidentRef.ts';
import { AudienceId } from '../comms/audience.ts';
import { Logistics, LOGISTICS_FIELDS, NO_LOGISTICS, type LogisticsField } from '../domain/logistics.ts';
import { TeamRole } from '../contacts/teamRoles.ts';
import { IsoTime } from '../ops/ids.ts';
import { currentValue, insertSorted, latestHlc, writeFields, type Register, type Registers, type Stamp } from '../state/register.ts';
import { byIncident, defineEntity, kind } from '../state/registry.ts';

/** The merged state of one incident: one register per field, plus who declared it. */
export interface IncidentDoc {
  table: 'incidents';
  key: string;
  declared: readonly Stamp[];
  fields: Registers<IncidentFields>;
  roles: Partial<Record<Role, Register<string | null>>>;
  /** Team-defined roles by id; each register holds the role's name as assigned, and the person (absent in docs materialized before team roles existed). */
  teamRoles?: Readonly<Record<string, Register<TeamRoleHolder | null>>>;
  /** When an update was last posted to each audience of the communications plan, by audience id (absent in older docs). */
  audienceUpdates?: Readonly<Record<string, Register<string>>>;
  /** The bridge, chat channel and room, one register each (absent in older docs). */
  logistics?: Readonly<Partial<Record<LogisticsField, Register<string>>>>;
}

/** Who holds a team role, with the role's name as it was when assigned (it may since be renamed or removed). */
export interface TeamRoleHolder {
  name: string;
  person: string;
}

export interface IncidentView extends IncidentFields {
  id: string;
  declaredBy: string;
  /** Who holds each response role now; absent roles are unassigned. */
  roles: Partial<Record<Role, string>>;
  /** Who holds each team-defined role now, by role id (optional so views built before team roles stay valid). */
  teamRoles?: Readonly<Record<string, TeamRoleHolder>>;
  /** When an update was last posted to each audience (ISO), by audience id: what each audience's cadence counts from (optional so views built before audiences stay valid). */
  audienceUpdates?: Readonly<Record<string, string>>;
  /** The war room's bridge, chat channel and room ('' when not set; optional so views built before logistics stay valid). */
  logistics?: Logistics;
  /** The last change to any field: what "updated" means on the board. */
  updatedHlc: string;
}

/** Materialized incident: the merged doc plus its view, flattened for the board. */
export interface IncidentRow {
  key: string;
  /** 1 once the declaration has arrived; 0 while only later edits are known. */
  live: 0 | 1;
  doc: IncidentDoc;
  view: IncidentView | null;
}

/** The incident as the UI sees it; null until its declaration has arrived. */
export function incidentView(doc: IncidentDoc): IncidentView | null {
  const declared = doc.declared[0];
  if (!declared) return null;
  const values: Record<string, unknown> = { ...INCIDENT_DEFAULTS };
  for (const [name, register] of Object.entries(doc.fields) as [string, Register<unknown>][]) values[name] = currentValue(register);
  const roles: Partial<Record<Role, string>> = {};
  for (const [role, register] of Object.entries(doc.roles) as [Role, Register<string | null>][]) {
    const person = currentValue(register);
    if (person) roles[role] = person;
  }
  const teamRoles: Record<string, TeamRoleHolder> = {};
  for (const [role, register] of Object.entries(doc.teamRoles ?? {})) {
    const holder = currentValue(register);
    if (holder) teamRoles[role] = holder;
  }
  const audienceUpdates: Record<string, string> = {};
  for (const [audience, register] of Object.entries(doc.audienceUpdates ?? {})) {
    const at = currentValue(register);
    if (at) audienceUpdates[audience] = at;
  }
  const logistics: Logistics = { ...NO_LOGISTICS };
  for (const field of LOGISTICS_FIELDS) logistics[field] = currentValue(doc.logistics?.[field]) ?? '';
  const updatedHlc = latestHlc(declared.hlc, [
    ...Object.values(doc.fields),
    ...Object.values(doc.roles),
    ...Object.values(doc.teamRoles ?? {}),
    ...Object.values(doc.audienceUpdates ?? {}),
    ...Object.values(doc.logistics ?? {}),
  ] as Register<unknown>[]);
  return { ...(values as unknown as IncidentFields), id: doc.key, declaredBy: declared.actor, roles, teamRoles, audienceUpdates, logistics, updatedHlc };
}

/** Everyone holding a role on the incident, built-in or the team's own (a person once, however many roles). */
export function roleHolders(incident: Pick<IncidentView, 'roles' | 'teamRoles'>): string[] {
  const people = [...Object.values(incident.roles), ...Object.values(incident.teamRoles ?? {}).map((holder) => holder.person)];
  return [...new Set(people.filter((person): person is string => !!person))];
}

/** How many roles are held on the incident, built-in and team roles together. */
export function heldRoleCount(incident: Pick<IncidentView, 'roles' | 'teamRoles'>): number {
  return Object.keys(incident.roles).length + Object.keys(incident.teamRoles ?? {}).length;
}

const incidentKind = kind<IncidentDoc>();

/** A readable id in another laptop's name is dropped (the rest of the declaration stands). */
function declaredFields(data: DeclareIncident, device: string): DeclareIncident {
  if (data.ref == null || refBelongsTo(data.ref, device)) return data;
  const { ref: _dropped, ...rest } = data;
  return rest;
}

export const incidents = defineEntity({
  table: 'incidents',
  scope: 'incident',
  store: { indexes: 'key, live', since: 1 },
  kinds: {
    'incident.declare': incidentKind(DeclareIncident, {
      key: byIncident,
      reduce: (doc, op, stamp) => ({ ...doc, declared: insertSorted(doc.declared, stamp), fields: writeFields(doc.fields, declaredFields(op.data, op.device), stamp) }),
    }),
    'incident.set': incidentKind(z.object({ fields: SettableIncidentFields.refine((f) => Object.keys(f).length > 0, 'nothing to set') }).strict(), {
      key: byIncident,
      reduce: (doc, op, stamp) => ({ ...doc, fields: writeFields(doc.fields, op.data.fields, stamp) }),
    }),
    /** Assign a response role (null: unassigned); each role is its own register, so handoffs merge. */
    'incident.assign': incidentKind(z.object({ role: Role, person: z.string().trim().min(1).max(100).nullable() }).strict(), {
      key: byIncident,
      reduce: (doc, op, stamp) => ({ ...doc, roles: { ...doc.roles, [op.data.role]: insertSorted(doc.roles[op.data.role], { ...stamp, value: op.data.person }) } }),
    }),
    /**
     * Assign a team-defined role (person null: unassigned). A kind of its own, not a wider
     * `incident.assign`: an older War Room keeps an unknown kind pending until it upgrades, where
     * a role outside its enum would make the op invalid.
     */
    'incident.assign-team-role': incidentKind(
      z.object({ role: TeamRole.shape.id, name: TeamRole.shape.name, person: z.string().trim().min(1).max(100).nullable() }).strict(),
      {
        key: byIncident,
        reduce(doc, op, stamp) {
          const teamRoles = doc.teamRoles ?? {};
          const register = Object.hasOwn(teamRoles, op.data.role) ? teamRoles[op.data.role] : undefined;
          const value = op.data.person === null ? null : { name: op.data.name, person: op.data.person };
          return { ...doc, teamRoles: { ...teamRoles, [op.data.role]: insertSorted(register, { ...stamp, value }) } };
        },
      },
    ),
    /**
     * An update was posted to one audience at `at`: each audience's cadence counts from its own
     * last update. One register per audience, so two laptops posting to two audiences both count.
     */
    'incident.audience-update': incidentKind(z.object({ audience: AudienceId, at: IsoTime }).strict(), {
      key: byIncident,
      reduce(doc, op, stamp) {
        const updates = doc.audienceUpdates ?? {};
        const register = Object.hasOwn(updates, op.data.audience) ? updates[op.data.audience] : undefined;
        return { ...doc, audienceUpdates: { ...updates, [op.data.audience]: insertSorted(register, { ...stamp, value: op.data.at }) } };
      },
    }),
    /** The war room's bridge, chat channel and room: each set field is its own register, so two laptops editing two fields both count. */
    'incident.logistics': incidentKind(z.object({ fields: Logistics.partial().refine((f) => Object.keys(f).length > 0, 'nothing to set') }).strict(), {
      key: byIncident,
      reduce(doc, op, stamp) {
        const logistics: Partial<Record<LogisticsField, Register<string>>> = { ...doc.logistics };
        for (const field of LOGISTICS_FIELDS) {
          const value = op.data.fields[field];
          if (value !== undefined) logistics[field] = insertSorted(logistics[field], { ...stamp, value });
        }
        return { ...doc, logistics };
      },
    }),
  },
  empty: (key): IncidentDoc => ({ table: 'incidents', key, declared: [], fields: {}, roles: {}, teamRoles: {}, audienceUpdates: {} }),
  row(doc): IncidentRow {
    const view = incidentView(doc);
    return { key: doc.key, live: view ? 1 : 0, doc, view };
  },
});
