import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OpIntent, Op, OpData } from '../../../../shared/entities/index.ts';
import { verifyChains } from '../../../../shared/ops/chain.ts';
import { canonicalJson } from '../../../../shared/util/canonicalJson.ts';
import { applyRemoteOps } from '../../../../renderer/db/applyRemote.ts';
import type { CommittedChange } from '../../../../renderer/db/changes.ts';
import { commit, commitAll } from '../../../../renderer/db/commit.ts';
import { SCHEMA_VERSION, WarRoomDb } from '../../../../renderer/db/database.ts';
import { listContacts } from '../../../../renderer/db/contactQueries.ts';
import { EMPTY_CONTACT } from '../../../../shared/contacts/contact.ts';
import { loadDraft, saveDraft } from '../../../../renderer/db/drafts.ts';
import { getExercise, getIncident, getPostmortem, listActions, listChecklists, listEntries, listIncidents, listStatusUpdates } from '../../../../renderer/db/queries.ts';
import { loggedEscalations } from '../../../../renderer/db/escalationQueries.ts';
import { rebuildFromOps } from '../../../../renderer/db/rebuild.ts';
import { BUILT_IN_SCENARIOS } from '../../../../shared/exercises/builtins.ts';
import { replayPending } from '../../../../renderer/db/replayPending.ts';
import { checklistIntentArb, deliveryArb, historyArb, RUNBOOKS } from '../../support/opScripts.ts';

let opened: WarRoomDb[] = [];
let counter = 0;
function freshDb(): WarRoomDb {
  const db = new WarRoomDb(`test-${process.pid}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.map((db) => db.delete()));
  opened = [];
});

/** Everything a user could see, in a form that compares byte for byte. */
async function materializedSnapshot(db: WarRoomDb): Promise<string> {
  const [incidents, entries] = await Promise.all([db.incidents.orderBy('key').toArray(), db.entries.orderBy('key').toArray()]);
  const [settings, checklists] = await Promise.all([db.settings.orderBy('key').toArray(), db.checklists.orderBy('key').toArray()]);
  const [postmortems, actions, exercises] = await Promise.all([db.postmortems.orderBy('key').toArray(), db.actions.orderBy('key').toArray(), db.exercises.orderBy('key').toArray()]);
  return canonicalJson({ incidents, entries, settings, checklists, postmortems, actions, exercises });
}

const T = Date.UTC(2026, 10, 23, 9, 0, 0);

/** The database as an older War Room left it: the schema versions 1..`upTo`, as they shipped. */
const OLDER_SCHEMAS: Record<string, string>[] = [
  { ops: 'hash, [device+seq], incident', meta: 'key', incidents: 'key, live', entries: 'key, [incident+order]', drafts: 'key', pending: 'id' },
  { settings: 'key' },
  { syncTargets: 'id', syncLog: '++seq, target' },
  { checklists: 'key, incident' },
  { postmortems: 'key', actions: 'key, incident, status' },
  { exercises: 'key' },
  { contacts: 'key', evidence: 'key, incident' },
];
function olderDatabase(name: string, upTo: number): Dexie {
  const old = new Dexie(name);
  OLDER_SCHEMAS.slice(0, upTo).forEach((stores, i) => old.version(i + 1).stores(stores));
  return old;
}
const iso = (ms: number) => new Date(ms).toISOString();

describe('commit: one op, one transaction', () => {
  it('stores a chained op and the materialized incident together', async () => {
    const db = freshDb();
    const declared = await commit(db, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.declare', data: { title: 'API 500s', severity: 'P1', type: 'availability', declaredAt: iso(T) } }, () => T);
    const updated = await commit(db, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.set', data: { fields: { status: 'identified' } } }, () => T + 60_000);
    expect(updated.prev).toBe(declared.hash);
    expect(await db.ops.count()).toBe(2);
    expect(verifyChains(await db.ops.toArray())).toEqual({ verified: 2, problems: [] });
    expect(await getIncident(db, 'inc-aaaaaa')).toMatchObject({ title: 'API 500s', status: 'identified', severity: 'P1', declaredBy: 'Ana' });
  });

  it('rejects an invalid change without storing anything', async () => {
    const db = freshDb();
    await expect(commit(db, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.declare', data: { title: '  ', severity: 'P1', type: 'availability', declaredAt: iso(T) } })).rejects.toThrow(/title is required/);
    expect(await db.ops.count()).toBe(0);
    expect(await db.incidents.count()).toBe(0);
  });

  it('rolls back the op when the materialized write fails', async () => {
    const db = freshDb();
    await commit(db, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.declare', data: { title: 'x', severity: 'P1', type: 'data', declaredAt: iso(T) } });
    const failing = vi.spyOn(db.incidents, 'bulkPut').mockImplementationOnce(() => Promise.reject(new Error('disk full')) as never);
    await expect(commit(db, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.set', data: { fields: { status: 'monitoring' } } })).rejects.toThrow('disk full');
    failing.mockRestore();
    expect(await db.ops.count()).toBe(1);
    expect((await db.meta.get('device'))?.value).toMatchObject({ seq: 1 });
    expect(await getIncident(db, 'inc-aaaaaa')).toMatchObject({ status: 'investigating' });
  });

  it('lists incidents most severe first and entries in event order', async () => {
    const db = freshDb();
    const declare = (incident: string, severity: string) =>
      commit(db, { actor: 'Ana', incident, kind: 'incident.declare', data: { title: incident, severity, type: 'data', declaredAt: iso(T) } });
    await declare('inc-p2aaaa', 'P2');
    await declare('inc-p0aaaa', 'P0');
    await declare('inc-p1aaaa', 'P1');
    expect((await listIncidents(db)).map((i) => i.id)).toEqual(['inc-p0aaaa', 'inc-p1aaaa', 'inc-p2aaaa']);
    const add = (entry: string, minute: number) =>
      commit(db, { actor: 'Ana', incident: 'inc-p0aaaa', kind: 'entry.add', data: { entry, fields: { text: entry, kind: 'note', eventAt: iso(T + minute * 60_000), pinned: false, tags: [] } } });
    await add('ent-second', 2);
    await add('ent-first1', 1);
    expect((await listEntries(db, 'inc-p0aaaa')).map((e) => e.id)).toEqual(['ent-first1', 'ent-second']);
  });

  it('refuses to edit or pin a struck entry, storing nothing', async () => {
    const db = freshDb();
    const at = (entry: string) => ({ actor: 'Ana', incident: 'inc-aaaaaa', data: { entry } });
    await commit(db, { ...at('ent-000001'), kind: 'entry.add', data: { entry: 'ent-000001', fields: { text: 'x', kind: 'note', eventAt: iso(T), pinned: false, tags: [] } } });
    await commit(db, { ...at('ent-000001'), kind: 'entry.strike', data: { entry: 'ent-000001', reason: 'wrong incident' } });
    for (const fields of [{ pinned: true }, { text: 'y' }]) {
      await expect(commit(db, { ...at('ent-000001'), kind: 'entry.edit', data: { entry: 'ent-000001', fields } })).rejects.toThrow('a struck entry cannot be edited or pinned');
    }
    expect(await db.ops.count()).toBe(2);
    expect((await listEntries(db, 'inc-aaaaaa'))[0]).toMatchObject({ text: 'x', pinned: false, edits: 0 });
  });

  it('keeps drafts across a reopen of the database', async () => {
    const db = freshDb();
    await saveDraft(db, 'timeline:inc-aaaaaa', { text: 'half a sentence', startedAt: T, entryId: 'ent-123456' });
    db.close();
    const again = new WarRoomDb(db.name);
    opened.push(again);
    expect(await loadDraft(again, 'timeline:inc-aaaaaa')).toEqual({ text: 'half a sentence', startedAt: T, entryId: 'ent-123456' });
    await saveDraft(again, 'timeline:inc-aaaaaa', { text: '' });
    expect(await again.drafts.count()).toBe(0);
  });
});

describe('replicas in IndexedDB', () => {
  it('3 replicas receiving ≥300 ops in random order and batches, with duplicates, converge; incremental equals rebuild', async () => {
    const splitArb = fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 40, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(
        historyArb(300, 330).chain((ops) => fc.tuple(fc.tuple(deliveryArb(ops), splitArb), fc.tuple(deliveryArb(ops), splitArb), fc.tuple(deliveryArb(ops), splitArb))),
        async (replicas) => {
          const snapshots: string[] = [];
          for (const [delivery, sizes] of replicas) {
            const db = freshDb();
            let at = 0;
            for (let i = 0; at < delivery.length; i += 1) {
              const size = sizes[i % sizes.length]!;
              await applyRemoteOps(db, delivery.slice(at, at + size) as Op[], () => T);
              at += size;
            }
            snapshots.push(await materializedSnapshot(db));
          }
          expect(snapshots[1]).toBe(snapshots[0]);
          expect(snapshots[2]).toBe(snapshots[0]);
          const last = opened[opened.length - 1]!;
          const checklistsBefore = await last.checklists.orderBy('key').toArray();
          await rebuildFromOps(last);
          expect(await materializedSnapshot(last)).toBe(snapshots[0]);
          expect(await last.checklists.orderBy('key').toArray()).toEqual(checklistsBefore);
          await Promise.all(opened.map((db) => db.delete()));
          opened = [];
        },
      ),
      { numRuns: 200 },
    );
  }, 600_000);

  it('re-delivering ops changes nothing and the clock moves past them', async () => {
    const db = freshDb();
    const [ops] = fc.sample(historyArb(50, 50), { numRuns: 1, seed: 7 });
    expect(await applyRemoteOps(db, ops!, () => T)).toEqual({ applied: 50, duplicates: 0 });
    const before = await materializedSnapshot(db);
    expect(await applyRemoteOps(db, ops!, () => T)).toEqual({ applied: 0, duplicates: 50 });
    expect(await materializedSnapshot(db)).toBe(before);
    const latest = ops!.map((op) => op.hlc.slice(0, 29)).sort().at(-1)!;
    const local = await commit(db, { actor: 'Me', incident: 'inc-aaaaaa', kind: 'incident.set', data: { fields: { status: 'closed' } } }, () => T - 86_400_000);
    expect(local.hlc.slice(0, 29) > latest).toBe(true);
  });
});

describe('team-wide settings', () => {
  it('the severity scheme is an op like any other: last writer wins, kept on rebuild', async () => {
    const { P0_P3_SCHEME, P1_P4_SCHEME } = await import('../../../../shared/domain/severity.ts');
    const db = freshDb();
    await commit(db, { actor: 'Ana', incident: null, kind: 'settings.severity-scheme', data: { scheme: P1_P4_SCHEME } }, () => T);
    await commit(db, { actor: 'Ben', incident: null, kind: 'settings.severity-scheme', data: { scheme: P0_P3_SCHEME } }, () => T + 1000);
    const before = await materializedSnapshot(db);
    const row = await db.settings.get('severity-scheme');
    const doc = row?.doc.key === 'severity-scheme' ? row.doc : null;
    expect(doc?.value.map((v) => [v.value.id, v.actor])).toEqual([[P1_P4_SCHEME.id, 'Ana'], [P0_P3_SCHEME.id, 'Ben']]);
    await rebuildFromOps(db);
    expect(await materializedSnapshot(db)).toBe(before);
    expect((await db.settings.get('severity-scheme'))?.doc).toEqual(row?.doc);
  });

  it('refuses a settings op that names an incident, and an incident op that does not', async () => {
    const { parseOp } = await import('../../../../shared/entities/index.ts');
    const db = freshDb();
    const op = await commit(db, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.declare', data: { title: 'x', severity: 'P1', type: 'data', declaredAt: iso(T) } });
    expect(parseOp({ ...op, incident: null })).toMatchObject({ status: 'invalid', reason: 'incident: incident.declare must name an incident' });
  });
});

describe('checklist runs', () => {
  const [runbook, other] = RUNBOOKS as [(typeof RUNBOOKS)[number], (typeof RUNBOOKS)[number]];
  const intent = <K extends 'checklist.start' | 'checklist.set' | 'checklist.assign'>(kind: K, data: OpData<K>, incident = 'inc-aaaaaa', actor = 'Ana'): OpIntent<K> => ({ actor, incident, kind, data });

  it('a start and its checks land with their materialized run in one transaction, listed in start order', async () => {
    const db = freshDb();
    await commit(db, intent('checklist.start', { run: 'run-second', runbook: other }), () => T + 60_000);
    await commit(db, intent('checklist.start', { run: 'run-first1', runbook }), () => T + 120_000);
    await commit(db, intent('checklist.start', { run: 'run-elsewh', runbook }, 'inc-bbbbbb'), () => T);
    await commitAll(db, [
      intent('checklist.set', { run: 'run-first1', item: 'triage-1', state: 'done' }),
      intent('checklist.set', { run: 'run-first1', item: 'contain-2', state: 'skipped', reason: 'no replica' }),
      intent('checklist.assign', { run: 'run-first1', item: 'contain-1', assignee: ' scribe ' }),
      // Not started anywhere: kept, not listed.
      intent('checklist.set', { run: 'run-nostart', item: 'triage-1', state: 'done' }),
    ], () => T + 180_000);
    const runs = await listChecklists(db, 'inc-aaaaaa');
    // In start order (hlc, hash), not by id.
    expect(runs.map((r) => r.id)).toEqual(['run-second', 'run-first1']);
    expect(runs[1]!.items.find((i) => i.id === 'triage-1')).toMatchObject({ state: 'done', by: 'Ana' });
    expect(runs[1]!.items.find((i) => i.id === 'contain-1')?.assignee).toBe('scribe');
    expect(runs[1]!.progress).toEqual([
      { phase: 'triage', done: 1, skipped: 0, total: 2 },
      { phase: 'containment', done: 0, skipped: 1, total: 2 },
    ]);
    expect(await db.checklists.count()).toBe(4);
    expect((await listChecklists(db, 'inc-bbbbbb')).map((r) => r.id)).toEqual(['run-elsewh']);

    const before = await db.checklists.orderBy('key').toArray();
    await rebuildFromOps(db);
    expect(await db.checklists.orderBy('key').toArray()).toEqual(before);
  });

  it('refuses a skip without a reason, storing nothing', async () => {
    const db = freshDb();
    await expect(commit(db, intent('checklist.set', { run: 'run-000001', item: 'triage-1', state: 'skipped' }))).rejects.toThrow(/needs a reason/);
    expect(await db.ops.count()).toBe(0);
    expect(await db.checklists.count()).toBe(0);
  });

  it('rolls back the op when the checklist write fails', async () => {
    const db = freshDb();
    await commit(db, intent('checklist.start', { run: 'run-000001', runbook }), () => T);
    const failing = vi.spyOn(db.checklists, 'bulkPut').mockImplementationOnce(() => Promise.reject(new Error('disk full')) as never);
    await expect(commit(db, intent('checklist.set', { run: 'run-000001', item: 'triage-1', state: 'done' }))).rejects.toThrow('disk full');
    failing.mockRestore();
    expect(await db.ops.count()).toBe(1);
    expect((await listChecklists(db, 'inc-aaaaaa'))[0]!.items[0]!.state).toBe('open');
  });

  it('announces committed checklist rows, locally and from remote ops', async () => {
    const db = freshDb();
    const seen: CommittedChange[] = [];
    const stop = db.changes.onCommitted((change) => seen.push(change));
    try {
      const start = await commit(db, intent('checklist.start', { run: 'run-000001', runbook }), () => T);
      expect(seen.map((c) => c.checklists.map((row) => row.key))).toEqual([['inc-aaaaaa/run-000001']]);
      // Each database announces only its own commits: the other replica's listener hears the remote apply.
      const other = freshDb();
      const stopOther = other.changes.onCommitted((change) => seen.push(change));
      await applyRemoteOps(other, [start], () => T);
      stopOther();
      expect(seen.at(-1)?.checklists[0]?.view?.id).toBe('run-000001');
      expect(seen).toHaveLength(2);
    } finally {
      stop();
    }
  });

  it('replicas exchanging only checklist ops converge in IndexedDB; rebuild equals incremental', async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArb(20, 80, checklistIntentArb).chain((ops) => fc.tuple(fc.constant(ops), deliveryArb(ops), deliveryArb(ops), fc.integer({ min: 1, max: 30 }))),
        async ([ops, r1, r2, batch]) => {
          const dbs = [freshDb(), freshDb()];
          for (const [i, delivery] of [r1, r2].entries()) {
            for (let at = 0; at < delivery.length; at += batch) await applyRemoteOps(dbs[i]!, delivery.slice(at, at + batch), () => T);
          }
          const [a, b] = await Promise.all(dbs.map(materializedSnapshot));
          expect(b).toBe(a);
          const incremental = await dbs[0]!.checklists.orderBy('key').toArray();
          await rebuildFromOps(dbs[0]!);
          expect(await dbs[0]!.checklists.orderBy('key').toArray()).toEqual(incremental);
          expect(await dbs[0]!.ops.count()).toBe(new Set(ops.map((op) => op.hash)).size);
          await Promise.all(opened.map((db) => db.delete()));
          opened = [];
        },
      ),
      { numRuns: 60 },
    );
  }, 300_000);

  it('a version-3 database opens as the current version; checklist ops an older app kept pending are applied', async () => {
    const name = `test-${process.pid}-${counter++}`;
    const old = olderDatabase(name, 3);
    const source = freshDb();
    const started = await commit(source, intent('checklist.start', { run: 'run-000001', runbook }), () => T);
    await old.table('pending').put({ id: started.id, op: started, reason: 'unknown kind checklist.start' });
    expect(old.verno).toBe(3);
    old.close();

    const db = new WarRoomDb(name);
    opened.push(db);
    expect(await db.checklists.count()).toBe(0);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.pending.count()).toBe(1);
    expect(await replayPending(db, () => T)).toBe(1);
    expect((await listChecklists(db, 'inc-aaaaaa')).map((r) => [r.id, r.runbook.id])).toEqual([['run-000001', runbook.id]]);
  });
});

describe('post-mortems and action items', () => {
  const act = (action: string, dueDate: string | null, incident = 'inc-aaaaaa'): OpIntent<'action.create'> => ({
    actor: 'Ana',
    incident,
    kind: 'action.create',
    data: { action, fields: { description: `Do ${action}`, owner: null, priority: 'P2', dueDate, status: 'open', fromEntry: null } },
  });

  it('section edits land with the materialized post-mortem; a concurrent edit shows as a conflict; rebuild equals incremental', async () => {
    const ana = freshDb();
    const ben = freshDb();
    expect(await getPostmortem(ana, 'inc-aaaaaa')).toBeNull();
    const first = await commit(ana, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'postmortem.set', data: { section: 'summary', text: 'Draft', base: null } }, () => T);
    await applyRemoteOps(ben, [first], () => T);
    const mine = await commit(ana, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'postmortem.set', data: { section: 'summary', text: 'Ana', base: first.hash } }, () => T + 1_000);
    const theirs = await commit(ben, { actor: 'Ben', incident: 'inc-aaaaaa', kind: 'postmortem.set', data: { section: 'summary', text: 'Ben', base: first.hash } }, () => T + 2_000);
    await commit(ana, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'postmortem.template', data: { template: 'default-10-3' } }, () => T + 3_000);
    await applyRemoteOps(ana, [theirs], () => T);
    const view = await getPostmortem(ana, 'inc-aaaaaa');
    expect(view).toMatchObject({ template: 'default-10-3', timelineMode: 'pinned', sections: { summary: { text: 'Ben', hash: theirs.hash, conflicts: [{ text: 'Ana', hash: mine.hash }] } } });
    const before = await materializedSnapshot(ana);
    await rebuildFromOps(ana);
    expect(await materializedSnapshot(ana)).toBe(before);
  });

  it('lists action items by due date (undated last), then creation; one incident or all', async () => {
    const db = freshDb();
    await commit(db, act('act-undated', null), () => T);
    await commit(db, act('act-late01', '2027-01-10'), () => T + 1);
    await commit(db, act('act-early1', '2026-12-01'), () => T + 2);
    await commit(db, act('act-early2', '2026-12-01'), () => T + 3);
    await commit(db, act('act-other1', '2026-12-05', 'inc-bbbbbb'), () => T + 4);
    // A set whose create has not arrived: kept, not listed.
    await commit(db, { actor: 'Ben', incident: 'inc-aaaaaa', kind: 'action.set', data: { action: 'act-ghost1', fields: { status: 'done' } } }, () => T + 5);
    await commit(db, { actor: 'Ben', incident: 'inc-aaaaaa', kind: 'action.set', data: { action: 'act-late01', fields: { dueDate: '2026-11-30', status: 'in-progress' } } }, () => T + 6);
    expect((await listActions(db, 'inc-aaaaaa')).map((a) => a.id)).toEqual(['act-late01', 'act-early1', 'act-early2', 'act-undated']);
    expect((await listActions(db)).map((a) => a.id)).toEqual(['act-late01', 'act-early1', 'act-early2', 'act-other1', 'act-undated']);
    expect(await db.actions.where('status').equals('in-progress').primaryKeys()).toEqual(['inc-aaaaaa/act-late01']);
    expect(await db.actions.count()).toBe(6);
    const before = await materializedSnapshot(db);
    await rebuildFromOps(db);
    expect(await materializedSnapshot(db)).toBe(before);
  });

  it('refuses an action without a description, storing nothing; announces committed rows', async () => {
    const db = freshDb();
    const bad = act('act-000001', null);
    await expect(commit(db, { ...bad, data: { ...bad.data, fields: { ...bad.data.fields, description: '  ' } } })).rejects.toThrow(/description is required/);
    expect(await db.ops.count()).toBe(0);
    const seen: CommittedChange[] = [];
    const stop = db.changes.onCommitted((change) => seen.push(change));
    try {
      await commit(db, act('act-000001', null), () => T);
      await commit(db, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'postmortem.timeline', data: { mode: 'all' } }, () => T);
      expect(seen.map((c) => [c.actions.map((r) => r.key), c.postmortems.map((r) => r.view.timelineMode)])).toEqual([
        [['inc-aaaaaa/act-000001'], []],
        [[], ['all']],
      ]);
    } finally {
      stop();
    }
  });

  it('a version-4 database opens as the current version; post-mortem ops an older app kept pending are applied', async () => {
    const name = `test-${process.pid}-${counter++}`;
    const old = olderDatabase(name, 4);
    const source = freshDb();
    const made = await commit(source, act('act-000001', '2026-12-01'), () => T);
    await old.table('pending').put({ id: made.id, op: made, reason: 'unknown kind action.create' });
    old.close();

    const db = new WarRoomDb(name);
    opened.push(db);
    expect(await db.actions.count()).toBe(0);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await replayPending(db, () => T)).toBe(1);
    expect((await listActions(db, 'inc-aaaaaa')).map((a) => [a.id, a.dueDate])).toEqual([['act-000001', '2026-12-01']]);
  });

  it('a version-6 database opens as the current version; contact ops an older app kept pending are applied', async () => {
    const name = `test-${process.pid}-${counter++}`;
    const old = olderDatabase(name, 6);
    const made = await commit(freshDb(), { actor: 'Ana', incident: null, kind: 'contact.create', data: { contact: 'con-000001', fields: { ...EMPTY_CONTACT, kind: 'person', name: 'Ana Pereira' } } }, () => T);
    await old.table('pending').put({ id: made.id, op: made, reason: 'unknown kind contact.create' });
    expect(old.verno).toBe(6);
    old.close();

    const db = new WarRoomDb(name);
    opened.push(db);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await replayPending(db, () => T)).toBe(1);
    expect((await listContacts(db)).map((c) => c.name)).toEqual(['Ana Pereira']);
  });

  it('a version-7 database opens as the current version; its entries are re-indexed by tag, so status updates and escalations are found', async () => {
    const name = `test-${process.pid}-${counter++}`;
    const old = olderDatabase(name, 7);
    const source = freshDb();
    const add = (entry: string, tags: string[], minute: number): OpIntent<'entry.add'> => ({
      actor: 'Ana',
      incident: 'inc-aaaaaa',
      kind: 'entry.add',
      data: { entry, fields: { text: entry, kind: 'note', eventAt: iso(T + minute * 60_000), pinned: false, tags } },
    });
    await commitAll(source, [add('ent-update2', ['status-update'], 2), add('ent-update1', ['status-update'], 1), add('ent-plain1', [], 3), add('ent-escal01', ['escalation', 'escalation-t30'], 4)], () => T);
    // The rows as version 7 wrote them: no tag keys.
    const rows = (await source.entries.toArray()).map(({ tagKeys: _dropped, ...row }) => row);
    await old.table('entries').bulkPut(rows);
    old.close();

    const db = new WarRoomDb(name);
    opened.push(db);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect((await listStatusUpdates(db, 'inc-aaaaaa')).map((e) => e.id)).toEqual(['ent-update1', 'ent-update2']);
    expect([...((await loggedEscalations(db, ['inc-aaaaaa'])).get('inc-aaaaaa') ?? [])]).toEqual(['escalation', 'escalation-t30']);
    expect(await db.entries.orderBy('key').toArray()).toEqual(await source.entries.orderBy('key').toArray());
  });

  it('a version-5 database opens as the current version; exercise ops an older app kept pending are applied', async () => {
    const name = `test-${process.pid}-${counter++}`;
    const old = olderDatabase(name, 5);
    const source = freshDb();
    const scenario = BUILT_IN_SCENARIOS[0]!;
    const made = await commitAll(
      source,
      [
        { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'exercise.start', data: { scenario } },
        { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'exercise.clock', data: { action: 'start', at: T, speed: 5 } },
      ],
      () => T,
    );
    for (const op of made) await old.table('pending').put({ id: op.id, op, reason: `unknown kind ${op.kind}` });
    old.close();

    const db = new WarRoomDb(name);
    opened.push(db);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.exercises.count()).toBe(0);
    expect(await replayPending(db, () => T)).toBe(2);
    const exercise = await getExercise(db, 'inc-aaaaaa');
    expect([exercise?.scenario.id, exercise?.clock.speed, exercise?.clock.startedAt]).toEqual([scenario.id, 5, T]);
  });
});
