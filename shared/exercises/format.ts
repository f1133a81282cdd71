/**
 * What parse.ts and serialize.ts agree on: the wording of an expected action's check, the
 * inject line and the suffixes (`(severity: P0)`, `(check: …)`, `{#id}`).
 */
import { PHASES } from '../domain/incident.ts';
import { SeverityId } from '../domain/severity.ts';
import { phaseFromHeading } from '../domain/phaseNames.ts';
import { roleFromName } from '../runbooks/format.ts';
import type { ExpectedCheck } from './scenario.ts';

/** `- T+05 alert: text`: minutes, kind, text. */
export const INJECT_LINE = /^T\+(\d{1,6})[ \t]+([A-Za-z]+)[ \t]*:[ \t]*(.*)$/;
export const ID_SUFFIX = /[ \t]*\{#([^{}]*)\}$/;
export const SEVERITY_SUFFIX = /[ \t]*\(severity:[ \t]*([^()]*?)[ \t]*\)$/i;
export const CHECK_SUFFIX = /[ \t]*\(check:[ \t]*([^()]*?)[ \t]*\)$/i;

export type CheckReading = { ok: true; check: ExpectedCheck } | { ok: false; message: string };

/**
 * The check an expected action's wording names. Anything that is not one of the phrases is a
 * manual check (the facilitator ticks it); a phrase with a value that means nothing is an error.
 */
export function checkFromPhrase(phrase: string): CheckReading {
  const text = phrase.trim();
  let m = /^status update(?:s)? within[ \t]+(\d{1,6})[ \t]*(?:m|min|mins|minutes?)\.?$/i.exec(text);
  if (m) {
    const minutes = Number(m[1]);
    if (minutes < 1) return { ok: false, message: 'status update within: the minutes must be at least 1' };
    return { ok: true, check: { kind: 'status-update-within', minutes } };
  }
  m = /^checklist started(?:[ \t]*:[ \t]*(.*))?$/i.exec(text);
  if (m) {
    const runbook = (m[1] ?? '').trim();
    if (runbook === '') return { ok: true, check: { kind: 'checklist-started' } };
    if (!/^[a-z0-9][a-z0-9-]{0,79}$/.test(runbook)) return { ok: false, message: `checklist started: "${runbook}" is not a runbook id such as db-connection-pool-exhausted` };
    return { ok: true, check: { kind: 'checklist-started', runbook } };
  }
  m = /^role assigned[ \t]*:[ \t]*(.*)$/i.exec(text);
  if (m) {
    const role = roleFromName(m[1] ?? '');
    if (!role) return { ok: false, message: `role assigned: "${(m[1] ?? '').trim()}" is not a role (incident commander, technical lead, security lead, …)` };
    return { ok: true, check: { kind: 'role-assigned', role } };
  }
  m = /^escalated to[ \t]+(?:the[ \t]+)?(.+?)\.?$/i.exec(text);
  if (m) {
    const role = roleFromName(m[1] ?? '');
    if (role) return { ok: true, check: { kind: 'role-assigned', role } };
  }
  m = /^severity set[ \t]*:[ \t]*(.*)$/i.exec(text);
  if (m) {
    const severity = (m[1] ?? '').trim().toUpperCase();
    if (!SeverityId.safeParse(severity).success) return { ok: false, message: `severity set: "${(m[1] ?? '').trim()}" is not a severity id such as P0` };
    return { ok: true, check: { kind: 'severity-set', severity } };
  }
  m = /^phase reached[ \t]*:[ \t]*(.*)$/i.exec(text);
  if (m) {
    const phase = phaseFromHeading(m[1] ?? '');
    if (!phase) return { ok: false, message: `phase reached: "${(m[1] ?? '').trim()}" is not a phase (${PHASES.join(', ')})` };
    return { ok: true, check: { kind: 'phase-reached', phase } };
  }
  // "manual" (the explicit `(check: manual)`) and any other wording: the facilitator ticks it.
  return { ok: true, check: { kind: 'manual' } };
}

/** The canonical phrase of a check, as `checkFromPhrase` reads it back. */
export function phraseOfCheck(check: ExpectedCheck): string {
  switch (check.kind) {
    case 'status-update-within':
      return `status update within ${check.minutes} min`;
    case 'checklist-started':
      return check.runbook === undefined ? 'checklist started' : `checklist started: ${check.runbook}`;
    case 'role-assigned':
      return `role assigned: ${check.role}`;
    case 'severity-set':
      return `severity set: ${check.severity}`;
    case 'phase-reached':
      return `phase reached: ${check.phase}`;
    case 'manual':
      return 'manual';
  }
}

export function sameCheck(a: ExpectedCheck, b: ExpectedCheck): boolean {
  return phraseOfCheck(a) === phraseOfCheck(b);
}
