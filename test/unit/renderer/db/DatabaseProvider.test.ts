import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommittedChange } from '../../../../renderer/db/changes.ts';
import { commit } from '../../../../renderer/db/commit.ts';
import { WarRoomDb } from '../../../../renderer/db/database.ts';
import { DatabaseProvider, useDatabase } from '../../../../renderer/db/DatabaseProvider.tsx';
import { PROFILE_KEY, resolveDatabaseName, switchProfile } from '../../../../renderer/db/profile.ts';

let opened: WarRoomDb[] = [];
afterEach(async () => {
  await Promise.all(opened.map((db) => db.delete()));
  opened = [];
});
function freshDb(name: string): WarRoomDb {
  const db = new WarRoomDb(`${name}-${process.pid}`);
  opened.push(db);
  return db;
}

function storage(entries: Record<string, string> = {}) {
  const map = new Map(Object.entries(entries));
  return { getItem: (key: string) => map.get(key) ?? null, setItem: (key: string, value: string) => void map.set(key, value) };
}

describe('which database the page uses', () => {
  it('is ?db= first, then the restored profile, then warroom', () => {
    expect(resolveDatabaseName('?db=e2e-7', storage({ [PROFILE_KEY]: 'warroom-restored-1' }))).toBe('e2e-7');
    expect(resolveDatabaseName('', storage({ [PROFILE_KEY]: 'warroom-restored-1' }))).toBe('warroom-restored-1');
    expect(resolveDatabaseName('?theme=dark', storage())).toBe('warroom');
  });

  it('a restore switches the profile the next start opens', () => {
    const stored = storage();
    switchProfile(stored, 'warroom-restored-20260302T1000');
    expect(resolveDatabaseName('', stored)).toBe('warroom-restored-20260302T1000');
  });
});

describe('the provided database', () => {
  function Probe() {
    return createElement('output', null, useDatabase().name);
  }

  it('is what useDatabase() returns below the provider', () => {
    const db = freshDb('provided');
    expect(renderToString(createElement(DatabaseProvider, { db, children: createElement(Probe) }))).toContain(`>${db.name}</output>`);
  });

  it('is required: useDatabase() outside a provider says so', () => {
    expect(() => renderToString(createElement(Probe))).toThrow(/needs a <DatabaseProvider>/);
  });
});

describe("each database's change feed", () => {
  it('tells only that database’s listeners, and stops when unsubscribed', async () => {
    const ana = freshDb('feed-ana');
    const ben = freshDb('feed-ben');
    const heard = { ana: [] as CommittedChange[], ben: [] as CommittedChange[], anaLocal: 0 };
    const stopAna = ana.changes.onCommitted((change) => heard.ana.push(change));
    const stopLocal = ana.changes.onLocalOps(() => (heard.anaLocal += 1));
    ben.changes.onCommitted((change) => heard.ben.push(change));

    await commit(ana, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.declare', data: { title: 'Disk full', severity: 'P2', type: 'infrastructure', declaredAt: '2026-03-02T10:00:00.000Z' } });
    expect(heard.ana.map((c) => c.incidents.map((row) => row.key))).toEqual([['inc-aaaaaa']]);
    expect(heard.anaLocal).toBe(1);
    expect(heard.ben).toEqual([]);

    stopAna();
    stopLocal();
    await commit(ana, { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.set', data: { fields: { status: 'identified' } } });
    expect(heard.ana).toHaveLength(1);
    expect(heard.anaLocal).toBe(1);
  });
});
