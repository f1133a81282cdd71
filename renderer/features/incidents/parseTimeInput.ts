import { parseEntryInput } from '../../../shared/timeline/entryInput.ts';
import { hostOffsetMinutes } from '../../../shared/timeline/localTime.ts';

/**
 * A time typed in a form, in the same forms the timeline's `@` prefix takes (local time):
 * `14:05`, `2026-11-22 23:50`, `-15m`. Empty → null.
 */
export function parseTimeInput(value: string, now = Date.now()): { ok: true; iso: string | null } | { ok: false; error: string } {
  const trimmed = value.trim().replace(/^@/, '');
  if (trimmed === '') return { ok: true, iso: null };
  const parsed = parseEntryInput(`@${trimmed} .`, { now, startedAt: now, offsetMinutes: hostOffsetMinutes });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (parsed.value.eventAt === null) return { ok: false, error: `"${trimmed}" is not a time (use HH:MM, YYYY-MM-DD HH:MM or -15m)` };
  return { ok: true, iso: new Date(parsed.value.eventAt).toISOString() };
}
