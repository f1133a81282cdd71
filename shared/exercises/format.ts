/**
 * What parse.ts and serialize.ts agree on: the wording of an expected action's check, the
 * inject line and the suffixes (`(severity: P0)`, `(check: …)`, `{#id}`).
 */
import { PHASES } from '../domain/incident.ts';
import { SeverityId } from '../domain/severity.ts';
import { phaseFromHeading } from '../domain/phaseNames.ts';
import { roleFromName } from '../runbooks/format.ts';
import { braceIdSuffix, parenSuffix, trimBlanksStart, type Suffix } from '../util/suffix.ts';
import type { ExpectedCheck } from './scenario.ts';

/**
 * `T+05 alert: text` (an inject item's content): minutes, kind, text. Read by hand up to the
 * `:`, so no pattern ever runs over the text; the head is at most a few dozen characters.
 */
export function injectLine(content: string): { minutes: string; kind: string; text: string } | null {
  const colon = content.indexOf(':');
  if (colon === -1) return null;
  const head = /^T\+(\d{1,6})[ \t]+([A-Za-z]+)[ \t]*$/.exec(content.slice(0, colon));
  if (!head) return null;
  return { minutes: head[1] ?? '', kind: head[2] ?? '', text: trimBlanksStart(content.slice(colon + 1)) };
}

/** `{#some-id}` at the end of an item; `index` includes the blanks before it. */
export const idSuffix = (text: string): Suffix | null => braceIdSuffix(text);
/** `(severity: P0)` at the end of an inject; `index` includes the blanks before it. */
export const severitySuffix = (text: string): Suffix | null => parenSuffix(text, 'severity:', { withBlanksBefore: true });
/** `(check: <phrase>)` at the end of an expected action; `index` includes the blanks before it. */
export const checkSuffix = (text: string): Suffix | null => parenSuffix(text, 'check:', { withBlanksBefore: true });

export type CheckReading = { ok: true; check: ExpectedCheck } | { ok: false; message: string };

/**
 * The check an expected action's wording names. Anything that is not one of the phrases is a
 * manual check (the facilitator ticks it); a phrase with a value that means nothing is an error.
 */
export function checkFromPhrase(phrase: string): CheckReading {
  const text = phrase.trim();
  // `s`: `.` also takes a line separator (U+2028), so `(.*)$` always reaches the end at once;
  // without it, a long run of blanks before one made each pattern backtrack quadratically.
  let m = /^status update(?:s)? within[ \t]+(\d{1,6})[ \t]*(?:m|min|mins|minutes?)\.?$/i.exec(text);
  if (m) {
    const minutes = Number(m[1]);
    if (minutes < 1) return { ok: false, message: 'status update within: the minutes must be at least 1' };
    return { ok: true, check: { kind: 'status-update-within', minutes } };
  }
  m = /^checklist started(?:[ \t]*:[ \t]*(.*))?$/is.exec(text);
  if (m) {
    const runbook = (m[1] ?? '').trim();
    if (runbook === '') return { ok: true, check: { kind: 'checklist-started' } };
    if (!/^[a-z0-9][a-z0-9-]{0,79}$/.test(runbook)) return { ok: false, message: `checklist started: "${runbook}" is not a runbook id such as db-connection-pool-exhausted` };
    return { ok: true, check: { kind: 'checklist-started', runbook } };
  }
  m = /^role assigned[ \t]*:[ \t]*(.*)$/is.exec(text);
  if (m) {
    const role = roleFromName(m[1] ?? '');
    if (!role) return { ok: false, message: `role assigned: "${(m[1] ?? '').trim()}" is not a role (incident commander, technical lead, security lead, …)` };
    return { ok: true, check: { kind: 'role-assigned', role } };
  }
  m = /^escalated to[ \t]+(?:the[ \t]+)?(.+?)\.?$/is.exec(text);
  if (m) {
    const role = roleFromName(m[1] ?? '');
    if (role) return { ok: true, check: { kind: 'role-assigned', role } };
  }
  m = /^severity set[ \t]*:[ \t]*(.*)$/is.exec(text);
  if (m) {
    const severity = (m[1] ?? '').trim().toUpperCase();
    if (!SeverityId.safeParse(severity).success) return { ok: false, message: `severity set: "${(m[1] ?? '').trim()}" is not a severity id such as P0` };
    return { ok: true, check: { kind: 'severity-set', severity } };
  }
  m = /^phase reached[ \t]*:[ \t]*(.*)$/is.exec(text);
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
