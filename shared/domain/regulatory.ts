/**
 * The notices an incident involving personal data owes, as a person records them: to the
 * regulator (stops the 72-hour clock) and to the affected individuals. Each needs its time and a
 * reference, so the record can later show what was sent, when, and where to find it.
 */
import { z } from 'zod';
import { IsoTime } from '../ops/ids.ts';
import { type IncidentFields, NoticeText } from './incident.ts';

export const RegulatorNotice = z
  .object({
    at: IsoTime,
    /** The supervisory authority notified, e.g. "ICO" or "CNIL". */
    authority: NoticeText,
    /** Its case or submission reference. */
    reference: NoticeText,
  })
  .strict();
export type RegulatorNotice = z.infer<typeof RegulatorNotice>;

export const IndividualsNotice = z
  .object({
    at: IsoTime,
    /** How and whom: "email to the 1,204 affected customers". */
    how: NoticeText,
    /** The notice's reference (message id, letter number). */
    reference: NoticeText,
  })
  .strict();
export type IndividualsNotice = z.infer<typeof IndividualsNotice>;

/** The incident fields a regulator notice writes. */
export function regulatorNoticeFields(notice: RegulatorNotice): Partial<IncidentFields> {
  return { regulatoryNotifiedAt: notice.at, regulatorAuthority: notice.authority, regulatorReference: notice.reference };
}

/** The incident fields an individuals notice writes. */
export function individualsNoticeFields(notice: IndividualsNotice): Partial<IncidentFields> {
  return { individualsNotifiedAt: notice.at, individualsNotifiedHow: notice.how, individualsReference: notice.reference };
}
