/**
 * The war room's own logistics on an incident: the conference bridge, the chat channel and the
 * room (Plan A §5.3: "Incident bridge: keep bridge open until resolved", "Slack channel"). Free
 * text the team writes, one line each; a bridge may be a link or a dial-in.
 */
import { z } from 'zod';
import { isSafeLinkUrl, urlScheme } from '../util/links.ts';

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !/[\r\n]/.test(s), 'one line');

export const LOGISTICS_FIELDS = ['bridge', 'chatChannel', 'room'] as const;
export type LogisticsField = (typeof LOGISTICS_FIELDS)[number];

export const Logistics = z.object({ bridge: oneLine(500), chatChannel: oneLine(100), room: oneLine(200) }).strict();
export type Logistics = z.infer<typeof Logistics>;

export const NO_LOGISTICS: Logistics = { bridge: '', chatChannel: '', room: '' };

export const LOGISTICS_NAMES: Record<LogisticsField, string> = { bridge: 'Bridge', chatChannel: 'Chat channel', room: 'Room' };

/** The fields that differ, with their new values (empty when nothing changed). */
export function changedLogistics(before: Logistics, after: Logistics): Partial<Logistics> {
  const changed: Partial<Logistics> = {};
  for (const field of LOGISTICS_FIELDS) if (before[field] !== after[field]) changed[field] = after[field];
  return changed;
}

/** The timeline line for a change: `Logistics: Bridge: "" → "https://…"; Room: cleared`. */
export function describeLogisticsChange(before: Logistics, changed: Partial<Logistics>): string {
  const parts = LOGISTICS_FIELDS.filter((field) => changed[field] !== undefined).map((field) => {
    const next = changed[field]!;
    if (next === '') return `${LOGISTICS_NAMES[field]}: cleared`;
    return before[field] === '' ? `${LOGISTICS_NAMES[field]}: "${next}"` : `${LOGISTICS_NAMES[field]}: "${before[field]}" → "${next}"`;
  });
  return `Logistics: ${parts.join('; ')}`;
}

/** Whether a bridge is a web link to open (http or https only); anything else is shown as text. */
export function bridgeLink(bridge: string): string | null {
  const scheme = urlScheme(bridge);
  return (scheme === 'http' || scheme === 'https') && isSafeLinkUrl(bridge) && !/\s/.test(bridge) ? bridge : null;
}
