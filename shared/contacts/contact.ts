import { z } from 'zod';

/**
 * One entry of the team's contacts directory: a person (who can fill which roles, how to reach
 * them) or a vendor (what it provides, how to open a ticket). One flat record for both, so the
 * CSV has one header and a field that does not apply is simply empty.
 */
export const CONTACT_KINDS = ['person', 'vendor'] as const;
export const ContactKind = z.enum(CONTACT_KINDS);
export type ContactKind = z.infer<typeof ContactKind>;

const Line = (max: number) => z.string().trim().max(max).refine((s) => !/[\r\n]/.test(s), 'one line only');

/** A role as people write it ("DBA", "incident commander", a team role's name); resolved when looked up. */
export const ContactRole = Line(60).pipe(z.string().min(1, 'a role name is empty'));

/** A web link only: anything else (javascript:, data:) could run when clicked. */
const SupportUrl = Line(500).refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), 'a support URL starts with http:// or https://');
const Email = Line(200).refine((s) => s === '' || /^[^\s@]+@[^\s@]+$/.test(s), 'an email address has one @ and no spaces');

export const ContactFields = z
  .object({
    kind: ContactKind,
    name: Line(200).pipe(z.string().min(1, 'a contact needs a name')),
    /** People: the roles they can fill. Vendors: none. */
    roles: z.array(ContactRole).max(20),
    phone: Line(60),
    email: Email,
    /** A chat handle (@ana, a Slack member id): free text. */
    chat: Line(100),
    /** An IANA zone ("Europe/Paris") or an offset, as the team writes it. */
    timezone: Line(64),
    /** Vendors: what they provide ("LLM API", "managed Postgres"). */
    provides: Line(200),
    supportUrl: SupportUrl,
    accountId: Line(200),
    /** Vendors: the support contract ("enterprise", "business"). */
    tier: Line(100),
    notes: z.string().trim().max(2000),
    /** Removed from the directory; kept in the log so a concurrent edit cannot resurrect it unseen. */
    removed: z.boolean(),
  })
  .strict();
export type ContactFields = z.infer<typeof ContactFields>;

export const EMPTY_CONTACT: Omit<ContactFields, 'kind' | 'name'> = {
  roles: [],
  phone: '',
  email: '',
  chat: '',
  timezone: '',
  provides: '',
  supportUrl: '',
  accountId: '',
  tier: '',
  notes: '',
  removed: false,
};
