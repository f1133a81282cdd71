import { z } from 'zod';
import { IsoTime } from './ids.ts';

export const INCIDENT_TYPES = ['availability', 'security', 'performance', 'data', 'infrastructure', 'application'] as const;
export const IncidentType = z.enum(INCIDENT_TYPES);
export type IncidentType = z.infer<typeof IncidentType>;

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'closed'] as const;
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const PHASES = ['detection', 'triage', 'containment', 'eradication', 'recovery', 'post-incident'] as const;
export const Phase = z.enum(PHASES);
export type Phase = z.infer<typeof Phase>;

/** Severity ids come from the (editable) severity scheme, so only their shape is fixed here. */
export const SeverityId = z.string().regex(/^[A-Z0-9]{1,8}$/, 'a severity id such as P0');

const Title = z.string().trim().min(1, 'a title is required').max(200, 'a title is at most 200 characters');
const Prose = z.string().max(10_000);

/**
 * Every field of an incident is a last-writer-wins register (DESIGN.md §2), so each one is
 * optional in an op: `incident.set` carries only what changed.
 */
export const IncidentFields = z
  .object({
    title: Title,
    severity: SeverityId,
    type: IncidentType,
    status: IncidentStatus,
    phase: Phase,
    exercise: z.boolean(),
    summary: Prose,
    impactUser: Prose,
    impactBusiness: Prose,
    impactTechnical: Prose,
    usersAffected: z.number().int().nonnegative().nullable(),
    detectedAt: IsoTime.nullable(),
    declaredAt: IsoTime,
    acknowledgedAt: IsoTime.nullable(),
    mitigatedAt: IsoTime.nullable(),
    resolvedAt: IsoTime.nullable(),
    closedAt: IsoTime.nullable(),
  })
  .strict();
export type IncidentFields = z.infer<typeof IncidentFields>;
export type IncidentField = keyof IncidentFields;

/** What a declaration must carry; the rest defaults. */
export const DeclareIncident = IncidentFields.partial().required({
  title: true,
  severity: true,
  type: true,
  declaredAt: true,
});
export type DeclareIncident = z.infer<typeof DeclareIncident>;

export const INCIDENT_DEFAULTS: Omit<IncidentFields, 'title' | 'severity' | 'type' | 'declaredAt'> = {
  status: 'investigating',
  phase: 'detection',
  exercise: false,
  summary: '',
  impactUser: '',
  impactBusiness: '',
  impactTechnical: '',
  usersAffected: null,
  detectedAt: null,
  acknowledgedAt: null,
  mitigatedAt: null,
  resolvedAt: null,
  closedAt: null,
};

export function isOpenStatus(status: IncidentStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}
