import { describe, expect, it } from 'vitest';
import type { PendingEntry } from '../../../../../renderer/db/database.ts';
import { loadDraft, saveDraft } from '../../../../../renderer/db/drafts.ts';
import { listEntries } from '../../../../../renderer/db/queries.ts';
import { commitEntry, composerDraftKey, entryFromBox, restoreComposer, saveComposerDraft, typedInto } from '../../../../../renderer/features/timeline/entryComposer.ts';
import { utcOffset } from '../../../../../shared/timeline/localTime.ts';
import { freshDb } from '../../../support/freshDb.ts';

const INCIDENT = 'inc-aaaaaa';
const T0 = Date.parse('2026-03-02T10:00:00.000Z');

function pending(entry: string, text: string): PendingEntry {
  return { entry, fields: { text, kind: 'note', eventAt: new Date(T0).toISOString(), pinned: false, tags: [] } };
}

describe('the entry composer', () => {
  it('starts an entry (time and id) at the first keystroke and keeps them while typing', () => {
    const first = typedInto({ text: '' }, 'R', T0);
    expect(first).toMatchObject({ text: 'R', startedAt: T0, entryId: expect.stringMatching(/^ent-[0-9a-f]{16}$/) });
    expect(typedInto(first, 'Rolled back', T0 + 5000)).toEqual({ ...first, text: 'Rolled back' });
    expect(typedInto(first, '', T0 + 6000)).toEqual({ text: '' });
  });

  it('turns the box into an entry: shorthand parsed, time from when typing began', () => {
    const made = entryFromBox({ text: '/d Roll back the deploy #deploy', startedAt: T0, entryId: 'ent-00000001' }, 'note', T0 + 60_000, utcOffset);
    expect(made).toEqual({
      ok: true,
      entry: { entry: 'ent-00000001', fields: { text: 'Roll back the deploy #deploy', kind: 'decision', eventAt: '2026-03-02T10:00:00.000Z', pinned: false, tags: ['deploy'] } },
    });
    const backfilled = entryFromBox({ text: '@09:45 Paged the DBA', startedAt: T0 }, 'event', T0, utcOffset);
    expect(backfilled).toMatchObject({ ok: true, entry: { fields: { text: 'Paged the DBA', kind: 'event', eventAt: '2026-03-02T09:45:00.000Z' } } });
    expect(entryFromBox({ text: '   ' }, 'note', T0, utcOffset)).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it('commits an entry as one entry.add op, on the incident’s timeline', async () => {
    const db = freshDb('composer');
    await commitEntry(db, INCIDENT, 'Ana', pending('ent-00000001', 'Checked the pool'));
    expect((await db.ops.toArray()).map((op) => [op.kind, op.actor, op.incident])).toEqual([['entry.add', 'Ana', INCIDENT]]);
    expect((await listEntries(db, INCIDENT)).map((e) => [e.id, e.text, e.author])).toEqual([['ent-00000001', 'Checked the pool', 'Ana']]);
  });

  it('after a crash, finishes only the journalled entries that did not land, and empties a spent box', async () => {
    const db = freshDb('composer');
    const landed = pending('ent-00000001', 'landed before the crash');
    const lost = pending('ent-00000002', 'sent, never confirmed');
    await commitEntry(db, INCIDENT, 'Ana', landed);
    await commitEntry(db, INCIDENT, 'Ana', pending('ent-00000003', 'the box, committed'));
    await saveComposerDraft(db, INCIDENT, { text: 'the box, committed', startedAt: T0, entryId: 'ent-00000003' }, [landed, lost]);

    const committed: PendingEntry[] = [];
    const box = await restoreComposer(db, INCIDENT, async (entry) => {
      committed.push(entry);
      await commitEntry(db, INCIDENT, 'Ana', entry);
    });
    expect(committed).toEqual([lost]);
    expect(box).toEqual({ text: '' });
    expect((await listEntries(db, INCIDENT)).map((e) => e.id).sort()).toEqual(['ent-00000001', 'ent-00000002', 'ent-00000003']);
    expect(await db.ops.count()).toBe(3);
    expect(await loadDraft(db, composerDraftKey(INCIDENT))).toEqual({ text: '' });
  });

  it('gives back a half-typed box untouched, writing nothing', async () => {
    const db = freshDb('composer');
    await saveDraft(db, composerDraftKey(INCIDENT), { text: 'half a thou', startedAt: T0, entryId: 'ent-00000009' });
    const box = await restoreComposer(db, INCIDENT, () => Promise.reject(new Error('nothing to commit')));
    expect(box).toEqual({ text: 'half a thou', startedAt: T0, entryId: 'ent-00000009' });
    expect(await db.ops.count()).toBe(0);
  });
});
