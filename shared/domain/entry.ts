import { z } from 'zod';
import { IsoTime } from '../ops/ids.ts';

export const ENTRY_KINDS = ['note', 'event', 'decision', 'action', 'communication', 'finding', 'evidence', 'inject'] as const;
export const EntryKind = z.enum(ENTRY_KINDS);
export type EntryKind = z.infer<typeof EntryKind>;

export const Tag = z.string().trim().min(1).max(40).regex(/^[^\s#,]+$/, 'a tag has no spaces, commas or #');

/** The editable fields of a timeline entry; each is a last-writer-wins register. */
export const EntryFields = z
  .object({
    text: z.string().min(1, 'an entry needs text').max(20_000),
    kind: EntryKind,
    /** When it happened (may be backfilled); the record time is the op's own stamp. */
    eventAt: IsoTime,
    pinned: z.boolean(),
    tags: z.array(Tag).max(20),
  })
  .strict();
export type EntryFields = z.infer<typeof EntryFields>;
export type EntryField = keyof EntryFields;
