/**
 * Severity changes as op intents: pure, so the renderer commits them and tests read them.
 * A move always travels with its timeline line, and a scheme switch with every move it forces,
 * so a crash or a sync round never sees one without the other.
 */
import type { OpIntent } from '../entities/index.ts';
import { timelineLine } from '../timeline/timelineLine.ts';
import { levelOf, mapSeverity, type SeverityScheme } from './severity.ts';

export interface ChangeContext {
  actor: string;
  /** ms since the epoch, for the timeline lines. */
  at: number;
  newEntryId(): string;
}

type Graded = { id: string; severity: string };

/** An incident's severity set to `to`, and the decision logged; nothing when it already is. */
export function severityMove(incident: Graded, to: string, { actor, at, newEntryId }: ChangeContext): OpIntent[] {
  if (incident.severity === to) return [];
  return [
    { actor, incident: incident.id, kind: 'incident.set', data: { fields: { severity: to } } },
    timelineLine({ incident: incident.id, actor, entry: newEntryId(), text: `Severity: ${incident.severity} → ${to}`, kind: 'decision', at, tags: ['severity'] }),
  ];
}

/**
 * The team's scheme becomes `to`; each incident whose severity `to` lacks moves to the level of
 * the same rank (logged), so no incident is left graded by a scheme nobody uses.
 */
export function schemeSwitch(from: SeverityScheme, to: SeverityScheme, incidents: readonly Graded[], context: ChangeContext): OpIntent[] {
  return [
    { actor: context.actor, incident: null, kind: 'settings.severity-scheme', data: { scheme: to } },
    ...incidents.filter((incident) => levelOf(incident.severity, to) === undefined).flatMap((incident) => severityMove(incident, mapSeverity(incident.severity, from, to), context)),
  ];
}
