import type { EntryFields } from '../domain/entry.ts';
import { INCIDENT_DEFAULTS, type IncidentFields, type Phase, type Role } from '../domain/incident.ts';
import type { PhaseNames } from '../domain/phaseNames.ts';
import { DEFAULT_TIMELINE_MODE, type ActionFields, type PostmortemSection, type TimelineMode } from '../domain/postmortem.ts';
import type { SeverityScheme } from '../domain/severity.ts';
import type { OpIntent } from '../ops/createOp.ts';
import type { Op } from '../ops/envelope.ts';
import { hlcToIso } from '../ops/hlc.ts';
import type { ChecklistItemState } from '../ops/kinds.ts';
import type { Runbook } from '../runbooks/runbook.ts';
import type { Speed } from '../exercises/clock.ts';
import type { ClockActionKind } from '../exercises/clockLog.ts';
import type { Inject, Scenario } from '../exercises/scenario.ts';
import { currentValue, insertSorted, stampOf, type Register, type Stamp, type Version } from './register.ts';

type Registers<F> = { [K in keyof F]?: Register<F[K]> };

/** The merged state of one incident: one register per field, plus who declared it. */
export interface IncidentDoc {
  table: 'incidents';
  key: string;
  declared: readonly Stamp[];
  fields: Registers<IncidentFields>;
  roles: Partial<Record<Role, Register<string | null>>>;
}

export interface Strike extends Stamp {
  reason: string;
}

/** The merged state of one timeline entry. Entries are add-only; a strike is a tombstone. */
export interface EntryDoc {
  table: 'entries';
  key: string;
  incident: string;
  entry: string;
  added: readonly Stamp[];
  fields: Registers<EntryFields>;
  strikes: readonly Strike[];
}

/** A team-wide setting: one register per setting name. */
export type SettingDoc =
  | { table: 'settings'; key: 'severity-scheme'; value: Register<SeverityScheme> }
  | { table: 'settings'; key: 'phase-names'; value: Register<PhaseNames> }
  | { table: 'settings'; key: RunbookSettingKey; value: Register<string | null> }
  | { table: 'settings'; key: TemplateSettingKey; value: Register<CustomTemplate | null> }
  | { table: 'settings'; key: ScenarioSettingKey; value: Register<string | null> };

/** The team's own exercise scenarios, one setting per scenario id (the source as written). */
export type ScenarioSettingKey = `scenario:${string}`;
export function scenarioSettingKey(id: string): ScenarioSettingKey {
  return `scenario:${id}`;
}

/** The team's own post-mortem templates, one setting per template id. */
export type TemplateSettingKey = `postmortem-template:${string}`;
export interface CustomTemplate {
  name: string;
  source: string;
}
export function templateSettingKey(id: string): TemplateSettingKey {
  return `postmortem-template:${id}`;
}

/** The team's own runbooks are settings too, one per runbook id. */
export type RunbookSettingKey = `runbook:${string}`;
export function runbookSettingKey(id: string): RunbookSettingKey {
  return `runbook:${id}`;
}

/** A `checklist.start`: who started the run, when, and the runbook content it snapshotted. */
export interface ChecklistStart extends Stamp {
  runbook: Runbook;
}

/** What a `checklist.set` writes: the item's state, and why (always, when skipped). */
export interface ChecklistItemValue {
  state: ChecklistItemState;
  reason?: string;
}

/** Two registers per item, so checking one item never overwrites another's assignee or state. */
export interface ChecklistItemRegisters {
  state: Register<ChecklistItemValue>;
  assignee: Register<string | null>;
}

/**
 * The merged state of one checklist run (a runbook executed on an incident). Every item is a
 * pair of last-writer-wins registers; ops for items the runbook lacks, or that arrive before
 * the start, are kept here all the same (the fold must not depend on order) and the view
 * ignores what the runbook does not list.
 */
export interface ChecklistDoc {
  table: 'checklists';
  key: string;
  incident: string;
  run: string;
  /** Every start op for this run id, by (hlc, hash); the earliest one's runbook is the run's. */
  started: readonly ChecklistStart[];
  items: Readonly<Record<string, ChecklistItemRegisters>>;
}

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

/** The merged state of one action item: who created it, and one register per field. */
export interface ActionDoc {
  table: 'actions';
  key: string;
  incident: string;
  action: string;
  /** Every create op for this id, by (hlc, hash); the earliest says who created it and when. */
  created: readonly Stamp[];
  fields: Registers<ActionFields>;
}

/** One clock action of an exercise, with the device that pressed it (the one that drives injects). */
export interface ClockMark extends Stamp {
  action: ClockActionKind;
  at: number;
  speed: Speed;
  device: string;
}

/** An inject delivered into the timeline. */
export interface DeliveredInject extends Stamp {
  inject: Inject;
  entry: string;
  adhoc: boolean;
}

/**
 * The merged exercise of one incident. The scenario is the earliest start's snapshot; clock
 * actions and deliveries are add-only logs; each manual check is its own register.
 */
export interface ExerciseDoc {
  table: 'exercises';
  /** The incident id: one exercise per incident. */
  key: string;
  incident: string;
  started: readonly (Stamp & { scenario: Scenario })[];
  clock: readonly ClockMark[];
  delivered: readonly DeliveredInject[];
  manual: Readonly<Record<string, Register<boolean>>>;
}

export type Doc = IncidentDoc | EntryDoc | SettingDoc | ChecklistDoc | PostmortemDoc | ActionDoc | ExerciseDoc;
export type DocRef = Pick<Doc, 'table' | 'key'>;

/** Entries are keyed within their incident, so an op can never move an entry elsewhere. */
export function entryKey(incident: string, entry: string): string {
  return `${incident}/${entry}`;
}

/** Runs are keyed within their incident, like entries. */
export function checklistKey(incident: string, run: string): string {
  return `${incident}/${run}`;
}

/** Action items are keyed within their incident, like entries. */
export function actionKey(incident: string, action: string): string {
  return `${incident}/${action}`;
}

/**
 * Each op touches exactly one doc: the incremental apply and the full rebuild share this.
 * Takes an op, or the intent of one not stamped yet (a commit reads the doc before stamping).
 */
export function docRefOf(op: Pick<OpIntent, 'kind' | 'incident' | 'data'>): DocRef {
  switch (op.kind) {
    case 'incident.declare':
    case 'incident.set':
    case 'incident.assign':
      return { table: 'incidents', key: op.incident! };
    case 'entry.add':
    case 'entry.edit':
    case 'entry.strike':
      return { table: 'entries', key: entryKey(op.incident!, (op.data as { entry: string }).entry) };
    case 'settings.severity-scheme':
      return { table: 'settings', key: 'severity-scheme' };
    case 'settings.phase-names':
      return { table: 'settings', key: 'phase-names' };
    case 'settings.runbook':
      return { table: 'settings', key: runbookSettingKey((op.data as { id: string }).id) };
    case 'settings.postmortem-template':
      return { table: 'settings', key: templateSettingKey((op.data as { id: string }).id) };
    case 'settings.scenario':
      return { table: 'settings', key: scenarioSettingKey((op.data as { id: string }).id) };
    case 'checklist.start':
    case 'checklist.set':
    case 'checklist.assign':
      return { table: 'checklists', key: checklistKey(op.incident!, (op.data as { run: string }).run) };
    case 'postmortem.set':
    case 'postmortem.template':
    case 'postmortem.timeline':
      return { table: 'postmortems', key: op.incident! };
    case 'action.create':
    case 'action.set':
      return { table: 'actions', key: actionKey(op.incident!, (op.data as { action: string }).action) };
    case 'exercise.start':
    case 'exercise.clock':
    case 'exercise.inject':
    case 'exercise.manual':
      return { table: 'exercises', key: op.incident! };
  }
}

function writeFields<F extends object>(registers: Registers<F>, values: Partial<F>, stamp: Stamp): Registers<F> {
  const next: Registers<F> = { ...registers };
  for (const name of Object.keys(values) as (keyof F)[]) {
    const value = values[name];
    if (value === undefined) continue;
    next[name] = insertSorted(registers[name], { ...stamp, value: value as F[keyof F] }) as Register<F[keyof F]>;
  }
  return next;
}

function emptyDoc(op: Op): Doc {
  const ref = docRefOf(op);
  if (ref.table === 'incidents') return { table: 'incidents', key: ref.key, declared: [], fields: {}, roles: {} };
  // Every setting starts as an empty register; its key says which setting it is.
  if (ref.table === 'settings') return { table: 'settings', key: ref.key, value: [] } as SettingDoc;
  if (ref.table === 'postmortems') return { table: 'postmortems', key: ref.key, incident: op.incident!, sections: {}, template: [], timelineMode: [] };
  if (ref.table === 'actions') return { table: 'actions', key: ref.key, incident: op.incident!, action: (op.data as { action: string }).action, created: [], fields: {} };
  if (ref.table === 'exercises') return { table: 'exercises', key: ref.key, incident: op.incident!, started: [], clock: [], delivered: [], manual: {} };
  if (ref.table === 'checklists') return { table: 'checklists', key: ref.key, incident: op.incident!, run: (op.data as { run: string }).run, started: [], items: {} };
  const entry = (op.data as { entry: string }).entry;
  return { table: 'entries', key: ref.key, incident: op.incident!, entry, added: [], fields: {}, strikes: [] };
}

/** Pure, commutative, idempotent: apply one op to the doc it touches. */
export function reduceDoc(doc: Doc | undefined, op: Op): Doc {
  const base = doc ?? emptyDoc(op);
  const stamp = stampOf(op);
  switch (op.kind) {
    case 'incident.declare': {
      const incident = base as IncidentDoc;
      return { ...incident, declared: insertSorted(incident.declared, stamp), fields: writeFields(incident.fields, op.data, stamp) };
    }
    case 'incident.set': {
      const incident = base as IncidentDoc;
      return { ...incident, fields: writeFields(incident.fields, op.data.fields, stamp) };
    }
    case 'incident.assign': {
      const incident = base as IncidentDoc;
      const roles = { ...incident.roles, [op.data.role]: insertSorted(incident.roles[op.data.role], { ...stamp, value: op.data.person }) };
      return { ...incident, roles };
    }
    case 'entry.add': {
      const entry = base as EntryDoc;
      return { ...entry, added: insertSorted(entry.added, stamp), fields: writeFields(entry.fields, op.data.fields, stamp) };
    }
    case 'entry.edit': {
      const entry = base as EntryDoc;
      return { ...entry, fields: writeFields(entry.fields, op.data.fields, stamp) };
    }
    case 'entry.strike': {
      const entry = base as EntryDoc;
      return { ...entry, strikes: insertSorted(entry.strikes, { ...stamp, reason: op.data.reason }) };
    }
    case 'settings.severity-scheme': {
      const setting = base as Extract<SettingDoc, { key: 'severity-scheme' }>;
      return { ...setting, value: insertSorted(setting.value, { ...stamp, value: op.data.scheme }) };
    }
    case 'settings.phase-names': {
      const setting = base as Extract<SettingDoc, { key: 'phase-names' }>;
      return { ...setting, value: insertSorted(setting.value, { ...stamp, value: op.data.names }) };
    }
    case 'settings.runbook': {
      const setting = base as Extract<SettingDoc, { key: RunbookSettingKey }>;
      return { ...setting, value: insertSorted(setting.value, { ...stamp, value: op.data.source }) };
    }
    case 'settings.postmortem-template': {
      const setting = base as Extract<SettingDoc, { key: TemplateSettingKey }>;
      return { ...setting, value: insertSorted(setting.value, { ...stamp, value: op.data.template }) };
    }
    case 'settings.scenario': {
      const setting = base as Extract<SettingDoc, { key: ScenarioSettingKey }>;
      return { ...setting, value: insertSorted(setting.value, { ...stamp, value: op.data.source }) };
    }
    case 'checklist.start': {
      const run = base as ChecklistDoc;
      return { ...run, started: insertSorted(run.started, { ...stamp, runbook: op.data.runbook }) };
    }
    case 'checklist.set': {
      const run = base as ChecklistDoc;
      const value: ChecklistItemValue = op.data.reason === undefined ? { state: op.data.state } : { state: op.data.state, reason: op.data.reason };
      const item = itemRegisters(run, op.data.item);
      return { ...run, items: { ...run.items, [op.data.item]: { ...item, state: insertSorted(item.state, { ...stamp, value }) } } };
    }
    case 'checklist.assign': {
      const run = base as ChecklistDoc;
      const item = itemRegisters(run, op.data.item);
      return { ...run, items: { ...run.items, [op.data.item]: { ...item, assignee: insertSorted(item.assignee, { ...stamp, value: op.data.assignee }) } } };
    }
    case 'postmortem.set': {
      const postmortem = base as PostmortemDoc;
      const { section, text, base: from, resolves } = op.data;
      const value: SectionValue = resolves === undefined ? { text, base: from } : { text, base: from, resolves };
      return { ...postmortem, sections: { ...postmortem.sections, [section]: insertSorted(postmortem.sections[section], { ...stamp, value }) } };
    }
    case 'postmortem.template': {
      const postmortem = base as PostmortemDoc;
      return { ...postmortem, template: insertSorted(postmortem.template, { ...stamp, value: op.data.template }) };
    }
    case 'postmortem.timeline': {
      const postmortem = base as PostmortemDoc;
      return { ...postmortem, timelineMode: insertSorted(postmortem.timelineMode, { ...stamp, value: op.data.mode }) };
    }
    case 'action.create': {
      const action = base as ActionDoc;
      return { ...action, created: insertSorted(action.created, stamp), fields: writeFields(action.fields, op.data.fields, stamp) };
    }
    case 'action.set': {
      const action = base as ActionDoc;
      return { ...action, fields: writeFields(action.fields, op.data.fields, stamp) };
    }
    case 'exercise.start': {
      const exercise = base as ExerciseDoc;
      return { ...exercise, started: insertSorted(exercise.started, { ...stamp, scenario: op.data.scenario }) };
    }
    case 'exercise.clock': {
      const exercise = base as ExerciseDoc;
      return { ...exercise, clock: insertSorted(exercise.clock, { ...stamp, ...op.data, device: op.device }) };
    }
    case 'exercise.inject': {
      const exercise = base as ExerciseDoc;
      return { ...exercise, delivered: insertSorted(exercise.delivered, { ...stamp, ...op.data }) };
    }
    case 'exercise.manual': {
      const exercise = base as ExerciseDoc;
      const register = Object.hasOwn(exercise.manual, op.data.expected) ? exercise.manual[op.data.expected] : undefined;
      return { ...exercise, manual: { ...exercise.manual, [op.data.expected]: insertSorted(register, { ...stamp, value: op.data.met }) } };
    }
  }
}

function itemRegisters(run: ChecklistDoc, item: string): ChecklistItemRegisters {
  return Object.hasOwn(run.items, item) ? run.items[item]! : { state: [], assignee: [] };
}

export interface IncidentView extends IncidentFields {
  id: string;
  declaredBy: string;
  /** Who holds each response role now; absent roles are unassigned. */
  roles: Partial<Record<Role, string>>;
  /** The last change to any field: what "updated" means on the board. */
  updatedHlc: string;
}

/** The incident as the UI sees it; null until its declaration has arrived. */
export function incidentView(doc: IncidentDoc): IncidentView | null {
  const declared = doc.declared[0];
  if (!declared) return null;
  const values: Record<string, unknown> = { ...INCIDENT_DEFAULTS };
  let updatedHlc = declared.hlc;
  for (const [name, register] of Object.entries(doc.fields) as [string, Register<unknown>][]) {
    values[name] = currentValue(register);
    const last = register[register.length - 1];
    if (last && last.hlc > updatedHlc) updatedHlc = last.hlc;
  }
  const roles: Partial<Record<Role, string>> = {};
  for (const [role, register] of Object.entries(doc.roles) as [Role, Register<string | null>][]) {
    const person = currentValue(register);
    if (person) roles[role] = person;
    const last = register[register.length - 1];
    if (last && last.hlc > updatedHlc) updatedHlc = last.hlc;
  }
  return { ...(values as unknown as IncidentFields), id: doc.key, declaredBy: declared.actor, roles, updatedHlc };
}

export interface EntryView extends EntryFields {
  id: string;
  incident: string;
  author: string;
  /** When the scribe recorded it (the add op's stamp), as opposed to eventAt. */
  recordedAt: string;
  hlc: string;
  struck: Strike | null;
  /** Versions beyond the first, over all fields. */
  edits: number;
}

export function entryView(doc: EntryDoc): EntryView | null {
  const added = doc.added[0];
  const { text, kind, eventAt } = doc.fields;
  if (!added || !text || !kind || !eventAt) return null;
  let edits = 0;
  for (const register of Object.values(doc.fields) as Register<unknown>[]) edits += register.length - 1;
  return {
    id: doc.entry,
    incident: doc.incident,
    author: added.actor,
    recordedAt: hlcToIso(added.hlc),
    hlc: added.hlc,
    text: currentValue(text)!,
    kind: currentValue(kind)!,
    eventAt: currentValue(eventAt)!,
    pinned: currentValue(doc.fields.pinned) ?? false,
    tags: currentValue(doc.fields.tags) ?? [],
    struck: doc.strikes[0] ?? null,
    edits,
  };
}

export interface ChecklistItemView {
  id: string;
  phase: Phase;
  text: string;
  role?: Role;
  note?: string;
  state: ChecklistItemState;
  /** Why, from the winning set op (always there when skipped). */
  reason?: string;
  /** Who set the current state, and when (ISO): absent until someone has. */
  by?: string;
  at?: string;
  /** A person or a role name; null when unassigned. */
  assignee: string | null;
}

export interface ChecklistPhaseProgress {
  phase: Phase;
  done: number;
  skipped: number;
  total: number;
}

export interface ChecklistView {
  /** The run id. */
  id: string;
  incident: string;
  /** The snapshot the earliest start carried: what every laptop runs. */
  runbook: Runbook;
  startedBy: string;
  /** ISO time of the earliest start. */
  startedAt: string;
  /** In runbook order: phase by phase, item by item. */
  items: ChecklistItemView[];
  /** One row per phase of the runbook, in its order. */
  progress: ChecklistPhaseProgress[];
}

/** The run as the UI sees it; null until its start has arrived. Items the runbook lacks are ignored. */
export function checklistView(doc: ChecklistDoc): ChecklistView | null {
  const start = doc.started[0];
  if (!start) return null;
  const { runbook } = start;
  const items: ChecklistItemView[] = [];
  const progress: ChecklistPhaseProgress[] = [];
  for (const { phase, items: phaseItems } of runbook.phases) {
    const counts: ChecklistPhaseProgress = { phase, done: 0, skipped: 0, total: phaseItems.length };
    for (const item of phaseItems) {
      const registers = Object.hasOwn(doc.items, item.id) ? doc.items[item.id] : undefined;
      const set = registers?.state[registers.state.length - 1];
      const view: ChecklistItemView = { id: item.id, phase, text: item.text, state: set?.value.state ?? 'open', assignee: currentValue(registers?.assignee) ?? null };
      if (item.role !== undefined) view.role = item.role;
      if (item.note !== undefined) view.note = item.note;
      if (set) {
        if (set.value.reason !== undefined) view.reason = set.value.reason;
        view.by = set.actor;
        view.at = hlcToIso(set.hlc);
      }
      if (view.state === 'done') counts.done += 1;
      if (view.state === 'skipped') counts.skipped += 1;
      items.push(view);
    }
    progress.push(counts);
  }
  return { id: doc.run, incident: doc.incident, runbook, startedBy: start.actor, startedAt: hlcToIso(start.hlc), items, progress };
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

function versionView(version: Version<SectionValue>): SectionVersionView {
  return { text: version.value.text, by: version.actor, at: hlcToIso(version.hlc), hash: version.hash };
}

/**
 * The edits of one section that lost and that nobody has taken into account (DESIGN.md §2:
 * a concurrent edit stays visible until someone restores or dismisses it). Through `base` the
 * versions form a tree; a version someone edited from was seen and built on, so it is history.
 * Every other version but the winner is a head nobody built on: a conflict, unless
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

export interface ActionView extends ActionFields {
  /** The action item's id. */
  id: string;
  incident: string;
  createdBy: string;
  /** ISO time of the earliest create. */
  createdAt: string;
  /** ISO time of the latest write to any field. */
  updatedAt: string;
}

/** The action item as the UI sees it; null until its create has arrived. */
export function actionView(doc: ActionDoc): ActionView | null {
  const created = doc.created[0];
  const { description, priority, status } = doc.fields;
  if (!created || !description || !priority || !status) return null;
  let updatedHlc = created.hlc;
  for (const register of Object.values(doc.fields) as Register<unknown>[]) {
    const last = register[register.length - 1];
    if (last && last.hlc > updatedHlc) updatedHlc = last.hlc;
  }
  return {
    id: doc.action,
    incident: doc.incident,
    description: currentValue(description)!,
    owner: currentValue(doc.fields.owner) ?? null,
    priority: currentValue(priority)!,
    dueDate: currentValue(doc.fields.dueDate) ?? null,
    status: currentValue(status)!,
    fromEntry: currentValue(doc.fields.fromEntry) ?? null,
    createdBy: created.actor,
    createdAt: hlcToIso(created.hlc),
    updatedAt: hlcToIso(updatedHlc),
  };
}
