import type { OpEnvelope } from '../ops/envelope.ts';

/**
 * What importing a .warroom file would change, said before anything is written: a file may be
 * crafted (a double-click is all it takes), and what it adds is permanent — ops are never deleted,
 * and they reach the next backup and every sync target. Pure: the caller reads the store.
 */

/** Why an op claiming this laptop's device id (`own`, with its name where set) is refused. */
export function ownDeviceRefusal(op: Pick<OpEnvelope, 'id' | 'hash'>, own: string): Refusal {
  return { id: op.id, hash: op.hash, reason: `claims this laptop’s own device id ${own}, under which only this laptop writes` };
}

/** What the store holds that the summary needs to name things and to see what is new. */
export interface ImportContext {
  /** This laptop's device id: an op claiming it that is not already here is refused. */
  ownDevice: string;
  /** This laptop's name as the others see it, when set. */
  ownDeviceName: string | null;
  /** Hashes of the file's ops that this laptop already holds (applied or pending). */
  known: ReadonlySet<string>;
  /** Titles of the incidents already here, by id. */
  incidentTitles: ReadonlyMap<string, string>;
  /** Team setting keys that hold something here now, built-ins included (`phase-names`, `runbook:security`). */
  existingSettings: ReadonlySet<string>;
}

export interface Refusal {
  /** The op's id (`<device>-<seq>`), as in the file. */
  id: string;
  hash: string;
  reason: string;
}

/** The team settings kinds, in the words of the dialog. */
const SETTING_WORDS: Record<string, string> = {
  'settings.severity-scheme': 'severity scheme',
  'settings.phase-names': 'phase names',
  'settings.runbook': 'runbook',
  'settings.postmortem-template': 'post-mortem template',
  'settings.scenario': 'exercise scenario',
  'settings.status-template': 'status template',
};

export interface SettingChange {
  /** The setting's key (`runbook:security`). */
  key: string;
  /** Its kind in words (`runbook`). */
  kind: string;
  /** The id within the kind (`security`), or null for a one-off setting (phase names). */
  id: string | null;
  /** `replaces`: something is there now (a built-in or the team's own), and the import may take its place. */
  change: 'adds' | 'replaces' | 'removes';
}

export interface ImportSummary {
  /** Ops in the file. */
  total: number;
  alreadyHere: number;
  /** Ops that would be written: new, and not refused. */
  adding: number;
  /** Among the ops to add, per writing device, with the people named as authors on it (this laptop's own never: those are refused). */
  devices: { id: string; ops: number; actors: string[] }[];
  /** Among the ops to add, per person named as their author. */
  actors: { name: string; ops: number }[];
  /** Among the ops to add, per incident, with its title where known. */
  incidents: { id: string; title: string | null; ops: number }[];
  /** Team settings the ops to add would set, one entry per setting. */
  settings: SettingChange[];
  refused: Refusal[];
}

function stringIn(data: unknown, member: string): string | null {
  const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[member] : undefined;
  return typeof value === 'string' ? value : null;
}

/** The title an op gives its incident: a declaration's, or a later rename. */
function titleIn(op: OpEnvelope): string | null {
  if (op.kind === 'incident.declare') return stringIn(op.data, 'title');
  if (op.kind === 'incident.set') return stringIn((op.data as Record<string, unknown>)['fields'], 'title');
  return null;
}

function settingOf(op: OpEnvelope, existing: ReadonlySet<string>): SettingChange | null {
  const kind = SETTING_WORDS[op.kind];
  if (op.incident !== null || kind === undefined) return null;
  const name = op.kind.slice('settings.'.length);
  const id = name === 'severity-scheme' || name === 'phase-names' ? null : stringIn(op.data, 'id');
  const key = id === null ? name : `${name}:${id}`;
  const data = op.data as Record<string, unknown>;
  const removed = (op.kind === 'settings.postmortem-template' || op.kind === 'settings.status-template' ? data['template'] : data['source']) === null && id !== null;
  return { key, kind, id, change: removed ? 'removes' : existing.has(key) ? 'replaces' : 'adds' };
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The summary of importing `ops` (every op of the file, applied kinds and those kept for a newer
 * War Room alike). An op already here changes nothing. An op claiming this laptop's own device id
 * that is not already here is refused: only this laptop writes under its id, so such an op is
 * forged (or from a copied profile) and would also collide with this laptop's next change.
 */
export function summarizeImport(ops: readonly OpEnvelope[], context: ImportContext): ImportSummary {
  const devices = new Map<string, { ops: number; actors: Set<string> }>();
  const actors = new Map<string, number>();
  const incidents = new Map<string, number>();
  const titles = new Map(context.incidentTitles);
  const settings = new Map<string, SettingChange>();
  const refused: Refusal[] = [];
  const own = context.ownDeviceName === null ? context.ownDevice : `${context.ownDevice} (“${context.ownDeviceName}”)`;
  let alreadyHere = 0;
  for (const op of ops) {
    if (context.known.has(op.hash)) {
      alreadyHere += 1;
      continue;
    }
    if (op.device === context.ownDevice) {
      refused.push(ownDeviceRefusal(op, own));
      continue;
    }
    const device = devices.get(op.device) ?? { ops: 0, actors: new Set<string>() };
    device.ops += 1;
    device.actors.add(op.actor);
    devices.set(op.device, device);
    actors.set(op.actor, (actors.get(op.actor) ?? 0) + 1);
    if (op.incident !== null) {
      incidents.set(op.incident, (incidents.get(op.incident) ?? 0) + 1);
      const title = titleIn(op);
      // The title people know here names it best; a new incident goes by the file's (latest) title.
      if (title !== null && !context.incidentTitles.has(op.incident)) titles.set(op.incident, title);
    }
    const setting = settingOf(op, context.existingSettings);
    // Several ops on one setting: an add never hides a replacement or a removal.
    if (setting && (settings.get(setting.key)?.change ?? 'adds') === 'adds') settings.set(setting.key, setting);
  }
  return {
    total: ops.length,
    alreadyHere,
    adding: ops.length - alreadyHere - refused.length,
    devices: [...devices.keys()].sort(byName).map((id) => ({ id, ops: devices.get(id)!.ops, actors: [...devices.get(id)!.actors].sort(byName) })),
    actors: [...actors.keys()].sort(byName).map((name) => ({ name, ops: actors.get(name)! })),
    incidents: [...incidents.keys()].sort(byName).map((id) => ({ id, title: titles.get(id) ?? null, ops: incidents.get(id)! })),
    settings: [...settings.values()].sort((a, b) => byName(a.key, b.key)),
    refused,
  };
}
