import { z } from 'zod';
import { normalizeName } from '../util/normalizeName.ts';
import { PHASES, type Phase } from './incident.ts';

/**
 * What the team calls each response phase on screen and in the timeline (a synced setting).
 * Ops and runbook files keep the canonical ids, so renaming never breaks a stored record.
 */
const Name = z.string().trim().min(1, 'a phase needs a name').max(40, 'a phase name is at most 40 characters');
export const PhaseNames = z.object(Object.fromEntries(PHASES.map((phase) => [phase, Name])) as Record<Phase, typeof Name>).strict();
export type PhaseNames = z.infer<typeof PhaseNames>;

/**
 * Also the `## headings` runbook files are written with (`phaseFromHeading` reads them back),
 * whatever the team calls the phases on screen.
 */
export const DEFAULT_PHASE_NAMES: PhaseNames = {
  detection: 'Detection',
  triage: 'Triage',
  containment: 'Containment',
  eradication: 'Eradication',
  recovery: 'Recovery',
  'post-incident': 'Post-incident',
};

export function phaseName(phase: Phase, names: PhaseNames = DEFAULT_PHASE_NAMES): string {
  return names[phase] ?? DEFAULT_PHASE_NAMES[phase];
}

/** Other words people head a phase with, as `normalizeName` keys them. */
const PHASE_ALIASES: Readonly<Record<string, Phase>> = {
  postmortem: 'post-incident',
  'post-mortem': 'post-incident',
};

/** The phase a Markdown `##` heading names (case-insensitive; "Post incident", "Postmortem", "Post-mortem" too), or null. */
export function phaseFromHeading(heading: string): Phase | null {
  const key = normalizeName(heading);
  if ((PHASES as readonly string[]).includes(key)) return key as Phase;
  return PHASE_ALIASES[key] ?? null;
}
