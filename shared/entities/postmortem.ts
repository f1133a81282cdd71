import { z } from 'zod';
import { DEFAULT_TIMELINE_MODE, OpHash, PostmortemSection, SectionText, TemplateId, TimelineMode } from '../domain/postmortem.ts';
import { hlcToIso } from '../ops/hlc.ts';
import { currentValue, insertSorted, type Register, type Version } from '../state/register.ts';
import { byIncident, defineEntity, kind } from '../state/registry.ts';

/** What a `postmortem.set` writes: the section's text, and the version it was edited from. */
export interface SectionValue {
  text: string;
  /** Hash of the `postmortem.set` the editor started from; null for a section's first edit. */
  base: string | null;
  /** Conflicts this edit settles (merged or dismissed); absent when none. */
  resolves?: readonly string[];
}

/**
 * The merged post-mortem of one incident. Every section is its own register, so two people
 * writing different sections never collide; within a section the `base` of each write tells a
 * concurrent edit (a conflict, kept and restorable) from one that built on what it replaced.
 */
export interface PostmortemDoc {
  table: 'postmortems';
  /** The incident id: one post-mortem per incident. */
  key: string;
  incident: string;
  sections: Partial<Record<PostmortemSection, Register<SectionValue>>>;
  template: Register<string>;
  timelineMode: Register<TimelineMode>;
}

/** One version of a post-mortem section: its text, who wrote it, when (ISO), and its op's hash. */
export interface SectionVersionView {
  text: string;
  by: string;
  at: string;
  /** The `postmortem.set` op's hash: the `base` of an edit made from this version. */
  hash: string;
}

export interface PostmortemSectionView extends SectionVersionView {
  /**
   * Concurrent edits that lost (oldest first), see sectionConflicts. Restoring one is a new
   * `postmortem.set` of its text based on `hash`; dismissing one (or merging it by hand) is an
   * edit based on `hash` that lists it in `resolves`.
   */
  conflicts: SectionVersionView[];
}

export interface PostmortemView {
  incident: string;
  /** The chosen template's id; null until someone chooses (the UI offers the default). */
  template: string | null;
  timelineMode: TimelineMode;
  /** Only the sections someone has written; the UI fills the rest from the template. */
  sections: Partial<Record<PostmortemSection, PostmortemSectionView>>;
}

/** Materialized post-mortem, keyed by its incident; there is a view as soon as anything was written. */
export interface PostmortemRow {
  key: string;
  incident: string;
  doc: PostmortemDoc;
  view: PostmortemView;
}

function versionView(version: Version<SectionValue>): SectionVersionView {
  return { text: version.value.text, by: version.actor, at: hlcToIso(version.hlc), hash: version.hash };
}

/**
 * The edits of one section that lost and that nobody has taken into account (a concurrent edit
 * stays visible until someone restores or dismisses it). Through `base` the versions form a
 * tree; a version someone edited from was seen and built on, so it is history. Every other
 * version but the winner is a head nobody built on: a conflict, unless
 * - a later version has the same text (a restore, or the same words typed twice: nothing lost), or
 * - a later edit lists it in `resolves` (merged or dismissed by someone who saw it).
 * Siblings of the winner and heads of branches the winner did not grow from are both caught,
 * so two people typing on from their own versions each see the other's. Depends only on the
 * set of versions: every replica shows the same conflicts.
 */
export function sectionConflicts(register: Register<SectionValue>): Version<SectionValue>[] {
  const winner = register[register.length - 1];
  if (!winner) return [];
  const settled = new Set<string>();
  /** The greatest version with each text (the register is in (hlc, hash) order). */
  const latestWithText = new Map<string, Version<SectionValue>>();
  for (const version of register) {
    if (version.value.base !== null) settled.add(version.value.base);
    for (const hash of version.value.resolves ?? []) settled.add(hash);
    latestWithText.set(version.value.text, version);
  }
  return register.filter((version) => version !== winner && !settled.has(version.hash) && latestWithText.get(version.value.text) === version);
}

/** The post-mortem as the UI sees it: the winning text of each written section, with its conflicts. */
export function postmortemView(doc: PostmortemDoc): PostmortemView {
  const sections: Partial<Record<PostmortemSection, PostmortemSectionView>> = {};
  for (const [section, register] of Object.entries(doc.sections) as [PostmortemSection, Register<SectionValue>][]) {
    const winner = register[register.length - 1];
    if (!winner) continue;
    sections[section] = { ...versionView(winner), conflicts: sectionConflicts(register).map(versionView) };
  }
  return {
    incident: doc.incident,
    template: currentValue(doc.template) ?? null,
    timelineMode: currentValue(doc.timelineMode) ?? DEFAULT_TIMELINE_MODE,
    sections,
  };
}

const postmortemKind = kind<PostmortemDoc>();

export const postmortems = defineEntity({
  table: 'postmortems',
  scope: 'incident',
  store: { indexes: 'key', since: 5 },
  kinds: {
    /**
     * Write one section of the incident's post-mortem. `base` is the hash of the `postmortem.set`
     * the editor started from (null for the section's first edit): an edit nobody built on that
     * loses stays visible as a conflict until its text is restored or an edit lists it in
     * `resolves` (the conflicts the person merged by hand or dismissed).
     */
    'postmortem.set': postmortemKind(
      z.object({ section: PostmortemSection, text: SectionText, base: OpHash.nullable(), resolves: z.array(OpHash).min(1).max(50).optional() }).strict(),
      {
        key: byIncident,
        reduce(doc, op, stamp) {
          const { section, text, base: from, resolves } = op.data;
          const value: SectionValue = resolves === undefined ? { text, base: from } : { text, base: from, resolves };
          return { ...doc, sections: { ...doc.sections, [section]: insertSorted(doc.sections[section], { ...stamp, value }) } };
        },
      },
    ),
    /** Which template the post-mortem follows. */
    'postmortem.template': postmortemKind(z.object({ template: TemplateId }).strict(), {
      key: byIncident,
      reduce: (doc, op, stamp) => ({ ...doc, template: insertSorted(doc.template, { ...stamp, value: op.data.template }) }),
    }),
    /** Whether the post-mortem's timeline shows the pinned entries or all of them. */
    'postmortem.timeline': postmortemKind(z.object({ mode: TimelineMode }).strict(), {
      key: byIncident,
      reduce: (doc, op, stamp) => ({ ...doc, timelineMode: insertSorted(doc.timelineMode, { ...stamp, value: op.data.mode }) }),
    }),
  },
  empty: (key, op): PostmortemDoc => ({ table: 'postmortems', key, incident: op.incident!, sections: {}, template: [], timelineMode: [] }),
  row: (doc): PostmortemRow => ({ key: doc.key, incident: doc.incident, doc, view: postmortemView(doc) }),
});
