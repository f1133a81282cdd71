import { z } from 'zod';
import { EntryFields } from '../domain/entry.ts';
import { RecordId } from '../domain/ids.ts';
import { DeclareIncident, IncidentFields, Role } from '../domain/incident.ts';
import { SeverityScheme } from '../domain/severityScheme.ts';

/**
 * One zod schema per op kind (`<entity>.<verb>`, FORMAT.md). A kind this table does not know
 * comes from a newer app: it is kept pending, never dropped (DESIGN.md §3).
 */
export const opKinds = {
  'incident.declare': DeclareIncident,
  'incident.set': z.object({ fields: IncidentFields.partial().refine((f) => Object.keys(f).length > 0, 'nothing to set') }).strict(),
  /** Assign a response role (null: unassigned); each role is its own register, so handoffs merge. */
  'incident.assign': z.object({ role: Role, person: z.string().trim().min(1).max(100).nullable() }).strict(),
  /** Team-wide (incident null): the severity scheme every laptop uses. */
  'settings.severity-scheme': z.object({ scheme: SeverityScheme }).strict(),
  'entry.add': z.object({ entry: RecordId, fields: EntryFields }).strict(),
  'entry.edit': z
    .object({
      entry: RecordId,
      fields: EntryFields.partial().refine((f) => Object.keys(f).length > 0, 'nothing to edit'),
    })
    .strict(),
  'entry.strike': z.object({ entry: RecordId, reason: z.string().max(500) }).strict(),
} as const;

export type OpKind = keyof typeof opKinds;
export type OpData<K extends OpKind> = z.infer<(typeof opKinds)[K]>;

export function isKnownKind(kind: string): kind is OpKind {
  return Object.hasOwn(opKinds, kind);
}

/** Ops about an incident or its timeline name it; team-wide settings (settings.*) carry null. */
export function kindNeedsIncident(kind: OpKind): boolean {
  return kind.startsWith('incident.') || kind.startsWith('entry.');
}
