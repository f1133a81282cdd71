/**
 * A disaster declared on an incident (docs/response-plans.md#disaster-recovery): a person
 * records who approved it, the recovery objectives are fixed at the declaration, and the
 * disaster ends when core services are restored or when it is stood down with a reason.
 */
import { z } from 'zod';
import { IsoTime } from '../ops/ids.ts';
import { type IncidentFields, NoticeText } from './incident.ts';

/** The plans' recovery time objective: core functionality restored within 1 hour of the declaration. */
export const DEFAULT_RTO_MINUTES = 60;
/** The plans' recovery point objective: at most 5 minutes of transactions lost. */
export const DEFAULT_RPO_MINUTES = 5;

export const DisasterDeclaration = z
  .object({
    at: IsoTime,
    /** Who approved it: "Dana Ruiz (CTO)". */
    approvedBy: NoticeText,
    rtoMinutes: z.number().int().min(1).max(7 * 24 * 60),
    rpoMinutes: z.number().int().min(0).max(7 * 24 * 60),
  })
  .strict();
export type DisasterDeclaration = z.infer<typeof DisasterDeclaration>;

export const DisasterStandDown = z.object({ at: IsoTime, reason: NoticeText }).strict();
export type DisasterStandDown = z.infer<typeof DisasterStandDown>;

/** The incident fields a declaration writes; a new declaration clears an earlier end. */
export function declarationFields(declaration: DisasterDeclaration): Partial<IncidentFields> {
  return {
    disasterDeclaredAt: declaration.at,
    disasterApprovedBy: declaration.approvedBy,
    disasterRtoMinutes: declaration.rtoMinutes,
    disasterRpoMinutes: declaration.rpoMinutes,
    disasterRestoredAt: null,
    disasterStoodDownAt: null,
    disasterStandDownReason: null,
  };
}

/** The incident fields a stand-down writes. */
export function standDownFields(standDown: DisasterStandDown): Partial<IncidentFields> {
  return { disasterStoodDownAt: standDown.at, disasterStandDownReason: standDown.reason };
}
