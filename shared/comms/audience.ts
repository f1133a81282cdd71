/**
 * Who a status update is for: internal stakeholders, executives, customers, regulators… The
 * team's communications plan names the audiences per severity; a posted update carries the
 * audience it was written for, as it was when posted (the plan may be edited later, and the
 * post-mortem and the status page must still read right).
 */
import { z } from 'zod';

/** An audience id, e.g. `customers`: a slug, so it can also be a timeline tag (`audience:customers`). */
export const AudienceId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'an audience id is 1–40 characters of a–z, 0–9, - (e.g. customers)');
export type AudienceId = z.infer<typeof AudienceId>;

const oneLine = (max: number) => z.string().trim().max(max).refine((s) => !/[\r\n]/.test(s), 'one line');

/** The audience a posted update was written for, recorded with the update. */
export const PostedAudience = z
  .object({
    id: AudienceId,
    /** As the plan named it when posted, e.g. "Customers / status page". */
    name: oneLine(100).pipe(z.string().min(1, 'the audience needs a name')),
    /** Where it was sent: a chat channel, an email list, the status page… ('' when the plan names none). */
    channel: oneLine(200),
    /** Whether the update is public (the status page export takes only these). */
    customerFacing: z.boolean(),
  })
  .strict();
export type PostedAudience = z.infer<typeof PostedAudience>;

/** The timeline tag that marks an update's audience, so the timeline filters by it. */
export function audienceTag(id: AudienceId): string {
  return `audience:${id}`;
}
