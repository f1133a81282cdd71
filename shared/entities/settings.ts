import { z } from 'zod';
import { ActionPriorityScale } from '../domain/actionItems.ts';
import { PhaseNames } from '../domain/phaseNames.ts';
import { TemplateId } from '../domain/postmortem.ts';
import { SeverityScheme } from '../domain/severity.ts';
import { CommsPlan } from '../comms/commsPlan.ts';
import { Roster } from '../contacts/roster.ts';
import { TeamRoles } from '../contacts/teamRoles.ts';
import { EscalationMatrix } from '../escalation/matrix.ts';
import { Scenario } from '../exercises/scenario.ts';
import { StatusTemplateSlug, StatusTemplateValue } from '../comms/templateSource.ts';
import { RunbookSnapshot } from '../runbooks/runbook.ts';
import { insertSorted, type Register, type Stamp } from '../state/register.ts';
import { defineEntity, kind } from '../state/registry.ts';

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

/** The team's own exercise scenarios, one setting per scenario id (the source as written). */
export type ScenarioSettingKey = `scenario:${string}`;
export function scenarioSettingKey(id: string): ScenarioSettingKey {
  return `scenario:${id}`;
}

/** The team's own status templates (and its edits of the built-ins), one setting per template id. */
export type StatusTemplateSettingKey = `status-template:${string}`;
export function statusTemplateSettingKey(id: string): StatusTemplateSettingKey {
  return `status-template:${id}`;
}

/** A team-wide setting: one register per setting name. */
export type SettingDoc =
  | { table: 'settings'; key: 'severity-scheme'; value: Register<SeverityScheme> }
  | { table: 'settings'; key: 'phase-names'; value: Register<PhaseNames> }
  | { table: 'settings'; key: 'action-priorities'; value: Register<string[]> }
  | { table: 'settings'; key: 'team-roles'; value: Register<TeamRoles> }
  | { table: 'settings'; key: 'oncall-roster'; value: Register<Roster> }
  | { table: 'settings'; key: 'escalation-matrix'; value: Register<EscalationMatrix> }
  | { table: 'settings'; key: 'comms-plan'; value: Register<CommsPlan> }
  | { table: 'settings'; key: RunbookSettingKey; value: Register<string | null> }
  | { table: 'settings'; key: TemplateSettingKey; value: Register<CustomTemplate | null> }
  | { table: 'settings'; key: ScenarioSettingKey; value: Register<string | null> }
  | { table: 'settings'; key: StatusTemplateSettingKey; value: Register<StatusTemplateValue | null> };

export interface SettingRow {
  key: SettingDoc['key'];
  doc: SettingDoc;
}

const settingKind = kind<SettingDoc>();

/** Every setting is one register; the key says which setting, and so which value type it holds. */
function write(doc: SettingDoc, stamp: Stamp, value: unknown): SettingDoc {
  return { ...doc, value: insertSorted(doc.value as Register<unknown>, { ...stamp, value }) } as SettingDoc;
}

/** A team's own text (runbook, scenario): kept as written, not parsed, so it reads back exactly. */
const Source = z.string().min(1).max(200_000);

/** Team-wide ops carry incident null. */
export const settings = defineEntity({
  table: 'settings',
  scope: 'team',
  store: { indexes: 'key', since: 2 },
  kinds: {
    /** The severity scheme every laptop uses. */
    'settings.severity-scheme': settingKind(z.object({ scheme: SeverityScheme }).strict(), {
      key: () => 'severity-scheme',
      reduce: (doc, op, stamp) => write(doc, stamp, op.data.scheme),
    }),
    /** What each response phase is called. */
    'settings.phase-names': settingKind(z.object({ names: PhaseNames }).strict(), {
      key: () => 'phase-names',
      reduce: (doc, op, stamp) => write(doc, stamp, op.data.names),
    }),
    /** The team's action-item priority scale, most urgent first (until set: High, Medium, Low). */
    'settings.action-priorities': settingKind(z.object({ names: ActionPriorityScale }).strict(), {
      key: () => 'action-priorities',
      reduce: (doc, op, stamp) => write(doc, stamp, op.data.names),
    }),
    /** The roles the team adds beside the built-in ones (the whole list, validated as one). */
    'settings.team-roles': settingKind(z.object({ roles: TeamRoles }).strict(), {
      key: () => 'team-roles',
      reduce: (doc, op, stamp) => write(doc, stamp, op.data.roles),
    }),
    /** The on-call roster: handoff day and time, and who is primary and secondary each week. */
    'settings.oncall-roster': settingKind(z.object({ roster: Roster }).strict(), {
      key: () => 'oncall-roster',
      reduce: (doc, op, stamp) => write(doc, stamp, op.data.roster),
    }),
    /** The escalation matrix: who is brought in when, per severity, incident type or service (the whole matrix, validated as one). */
    'settings.escalation-matrix': settingKind(z.object({ matrix: EscalationMatrix }).strict(), {
      key: () => 'escalation-matrix',
      reduce: (doc, op, stamp) => write(doc, stamp, op.data.matrix),
    }),
    /** The communications plan: per severity level, the audiences with their cadence, channel and templates. */
    'settings.comms-plan': settingKind(z.object({ plan: CommsPlan }).strict(), {
      key: () => 'comms-plan',
      reduce: (doc, op, stamp) => write(doc, stamp, op.data.plan),
    }),
    /** One of the team's own runbooks, as the Markdown a person wrote (null: removed). */
    'settings.runbook': settingKind(z.object({ id: RunbookSnapshot.shape.id, source: Source.nullable() }).strict(), {
      key: (op) => runbookSettingKey(op.data.id),
      reduce: (doc, op, stamp) => write(doc, stamp, op.data.source),
    }),
    /** One of the team's own post-mortem templates, as written (null: removed). */
    'settings.postmortem-template': settingKind(
      z.object({ id: TemplateId, template: z.object({ name: z.string().trim().min(1).max(100), source: Source }).strict().nullable() }).strict(),
      { key: (op) => templateSettingKey(op.data.id), reduce: (doc, op, stamp) => write(doc, stamp, op.data.template) },
    ),
    /** One of the team's own exercise scenarios, as written, Markdown or JSON (null: removed). */
    'settings.scenario': settingKind(z.object({ id: Scenario.shape.id, source: Source.nullable() }).strict(), {
      key: (op) => scenarioSettingKey(op.data.id),
      reduce: (doc, op, stamp) => write(doc, stamp, op.data.source),
    }),
    /** One of the team's status templates, or its edit of a built-in of the same id (null: removed, the built-in is back). */
    'settings.status-template': settingKind(z.object({ id: StatusTemplateSlug, template: StatusTemplateValue.nullable() }).strict(), {
      key: (op) => statusTemplateSettingKey(op.data.id),
      reduce: (doc, op, stamp) => write(doc, stamp, op.data.template),
    }),
  },
  empty: (key): SettingDoc => ({ table: 'settings', key, value: [] }) as SettingDoc,
  row: (doc): SettingRow => ({ key: doc.key, doc }),
});
