/**
 * The three messages of every plan's communication section: the initial notification, the
 * status update and the resolution notice (Plan C in docs/response-plans.md "Communication Templates", Plan A §5.3
 * "Status Update Template" and "Resolution Communication", Plan E's notification fields), and
 * their customer-facing and executive variants. Each ends with the plans' channel line
 * (`Updates: {{channel}}`, Plan C).
 *
 * These are the built-ins; the team edits them or adds its own (templateSource.ts validates
 * those when saved), so filling meets only known placeholders: one it does not know throws. What the IC has not written yet (progress, ETA, root cause, …) is filled
 * with a visible `[fill in: …]` marker rather than left empty, so a half-written message cannot
 * be sent by accident without the gap showing.
 *
 * Times are UTC with the date (`2026-03-01 14:05 UTC`): these messages leave the room and are
 * read in other time zones.
 */
import type { IncidentStatus } from '../domain/incident.ts';
import { incidentLabel } from '../domain/incidentRef.ts';
import { formatSpan, timeToResolve } from '../metrics/responseMetrics.ts';
import { utcOffset } from '../timeline/localTime.ts';
import { formatClock } from '../timeline/timeFormat.ts';
import { scanPlaceholders } from './placeholderScan.ts';

/**
 * A template's id: a built-in's (`initial`, `customer-update`, …) or one of the team's own
 * (a slug, see shared/comms/templateSource.ts). A team template with a built-in's id replaces it.
 */
export type StatusTemplateId = string;

export interface StatusTemplate {
  id: StatusTemplateId;
  name: string;
  /** Plain text with `{{placeholder}}`s from STATUS_PLACEHOLDERS. */
  body: string;
  /** True for the plans' templates shipped with War Room; false for the team's own. */
  builtIn?: boolean;
}

export interface StatusTemplateContext {
  incident: {
    id: string;
    /** The readable id (INC-2026-K7QM-0042); older incidents have none and show their record id. */
    ref?: string | null;
    /** The ticket in another system, shown beside the id. */
    externalRef?: string;
    services?: readonly string[];
    usersAffected?: number | null;
    usersAffectedPercent?: number | null;
    title: string;
    /** The severity id (P0); `severityName` (Critical) is shown beside it when known. */
    severity: string;
    severityName?: string | null;
    status: IncidentStatus;
    summary?: string;
    impactUser: string;
    impactBusiness: string;
    impactTechnical: string;
    declaredAt: string;
    detectedAt: string | null;
    resolvedAt: string | null;
    /** The incident's bridge, chat channel and room, used unless `logistics` below says otherwise. */
    logistics?: { bridge?: string; chatChannel?: string; room?: string };
  };
  /** 1 for the first update after the initial notification (statusUpdateNumber). */
  updateNumber?: number;
  /** ISO time of the next update; null = no fixed cadence (low severities); absent = not decided yet. */
  nextUpdateAt?: string | null;
  progress?: string;
  nextSteps?: string;
  eta?: string;
  resolution?: string;
  rootCause?: string;
  prevention?: string;
  /** Free text; by default computed from detection (else declaration) to resolution. */
  duration?: string;
  /** Who the update is for, from the communications plan: its name and channel. */
  audience?: { name: string; channel: string };
  /** The war room's own logistics, when not the incident's own (absent or empty: not set yet). */
  logistics?: { bridge?: string; chatChannel?: string; room?: string };
}

/** Every placeholder a template may use, with what it becomes. */
export const STATUS_PLACEHOLDERS = {
  incidentId: 'the readable incident id, with the external ticket when there is one',
  services: 'the affected services',
  title: 'the incident title',
  severity: 'severity id and name, e.g. "P0 (Critical)"',
  status: 'the status, e.g. "Investigating"',
  summary: 'the incident summary',
  impact: 'user, business and technical impact',
  declaredAt: 'when the incident was declared',
  detectedAt: 'when it was detected',
  resolvedAt: 'when it was resolved',
  duration: 'from detection (else declaration) to resolution',
  updateNumber: 'the number of this update',
  nextUpdateAt: 'when the next update will come',
  progress: "what's been done",
  nextSteps: 'planned actions',
  eta: 'estimated resolution time',
  resolution: 'what was fixed',
  rootCause: 'brief explanation of the cause',
  prevention: 'steps to prevent recurrence',
  channel: "where updates are posted (the audience's channel)",
  audience: 'who the update is for',
  bridge: "the incident's conference bridge link",
  chatChannel: "the incident's chat channel",
  room: "the incident's war room",
} as const;
export type StatusPlaceholder = keyof typeof STATUS_PLACEHOLDERS;

export const STATUS_TEMPLATES: readonly StatusTemplate[] = [
  {
    id: 'initial',
    name: 'Initial notification',
    body: [
      'INCIDENT ALERT - {{severity}}',
      'Incident ID: {{incidentId}}',
      'Title: {{title}}',
      'Summary: {{summary}}',
      'Impact: {{impact}}',
      'Affected services: {{services}}',
      'Status: {{status}}',
      'Detected: {{detectedAt}}',
      'Declared: {{declaredAt}}',
      'ETA: {{eta}}',
      'Next update: {{nextUpdateAt}}',
      'Bridge: {{bridge}}',
      'Chat: {{chatChannel}}',
      'Updates: {{channel}}',
    ].join('\n'),
  },
  {
    id: 'update',
    name: 'Status update',
    body: [
      'INCIDENT UPDATE #{{updateNumber}} - {{severity}}',
      'Incident ID: {{incidentId}} - {{title}}',
      'Status: {{status}}',
      'Impact: {{impact}}',
      'Affected services: {{services}}',
      'Progress: {{progress}}',
      'Next steps: {{nextSteps}}',
      'ETA: {{eta}}',
      'Next update: {{nextUpdateAt}}',
      'Updates: {{channel}}',
    ].join('\n'),
  },
  {
    id: 'resolution',
    name: 'Resolution notice',
    body: [
      'INCIDENT RESOLVED - {{severity}}',
      'Incident ID: {{incidentId}} - {{title}}',
      'Resolved: {{resolvedAt}}',
      'Duration: {{duration}}',
      'Impact: {{impact}}',
      'Resolution: {{resolution}}',
      'Root cause: {{rootCause}}',
      'Prevention: {{prevention}}',
      'Updates: {{channel}}',
    ].join('\n'),
  },
  // For customers and the status page (Plan A §5.2 "External Status Page", Plan B "Status Page"):
  // plain words, what users notice and when they hear next; no ids, severities or internal causes.
  {
    id: 'customer-initial',
    name: 'Customer notice',
    body: [
      'We are investigating a problem affecting {{services}}.',
      'What you may notice: {{summary}}',
      'Started: {{detectedAt}}',
      'Current status: {{status}}',
      'Estimated resolution: {{eta}}',
      'Next update: {{nextUpdateAt}}',
      'Updates: {{channel}}',
    ].join('\n'),
  },
  {
    id: 'customer-update',
    name: 'Customer update',
    body: [
      'Update on the problem affecting {{services}}.',
      'Current status: {{status}}',
      'What we are doing: {{progress}}',
      'Estimated resolution: {{eta}}',
      'Next update: {{nextUpdateAt}}',
      'Updates: {{channel}}',
    ].join('\n'),
  },
  {
    id: 'customer-resolution',
    name: 'Customer resolution notice',
    body: [
      'Resolved: the problem affecting {{services}} is fixed.',
      'Resolved at: {{resolvedAt}}',
      'What happened: {{summary}}',
      'We are sorry for the disruption. We are reviewing what happened to prevent it from happening again.',
      'Updates: {{channel}}',
    ].join('\n'),
  },
  // For executives (Plan A §5.1 "Internal Communication", Plan C "Status Update"): the business view first.
  {
    id: 'executive-update',
    name: 'Executive update',
    body: [
      'EXECUTIVE UPDATE - {{severity}} - {{incidentId}}',
      'Title: {{title}}',
      'Status: {{status}}',
      'Business impact: {{impact}}',
      'Progress: {{progress}}',
      'ETA: {{eta}}',
      'Next steps: {{nextSteps}}',
      'Next update: {{nextUpdateAt}}',
      'Updates: {{channel}}',
    ].join('\n'),
  },
].map((template) => ({ ...template, builtIn: true }));

export function statusTemplate(id: StatusTemplateId): StatusTemplate {
  const template = STATUS_TEMPLATES.find((t) => t.id === id);
  if (template === undefined) throw new Error(`No status template "${id}"`);
  return template;
}

/** The placeholder names in a body, in order of first appearance, each once. */
export function placeholdersOf(body: string): string[] {
  return [...new Set(scanPlaceholders(body).flatMap((piece) => (piece.kind === 'placeholder' ? [piece.name] : [])))];
}

export const isKnownPlaceholder = (name: string): name is StatusPlaceholder => Object.hasOwn(STATUS_PLACEHOLDERS, name);

/**
 * The message text. One pass: text the IC typed that happens to contain `{{…}}` is left as
 * typed, never expanded. Throws on a placeholder not in STATUS_PLACEHOLDERS, naming it (a team's
 * template is validated when saved, see templateSource.ts, so only a programming error gets here).
 */
export function fillStatusTemplate(template: Pick<StatusTemplate, 'body'>, context: StatusTemplateContext): string {
  const pieces = scanPlaceholders(template.body);
  const unknown = [...new Set(pieces.flatMap((piece) => (piece.kind === 'placeholder' && !isKnownPlaceholder(piece.name) ? [piece.name] : [])))];
  if (unknown.length > 0) {
    throw new Error(`Unknown status template placeholder${unknown.length > 1 ? 's' : ''}: ${unknown.map((n) => `{{${n}}}`).join(', ')}`);
  }
  const values = placeholderValues(context);
  return pieces.map((piece) => (piece.kind === 'placeholder' ? values[piece.name as StatusPlaceholder] : piece.text)).join('');
}

/** `[fill in: what's been done]`: visible in the draft, so the IC sees what is missing. */
export const fillIn = (what: string): string => `[fill in: ${what}]`;

/** Every `[fill in: …]` marker still in a message, each once, in order (a linear scan: no pattern). */
export function fillInsOf(message: string): string[] {
  const found = new Set<string>();
  let at = message.indexOf('[fill in:');
  while (at !== -1 && found.size < 50) {
    const end = message.indexOf(']', at);
    if (end === -1) break;
    found.add(message.slice(at, end + 1).slice(0, 80));
    at = message.indexOf('[fill in:', end);
  }
  return [...found];
}

function text(value: string | undefined | null, what: string): string {
  return value == null || value.trim() === '' ? fillIn(what) : value.trim();
}

/** `2026-03-01 14:05 UTC`; an absent time becomes a fill-in marker. */
function utcTime(iso: string | null | undefined, what: string): string {
  return iso == null ? fillIn(what) : formatClock(iso, { utc: true, offsetMinutes: utcOffset, withDate: true });
}

function placeholderValues(context: StatusTemplateContext): Record<StatusPlaceholder, string> {
  const { incident } = context;
  const logistics = context.logistics ?? incident.logistics;
  const parts: [label: string, value: string][] = [
    ['Users', usersText(incident)],
    ['Business', incident.impactBusiness],
    ['Technical', incident.impactTechnical],
  ];
  const impact = parts
    .filter(([, value]) => value.trim() !== '')
    .map(([label, value]) => `${label}: ${value.trim()}`)
    .join('; ');
  return {
    incidentId: incident.externalRef?.trim() ? `${incidentLabel(incident)} (ticket ${incident.externalRef.trim()})` : incidentLabel(incident),
    services: incident.services?.length ? incident.services.join(', ') : fillIn('affected services'),
    title: incident.title,
    severity: incident.severityName ? `${incident.severity} (${incident.severityName})` : incident.severity,
    status: incident.status.charAt(0).toUpperCase() + incident.status.slice(1),
    summary: text(incident.summary, 'brief description'),
    impact: impact === '' ? fillIn('user, business and technical impact') : impact,
    declaredAt: utcTime(incident.declaredAt, 'declaration time'),
    detectedAt: utcTime(incident.detectedAt, 'detection time'),
    resolvedAt: utcTime(incident.resolvedAt, 'resolution time'),
    duration: context.duration?.trim() ? context.duration.trim() : defaultDuration(incident),
    updateNumber: context.updateNumber === undefined ? fillIn('update number') : String(context.updateNumber),
    nextUpdateAt:
      context.nextUpdateAt === null
        ? 'on significant developments and at resolution (no fixed cadence)'
        : utcTime(context.nextUpdateAt, 'time of next update'),
    progress: text(context.progress, "what's been done"),
    nextSteps: text(context.nextSteps, 'planned actions'),
    eta: text(context.eta, 'estimated resolution time'),
    resolution: text(context.resolution, 'what was fixed'),
    rootCause: text(context.rootCause, 'brief explanation of the cause'),
    prevention: text(context.prevention, 'steps to prevent recurrence'),
    channel: text(context.audience?.channel, 'where updates are posted'),
    audience: text(context.audience?.name, 'who this update is for'),
    bridge: text(logistics?.bridge, 'conference bridge link'),
    chatChannel: text(logistics?.chatChannel, 'chat channel'),
    room: text(logistics?.room, 'war room'),
  };
}

/** "Checkout fails (about 1200 users, 15%)": the words, then the count and share where known. */
function usersText(incident: StatusTemplateContext['incident']): string {
  const figures = [incident.usersAffected != null ? `about ${incident.usersAffected} users` : '', incident.usersAffectedPercent != null ? `${incident.usersAffectedPercent}%` : ''].filter(Boolean).join(', ');
  const words = incident.impactUser.trim();
  return figures === '' ? words : words === '' ? figures : `${words} (${figures})`;
}

/** The time to resolve (shared/metrics/responseMetrics.ts), worded as the post-mortem words it: `2 h 05 min`. */
function defaultDuration(incident: StatusTemplateContext['incident']): string {
  const minutes = timeToResolve(incident);
  return minutes === null ? fillIn('total incident time') : formatSpan(minutes);
}

/** The tags a posted message carries: every one is a status update; the initial notice and resolution say which they are. */
export function statusUpdateTags(template: StatusTemplateId): string[] {
  return template === 'initial' ? ['status-update', 'initial-notification'] : template === 'resolution' ? ['status-update', 'resolution-notice'] : ['status-update'];
}

/**
 * The number the next "INCIDENT UPDATE #n" carries: one past the updates actually posted (live
 * timeline entries tagged `status-update`, not struck), not counting the initial notification or
 * the resolution notice.
 */
export function statusUpdateNumber(entries: Iterable<{ tags: readonly string[]; struck: unknown }>): number {
  let posted = 0;
  for (const entry of entries) {
    if (entry.struck || !entry.tags.includes('status-update')) continue;
    if (entry.tags.includes('initial-notification') || entry.tags.includes('resolution-notice')) continue;
    posted += 1;
  }
  return posted + 1;
}
