/**
 * The registry's entities agree with themselves and with the database: every kind has a sample
 * here, folds into its own entity's doc, parses back from the wire, lands in a Dexie table that
 * the schema declares, and leaves a row with a view. A kind added without a reducer, a table the
 * materializer never writes or a view never built fails here.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS } from '../../../../shared/exercises/builtins.ts';
import { P1_P4_SCHEME } from '../../../../shared/domain/severity.ts';
import { DEFAULT_PHASE_NAMES } from '../../../../shared/domain/phaseNames.ts';
import {
  createOp,
  docRefOf,
  foldOps,
  isKnownKind,
  kindNeedsIncident,
  opKinds,
  parseOp,
  reduceDoc,
  registry,
  rowOf,
  type OpIntent,
  type OpKind,
} from '../../../../shared/entities/index.ts';
import { freshDeviceState } from '../../../../shared/ops/createOp.ts';
import { EMPTY_CONTACT } from '../../../../shared/contacts/contact.ts';
import { commitAll } from '../../../../renderer/db/commit.ts';
import { SCHEMA_VERSION, WarRoomDb } from '../../../../renderer/db/database.ts';
import { rebuildFromOps } from '../../../../renderer/db/rebuild.ts';
import { RUNBOOKS } from '../../support/opScripts.ts';

const INCIDENT = 'inc-registry';
const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const at = (minutes: number) => new Date(T + minutes * 60_000).toISOString();
const scenario = BUILT_IN_SCENARIOS[0]!;

/** One valid intent per kind, in an order that builds every view. The mapped type makes a missing kind a type error too. */
const SAMPLES: { [K in OpKind]: Omit<OpIntent<K>, 'actor' | 'kind'> } = {
  'incident.declare': { incident: INCIDENT, data: { title: 'Checkout errors', severity: 'P1', type: 'application', declaredAt: at(0) } },
  'incident.set': { incident: INCIDENT, data: { fields: { status: 'identified' } } },
  'incident.assign': { incident: INCIDENT, data: { role: 'incident-commander', person: 'Ana' } },
  'incident.audience-update': { incident: INCIDENT, data: { audience: 'customers', at: at(2) } },
  'incident.logistics': { incident: INCIDENT, data: { fields: { bridge: 'https://meet.example.com/inc', room: 'Room 4' } } },
  'entry.add': { incident: INCIDENT, data: { entry: 'ent-000001', fields: { text: 'Paged on-call', kind: 'note', eventAt: at(1), pinned: false, tags: [] } } },
  'entry.edit': { incident: INCIDENT, data: { entry: 'ent-000001', fields: { text: 'Paged the on-call' } } },
  'entry.audience': { incident: INCIDENT, data: { entry: 'ent-000001', audience: { id: 'customers', name: 'Customers', channel: 'Status page', customerFacing: true } } },
  'entry.strike': { incident: INCIDENT, data: { entry: 'ent-000001', reason: 'duplicate' } },
  'settings.severity-scheme': { incident: null, data: { scheme: P1_P4_SCHEME } },
  'settings.phase-names': { incident: null, data: { names: DEFAULT_PHASE_NAMES } },
  'settings.action-priorities': { incident: null, data: { names: ['Urgent', 'Soon', 'Later'] } },
  'settings.runbook': { incident: null, data: { id: 'team-runbook', source: '# Team runbook\n\n## Triage\n- [ ] Look\n' } },
  'settings.postmortem-template': { incident: null, data: { id: 'team-template', template: { name: 'Team', source: '## Summary\n' } } },
  'settings.scenario': { incident: null, data: { id: 'team-scenario', source: '{}' } },
  'settings.status-template': { incident: null, data: { id: 'customer-update', template: { name: 'Customer update', source: 'Status: {{status}}' } } },
  'checklist.start': { incident: INCIDENT, data: { run: 'run-000001', runbook: RUNBOOKS[0]! } },
  'checklist.set': { incident: INCIDENT, data: { run: 'run-000001', item: 'triage-1', state: 'done' } },
  'checklist.assign': { incident: INCIDENT, data: { run: 'run-000001', item: 'triage-1', assignee: 'Ben' } },
  'postmortem.set': { incident: INCIDENT, data: { section: 'summary', text: 'A bad deploy', base: null } },
  'postmortem.template': { incident: INCIDENT, data: { template: 'default-10-3' } },
  'postmortem.timeline': { incident: INCIDENT, data: { mode: 'all' } },
  'action.create': {
    incident: INCIDENT,
    data: { action: 'act-000001', fields: { description: 'Add an alert', owner: null, priorityName: 'Soon', dueDate: null, status: 'open', fromEntry: null } },
  },
  'action.set': { incident: INCIDENT, data: { action: 'act-000001', fields: { status: 'done' } } },
  'exercise.start': { incident: INCIDENT, data: { scenario } },
  'exercise.clock': { incident: INCIDENT, data: { action: 'start', at: T, speed: 1 } },
  'exercise.inject': { incident: INCIDENT, data: { inject: scenario.injects[0]!, entry: 'ent-000002', adhoc: false } },
  'exercise.manual': { incident: INCIDENT, data: { expected: scenario.expected[0]!.id, met: true } },
  'evidence.record': {
    incident: INCIDENT,
    data: { evidence: 'evi-000001', description: 'Web server log', collectedBy: 'Ana', collectedAt: at(2), storedAt: 'Locker 3', artefact: { name: 'access.log', size: 3, sha256: 'a'.repeat(64) } },
  },
  'evidence.handover': {
    incident: INCIDENT,
    data: { evidence: 'evi-000001', handover: 'hnd-000001', from: 'Ana', to: 'Ben', at: at(3), reason: 'Forensics', storedAt: null },
  },
  'evidence.verify': { incident: INCIDENT, data: { evidence: 'evi-000001', check: 'chk-000001', artefact: { name: 'access.log', size: 3, sha256: 'a'.repeat(64) } } },
  'incident.assign-team-role': { incident: INCIDENT, data: { role: 'database-administrator', name: 'Database administrator', person: 'Dee' } },
  'settings.team-roles': { incident: null, data: { roles: [{ id: 'database-administrator', name: 'Database administrator', description: '' }] } },
  'settings.oncall-roster': { incident: null, data: { roster: { handoffDay: 1, handoffTime: '09:00', weeks: [{ start: '2026-11-23', primary: 'Ana', secondary: '' }] } } },
  'settings.escalation-matrix': { incident: null, data: { matrix: { scheme: 'p0-p3', rows: [{ severities: ['P0'], type: 'security', service: null, steps: [{ afterMinutes: 30, notify: [{ role: 'CISO', via: 'phone' }] }] }] } } },
  'settings.comms-plan': {
    incident: null,
    data: { plan: { levels: { P0: [{ id: 'customers', name: 'Customers', cadenceMinutes: 30, channel: 'Status page', customerFacing: true, templates: { initial: 'customer-initial', update: 'customer-update', resolution: 'customer-resolution' } }] } } },
  },
  'contact.create': { incident: null, data: { contact: 'con-000001', fields: { ...EMPTY_CONTACT, kind: 'person', name: 'Ana Pereira' } } },
  'contact.set': { incident: null, data: { contact: 'con-000001', fields: { phone: '+1 555 0100' } } },
};

const intents = (Object.keys(SAMPLES) as OpKind[]).map((kind) => ({ actor: 'Ana', kind, ...SAMPLES[kind] }) as OpIntent);

describe('the entity registry', () => {
  it('has a sample for exactly the kinds it registers', () => {
    const registered = registry.entities.flatMap((entity) => Object.keys(entity.kinds)).sort();
    expect(Object.keys(SAMPLES).sort()).toEqual(registered);
    expect(Object.keys(opKinds).sort()).toEqual(registered);
  });

  it('declares each kind under its own entity: one <entity>. prefix per entity, a scope the envelope checks, a schema and a reducer', () => {
    const prefixes = registry.entities.map((entity) => new Set(Object.keys(entity.kinds).map((kind) => kind.split('.')[0])));
    for (const prefix of prefixes) expect(prefix.size).toBe(1);
    expect(new Set(prefixes.map((prefix) => [...prefix][0])).size).toBe(registry.entities.length);
    for (const entity of registry.entities) {
      for (const [kind, spec] of Object.entries(entity.kinds) as [string, { data: unknown; key: unknown; reduce: unknown }][]) {
        expect(isKnownKind(kind)).toBe(true);
        expect(typeof spec.reduce, kind).toBe('function');
        expect(typeof spec.key, kind).toBe('function');
        expect(kindNeedsIncident(kind as OpKind), kind).toBe(entity.scope === 'incident');
      }
    }
  });

  it('folds every sample into a doc of its own entity, keyed as docRefOf says, that parses back from the wire', () => {
    let device = freshDeviceState('abcdefabcdef0123');
    for (const intent of intents) {
      const made = createOp(device, intent, T);
      device = made.state;
      expect(parseOp(JSON.parse(JSON.stringify(made.op)))).toEqual({ status: 'ok', op: made.op });
      const ref = docRefOf(intent);
      const entity = registry.entities.find((e) => Object.hasOwn(e.kinds, intent.kind))!;
      expect(ref.table).toBe(entity.table);
      const doc = reduceDoc(undefined, made.op);
      expect({ table: doc.table, key: doc.key }).toEqual(ref);
      expect(reduceDoc(doc, made.op), `${intent.kind} is idempotent`).toEqual(doc);
      const row = rowOf(doc);
      expect(row.key).toBe(doc.key);
      expect(row.doc).toBe(doc);
    }
  });

  it('refuses to create an op whose incident does not fit the kind’s scope', () => {
    const device = freshDeviceState('abcdefabcdef0123');
    expect(() => createOp(device, { ...intents[0]!, incident: null }, T)).toThrow(/incident missing/);
    expect(() => createOp(device, { actor: 'Ana', kind: 'settings.phase-names', incident: INCIDENT, data: { names: DEFAULT_PHASE_NAMES } }, T)).toThrow(/must be null/);
  });
});

describe('the registry and the database', () => {
  let opened: WarRoomDb[] = [];
  afterEach(async () => {
    await Promise.all(opened.map((db) => db.delete()));
    opened = [];
  });

  it('declares a Dexie table per entity with its newest indexes, in the schema version the entity names or last changed them', async () => {
    const db = new WarRoomDb(`registry-${process.pid}-schema`);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const versions = registry.entities.flatMap((entity) => [entity.store.since, ...(entity.store.changes ?? []).map((change) => change.at)]);
    expect(SCHEMA_VERSION).toBe(Math.max(...versions, 3));
    for (const entity of registry.entities) {
      const table = db.tables.find((t) => t.name === entity.table);
      expect(table, entity.table).toBeDefined();
      const declared = (entity.store.changes?.at(-1)?.indexes ?? entity.store.indexes).split(',').map((index) => index.trim());
      const actual = [table!.schema.primKey.src, ...table!.schema.indexes.map((index) => index.src)];
      expect(actual, entity.table).toEqual(declared);
    }
  });

  it('writes a row with a view into every entity table when every kind is committed, and a rebuild gives the same rows', async () => {
    const db = new WarRoomDb(`registry-${process.pid}-rows`);
    opened.push(db);
    const ops = await commitAll(db, intents, () => T);
    expect(ops).toHaveLength(intents.length);
    const before: Record<string, unknown[]> = {};
    for (const entity of registry.entities) {
      const rows = (await db.materialized(entity.table).toArray()) as { view?: unknown }[];
      expect(rows.length, `${entity.table} has rows`).toBeGreaterThan(0);
      for (const row of rows) if ('view' in row) expect(row.view, `${entity.table} materializes its view`).not.toBeNull();
      before[entity.table] = rows;
    }
    expect(await rebuildFromOps(db)).toEqual({ ops: intents.length, skipped: 0 });
    for (const entity of registry.entities) expect(await db.materialized(entity.table).toArray()).toEqual(before[entity.table]);
    const folded = foldOps(ops);
    expect(new Set([...folded.values()].map((doc) => doc.table))).toEqual(new Set(registry.tables));
  });
});
