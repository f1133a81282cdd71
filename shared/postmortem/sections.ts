import { POSTMORTEM_SECTIONS, type PostmortemSection } from '../domain/postmortem.ts';

/**
 * The sections every post-mortem has, in the order a full document lists them (Plan A §10.3 in docs/response-plans.md,
 * "Post-Mortem Template", which the other plans' templates are subsets of).
 *
 * A section is either automatic (generated from the incident, its timeline and its action items
 * at export) or written (Markdown that people write; a template gives its starting text). A
 * template (templates.ts) chooses which sections it shows, in what order, under which headings;
 * the ids are what a section's text is stored under, so switching templates keeps the text.
 */

export const SECTION_IDS = POSTMORTEM_SECTIONS;
export type SectionId = PostmortemSection;

export interface SectionInfo {
  id: SectionId;
  /** The heading a document uses when its template does not say (Plan A §10.3's wording). */
  heading: string;
  /** Generated at export; people's text for it is ignored. */
  automatic: boolean;
  /** What it holds, for the editor's hint. */
  description: string;
}

export const SECTIONS: Readonly<Record<SectionId, SectionInfo>> = {
  details: {
    id: 'details',
    heading: 'Incident Details',
    automatic: true,
    description: 'Start and end, duration, severity, incident commander, response team and roles',
  },
  summary: { id: 'summary', heading: 'Executive Summary', automatic: false, description: 'The incident, its impact and its resolution in brief' },
  timeline: {
    id: 'timeline',
    heading: 'Timeline',
    automatic: true,
    description: 'The key moments as a diagram, then the pinned timeline entries (or all of them) as a table',
  },
  impact: { id: 'impact', heading: 'Impact', automatic: false, description: 'User, business and technical impact' },
  'root-cause': { id: 'root-cause', heading: 'Root Cause', automatic: false, description: 'What caused the incident' },
  'contributing-factors': {
    id: 'contributing-factors',
    heading: 'Contributing Factors',
    automatic: false,
    description: 'Everything else that made it possible or worse',
  },
  detection: { id: 'detection', heading: 'Detection', automatic: false, description: 'How it was detected, detection gaps, improvements' },
  response: { id: 'response', heading: 'Response', automatic: false, description: 'What went well, what could be improved, tools' },
  resolution: { id: 'resolution', heading: 'Resolution', automatic: false, description: 'Resolution steps, validation, recovery' },
  improvements: { id: 'improvements', heading: 'What Could Be Improved', automatic: false, description: 'Prevention and what to do better next time' },
  metrics: {
    id: 'metrics',
    heading: 'Metrics',
    automatic: true,
    description: 'Time to detect, acknowledge, mitigate and resolve',
  },
  'action-items': {
    id: 'action-items',
    heading: 'Action Items',
    automatic: true,
    description: 'The action item records: action, owner, priority, due date, status',
  },
  lessons: { id: 'lessons', heading: 'Lessons Learned', automatic: false, description: 'Key insights' },
};

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}

export function isAutomatic(id: SectionId): boolean {
  return SECTIONS[id].automatic;
}

/**
 * Headings a template may use for a section without naming its id: compared after lower-casing
 * and turning every run of non-letters/digits into one space ("Root-Cause:" = "root cause").
 * The id itself and the default heading always match; a heading that matches none needs an
 * explicit `{#id}` (templates.ts).
 */
export const SECTION_ALIASES: Readonly<Record<SectionId, readonly string[]>> = {
  details: ['incident details', 'details'],
  summary: ['executive summary', 'summary', 'incident summary'],
  timeline: ['timeline', 'incident timeline'],
  impact: ['impact', 'impact assessment'],
  'root-cause': ['root cause', 'root cause analysis', 'root causes'],
  'contributing-factors': ['contributing factors'],
  detection: ['detection'],
  response: ['response', 'response effectiveness'],
  resolution: ['resolution'],
  improvements: ['what could be improved', 'improvements', 'prevention', 'preventive measures'],
  metrics: ['metrics', 'response metrics'],
  'action-items': ['action items'],
  lessons: ['lessons learned', 'lessons'],
};

export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const BY_ALIAS: ReadonlyMap<string, SectionId> = new Map(
  SECTION_IDS.flatMap((id) => [id, SECTIONS[id].heading, ...SECTION_ALIASES[id]].map((name) => [normalizeHeading(name), id] as const)),
);

/** The section a heading names, or undefined. */
export function sectionFromHeading(heading: string): SectionId | undefined {
  return BY_ALIAS.get(normalizeHeading(heading));
}
