import { z } from 'zod';
import { IsoTime } from '../ops/ids.ts';
import { IncidentRef } from './incidentRef.ts';
import { SeverityId } from './severity.ts';

export const INCIDENT_TYPES = ['availability', 'security', 'performance', 'data', 'infrastructure', 'application'] as const;
export const IncidentType = z.enum(INCIDENT_TYPES);
export type IncidentType = z.infer<typeof IncidentType>;

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'closed'] as const;
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const PHASES = ['detection', 'triage', 'containment', 'eradication', 'recovery', 'post-incident'] as const;
export const Phase = z.enum(PHASES);
export type Phase = z.infer<typeof Phase>;

const Title = z.string().trim().min(1, 'a title is required').max(200, 'a title is at most 200 characters');
const Prose = z.string().max(10_000);
const ServiceName = z.string().trim().min(1).max(100);
/** A line of a regulatory notice (authority, reference, how and whom): required once recorded. */
export const NoticeText = z.string().trim().min(1, 'cannot be blank').max(500, 'at most 500 characters');

/**
 * Every field of an incident is a last-writer-wins register (docs/architecture.md#data-path), so each one is
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
    /** When the last status update was posted: the cadence timer counts from here. */
    lastUpdateAt: IsoTime.nullable(),
    /** null: the severity's cadence; 'never': no fixed cadence; a number: minutes between updates. */
    cadenceOverride: z.union([z.literal('never'), z.number().int().min(1).max(7 * 24 * 60)]).nullable(),
    /** No update is due before this (a snooze, with its reason logged in the timeline). */
    snoozedUntil: IsoTime.nullable(),
    /** When the regulator was notified: stops the regulatory clock (e.g. the 72 h breach deadline). */
    regulatoryNotifiedAt: IsoTime.nullable(),
    /** Personal data involved, so the 72 h clock runs: a person's decision; null until someone decides. */
    regulated: z.boolean().nullable(),
    // Facts kept true during the response (incidentFacts.ts).
    /** The readable id (incidentRef.ts); set by the declaration only, never by `incident.set`. */
    ref: IncidentRef.nullable(),
    /** The ticket or correlation id in another system (a ticketing tool, a status page). */
    externalRef: z.string().trim().max(200),
    /** Share of users affected, in percent, when a count is not known (or both). */
    usersAffectedPercent: z.number().min(0).max(100).nullable(),
    /** Affected services, as named by the team. */
    services: z.array(ServiceName).max(50),
    // Response metrics: when the impact began, if anyone knows (time to detect runs from it).
    /** Impact began (the onset): recorded or corrected by a person, never guessed. */
    onsetAt: IsoTime.nullable(),
    // Regulatory notices and the post-mortem deadline (the board's clocks, shared/board/clocks.ts)
    /** Which authority was notified (with regulatoryNotifiedAt and regulatorReference). */
    regulatorAuthority: NoticeText.nullable(),
    /** The regulator's case or submission reference. */
    regulatorReference: NoticeText.nullable(),
    /** When the affected individuals were notified. */
    individualsNotifiedAt: IsoTime.nullable(),
    /** How and whom: "email to the 1,204 affected customers". */
    individualsNotifiedHow: NoticeText.nullable(),
    /** The notice's reference (message id, letter number). */
    individualsReference: NoticeText.nullable(),
    /** When the post-mortem was marked complete: stops its deadline clock; null while it is not. */
    postmortemCompletedAt: IsoTime.nullable(),
    // Disaster recovery (disaster.ts): the declaration, its approval, the objectives, the end
    /** When the disaster was declared: the RTO clock counts from here, not from the incident's start. */
    disasterDeclaredAt: IsoTime.nullable(),
    /** Who approved the declaration (the plans require the CTO or a designated deputy), as a name. */
    disasterApprovedBy: NoticeText.nullable(),
    /** Recovery time objective in minutes, fixed at the declaration (plans: 60). */
    disasterRtoMinutes: z.number().int().min(1).max(7 * 24 * 60).nullable(),
    /** Recovery point objective in minutes: the data loss accepted (plans: 5). */
    disasterRpoMinutes: z.number().int().min(0).max(7 * 24 * 60).nullable(),
    /** When core services were restored: stops the RTO clock. */
    disasterRestoredAt: IsoTime.nullable(),
    /** When the disaster was stood down, and why: also stops the RTO clock. */
    disasterStoodDownAt: IsoTime.nullable(),
    disasterStandDownReason: NoticeText.nullable(),
  })
  .strict();
export type IncidentFields = z.infer<typeof IncidentFields>;
export type IncidentField = keyof IncidentFields;

/** What `incident.set` may change: everything but the readable id, which only the declaration mints. */
export const SettableIncidentFields = IncidentFields.omit({ ref: true }).partial();
export type SettableIncidentFields = z.infer<typeof SettableIncidentFields>;

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
  lastUpdateAt: null,
  cadenceOverride: null,
  snoozedUntil: null,
  regulatoryNotifiedAt: null,
  regulated: null,
  ref: null,
  externalRef: '',
  usersAffectedPercent: null,
  services: [],
  // Response metrics
  onsetAt: null,
  // Regulatory notices and the post-mortem deadline
  regulatorAuthority: null,
  regulatorReference: null,
  individualsNotifiedAt: null,
  individualsNotifiedHow: null,
  individualsReference: null,
  postmortemCompletedAt: null,
  // Disaster recovery
  disasterDeclaredAt: null,
  disasterApprovedBy: null,
  disasterRtoMinutes: null,
  disasterRpoMinutes: null,
  disasterRestoredAt: null,
  disasterStoodDownAt: null,
  disasterStandDownReason: null,
};

/** The response roles of the plans in docs/response-plans.md (Plan A §2, Plans C and D). */
export const ROLES = ['incident-commander', 'technical-lead', 'communications-lead', 'operations-coordinator', 'scribe', 'security-lead', 'subject-matter-expert'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** When the incident started, for every clock that counts from awareness: detection if recorded, else the declaration. */
export function incidentStart(incident: Pick<IncidentFields, 'detectedAt' | 'declaredAt'>): string {
  return incident.detectedAt ?? incident.declaredAt;
}

export function isOpenStatus(status: IncidentStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}
