/**
 * The short readable incident id people say on a call and paste into a ticket:
 * `INC-2026-K7QM-0042` — year of declaration, the declaring laptop's tag, and that laptop's
 * own running number for the year (docs/sync-format.md#readable-incident-ids).
 *
 * Laptops declare offline, so no counter can be shared. Each laptop numbers only its own
 * incidents, and its tag (four Crockford base-32 characters of its random device id) is part of
 * the id: two laptops cannot mint the same id unless their device ids agree in their first 20
 * bits. The fold keeps a ref only when its tag is the signing device's own, so a peer cannot
 * mint an id in another laptop's name.
 */
import { z } from 'zod';

/** Crockford's base 32: no I, L, O or U, so an id read aloud or typed from paper is unambiguous. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TAG_LENGTH = 4;
const NUMBER_DIGITS = 4;
const MAX_NUMBER = 999_999;

/** Anchored, no nested repetition: linear on any input (and the length is capped first). */
const REF_PATTERN = /^INC-(\d{4})-([0-9A-HJKMNP-TV-Z]{4})-(\d{4,6})$/;

export const IncidentRef = z.string().max(24).regex(REF_PATTERN, 'a readable id looks like INC-2026-K7QM-0042');
export type IncidentRef = z.infer<typeof IncidentRef>;

/** The laptop's tag: the first 20 bits of its device id (16 hex characters), in Crockford base 32. */
export function deviceTag(deviceId: string): string {
  const bits = Number.parseInt(deviceId.slice(0, 5), 16);
  if (!/^[0-9a-f]{16}$/.test(deviceId) || !Number.isFinite(bits)) throw new Error(`not a device id: ${deviceId}`);
  let tag = '';
  for (let shift = 5 * (TAG_LENGTH - 1); shift >= 0; shift -= 5) tag += CROCKFORD[(bits >> shift) & 31];
  return tag;
}

export interface ParsedRef {
  year: number;
  tag: string;
  number: number;
}

export function parseIncidentRef(ref: string): ParsedRef | null {
  if (ref.length > 24) return null;
  const match = REF_PATTERN.exec(ref);
  if (!match) return null;
  return { year: Number(match[1]), tag: match[2]!, number: Number(match[3]) };
}

export function formatIncidentRef({ year, tag, number }: ParsedRef): string {
  return `INC-${year}-${tag}-${String(number).padStart(NUMBER_DIGITS, '0')}`;
}

/**
 * The next id this laptop mints in `year`: one past the highest of its own ids that year
 * among `known` (every incident on the laptop, its own and synced ones).
 */
export function nextIncidentRef(known: Iterable<string | null | undefined>, tag: string, year: number): string {
  let highest = 0;
  for (const ref of known) {
    const parsed = ref ? parseIncidentRef(ref) : null;
    if (parsed && parsed.tag === tag && parsed.year === year) highest = Math.max(highest, parsed.number);
  }
  if (highest >= MAX_NUMBER) throw new Error(`this laptop has used every incident number for ${year}`);
  return formatIncidentRef({ year, tag, number: highest + 1 });
}

/** A ref is kept only when it names the device that signed the declaration. */
export function refBelongsTo(ref: string, deviceId: string): boolean {
  const parsed = parseIncidentRef(ref);
  return parsed !== null && parsed.tag === deviceTag(deviceId);
}

/** What to call an incident aloud and in exports: its readable id, else (declared before ids existed) its record id. */
export function incidentLabel(incident: { id: string; ref?: string | null }): string {
  return incident.ref ?? incident.id;
}
