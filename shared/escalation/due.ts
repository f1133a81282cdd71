/**
 * Escalation steps that have fallen due on an incident and are not yet logged: what the reminder
 * and the in-app alert show, with the people resolved and the line "Log escalation" writes.
 */
import type { SeverityScheme } from '../domain/severity.ts';
import type { EscalationMatrix } from './matrix.ts';
import { escalationPathClock, type PathIncident, type PathStep } from './path.ts';
import { escalatedLine, resolveNotify, type EscalationContext, type ResolvedPerson } from './resolve.ts';

/** Every logged escalation carries this tag, and the step's own (escalationTag), so each step is logged once. */
export const ESCALATION_TAG = 'escalation';

/** `escalation-t30`: the step at T+30 min was logged. */
export function escalationTag(afterMinutes: number): string {
  return `${ESCALATION_TAG}-t${afterMinutes}`;
}

export interface DueEscalation {
  step: PathStep;
  tag: string;
  people: ResolvedPerson[];
  /** The timeline line: "Escalated: Dana Lee (CTO), phone +44 20 7946 0000". */
  line: string;
}

/**
 * The steps reached (from detection, while unresolved) whose tag no timeline entry carries yet,
 * latest first: the latest is what matters now, the earlier ones are still owed a record.
 */
export function dueEscalations(
  { incident, scheme, matrix, people, now, logged }: { incident: PathIncident & Pick<EscalationContext, 'incident'>['incident']; scheme: SeverityScheme; matrix: EscalationMatrix; people: Omit<EscalationContext, 'incident'>; now: number; logged: ReadonlySet<string> },
): DueEscalation[] {
  const { reached } = escalationPathClock({ incident, scheme, matrix, now });
  return reached
    .filter((step) => !logged.has(escalationTag(step.afterMinutes)))
    .reverse()
    .map((step) => {
      const resolved = resolveNotify(step.notify, { ...people, incident }, now);
      return { step, tag: escalationTag(step.afterMinutes), people: resolved, line: escalatedLine(resolved) };
    });
}

/** One line per person for a notification: "Dana Lee (CTO): phone +44 20 7946 0000 · email dana@example.com". */
export function peopleLines(people: readonly ResolvedPerson[]): string[] {
  return people.map((p) => (p.reach.length > 0 ? `${p.label}: ${p.reach.join(' · ')}` : p.label));
}
