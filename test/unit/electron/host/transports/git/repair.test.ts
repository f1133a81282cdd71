import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchange, listTarget, setUpTarget } from '../../../../../../electron/host/transports/index.ts';
import { segmentPath } from '../../../../../../shared/sync/layout.ts';
import type { Outcome } from '../../../../../../shared/sync/ports.ts';
import type { TargetConfig } from '../../../../../../shared/sync/wire.ts';
import { DEVICES, bareRemote, device, scratch, sh, text } from '../../../../support/hostSync.ts';

function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected ok, got ${outcome.fault.code}: ${outcome.fault.message}`);
  return outcome.value;
}

/** A remote and two clones; each device has pushed one segment, so each clone knows its device. */
async function twoClones() {
  const root = await scratch();
  const remote = await bareRemote(root);
  const target = (i: number): TargetConfig => ({ kind: 'git', url: `file://${remote}`, branch: 'main', cloneDir: join(root, `clone-${i}`) });
  const clone = (i: number) => join(root, `clone-${i}`);
  const notices: string[] = [];
  const options = { notice: (message: string) => notices.push(message), backoffMs: 10 };
  for (const i of [0, 1]) {
    value(await setUpTarget(target(i), options));
    value(await exchange(target(i), { device: device(i), write: [{ first: 1, last: 1, text: text(i, 1, 1) }], read: [] }, options));
  }
  value(await listTarget(target(0), options));
  notices.length = 0;
  return { root, remote, target, clone, notices, options };
}

const seg = (i: number, first: number, last: number) => segmentPath(DEVICES[i] as string, first, last, false);

describe('git clone repair before every round', () => {
  it('sets aside foreign changes in a stash (kept, not lost) and the round succeeds', async () => {
    const { target, clone, notices, options, remote } = await twoClones();
    const foreign = join(clone(0), seg(1, 1, 1));
    const original = await readFile(foreign, 'utf8');
    await writeFile(join(clone(0), 'my-notes.txt'), 'draft post-mortem');
    await writeFile(foreign, 'edited by hand\n');

    const listing = value(await listTarget(target(0), options));
    expect(listing.segments).toHaveLength(2);
    expect(notices.join('\n')).toMatch(/Set aside 2 local change\(s\).*my-notes\.txt.*Nothing was deleted/s);
    expect(await readFile(foreign, 'utf8')).toBe(original);
    expect(existsSync(join(clone(0), 'my-notes.txt'))).toBe(false);
    expect(await sh(clone(0), ['stash', 'list'])).toMatch(/warroom: set aside \d{4}-\d\d-\d\dT/);
    expect(await sh(clone(0), ['show', 'stash@{0}^3:my-notes.txt'])).toBe('draft post-mortem');
    expect(await sh(clone(0), ['diff', 'stash@{0}^1', 'stash@{0}', '--', seg(1, 1, 1)])).toContain('+edited by hand');

    value(await exchange(target(0), { device: device(0), write: [{ first: 2, last: 2, text: text(0, 2, 2) }], read: [] }, options));
    expect(await sh(remote, ['ls-tree', '-r', '--name-only', 'main'])).not.toContain('my-notes.txt');
  });

  it("commits this device's files an interrupted round left behind; never its *.tmp", async () => {
    const { target, clone, notices, options, remote } = await twoClones();
    await writeFile(join(clone(0), seg(0, 2, 3)), text(0, 2, 3));
    await writeFile(join(clone(0), `${seg(0, 4, 4)}.tmp`), 'half');

    value(await listTarget(target(0), options));
    expect(notices.join('\n')).toMatch(/Committed 1 file\(s\) an interrupted sync round had written/);
    expect(await sh(clone(0), ['stash', 'list'])).toBe('');
    expect(await sh(clone(0), ['status', '--porcelain'])).toBe('');

    value(await exchange(target(0), { device: device(0), write: [], read: [] }, options));
    expect(await sh(remote, ['ls-tree', '-r', '--name-only', 'main'])).toContain(seg(0, 2, 3));
    expect(await sh(remote, ['ls-tree', '-r', '--name-only', 'main'])).not.toContain('.tmp');
    expect(value(await listTarget(target(1), options)).segments.map((s) => s.path)).toContain(seg(0, 2, 3));
  });

  it('rebases a diverged clone onto the remote: linear history, nothing lost', async () => {
    const { target, clone, options, remote } = await twoClones();
    // Device 0 committed but never pushed (e.g. offline); meanwhile device 1 pushed.
    await writeFile(join(clone(0), seg(0, 2, 2)), text(0, 2, 2));
    await sh(clone(0), ['add', '.']);
    await sh(clone(0), ['commit', '-q', '-m', 'offline commit']);
    value(await exchange(target(1), { device: device(1), write: [{ first: 2, last: 2, text: text(1, 2, 2) }], read: [] }, options));

    const listing = value(await listTarget(target(0), options));
    expect(listing.segments.map((s) => s.path)).toEqual([seg(0, 1, 1), seg(0, 2, 2), seg(1, 1, 1), seg(1, 2, 2)]);
    value(await exchange(target(0), { device: device(0), write: [], read: [] }, options));
    expect(await sh(remote, ['log', '--merges', '--oneline', 'main'])).toBe('');
    expect(await sh(remote, ['log', '-1', '--format=%s', 'main'])).toBe('offline commit\n');
  });

  it('undoes an interrupted rebase and a detached HEAD, keeping the commits', async () => {
    const { target, clone, notices, options } = await twoClones();
    await sh(clone(0), ['rebase', '--exec', 'false', 'HEAD~1']).catch(() => undefined);
    expect(existsSync(join(clone(0), '.git', 'rebase-merge'))).toBe(true);

    value(await listTarget(target(0), options));
    expect(notices.join('\n')).toMatch(/interrupted git rebase .* undone .* commits are kept/);
    expect(existsSync(join(clone(0), '.git', 'rebase-merge'))).toBe(false);

    await sh(clone(0), ['checkout', '-q', '--detach', 'HEAD~1']);
    value(await listTarget(target(0), options));
    expect(notices.join('\n')).toMatch(/The clone was on a detached HEAD; back on main/);
    expect((await sh(clone(0), ['symbolic-ref', '--short', 'HEAD'])).trim()).toBe('main');
    expect(value(await listTarget(target(0), options)).segments).toHaveLength(2);
  });

  it('a rebase that conflicts (the remote has a different file by the name of a local one) is undone and reported as git, naming the file', async () => {
    const { target, clone, options } = await twoClones();
    const ownFile = seg(0, 2, 2);
    await writeFile(join(clone(0), ownFile), text(0, 2, 2));
    await sh(clone(0), ['add', ownFile]);
    await sh(clone(0), ['commit', '-q', '-m', 'offline commit']);
    // Another install with the same device id (a copied profile) pushed its own seq 2 first.
    await writeFile(join(clone(1), ownFile), 'written by the copy\n');
    await sh(clone(1), ['add', ownFile]);
    await sh(clone(1), ['commit', '-q', '-m', 'the copy']);
    await sh(clone(1), ['push', '-q', 'origin', 'HEAD:main']);

    const outcome = await listTarget(target(0), options);
    expect(outcome).toMatchObject({ ok: false, fault: { code: 'git', file: ownFile } });
    expect(outcome.ok ? '' : outcome.fault.message).toMatch(/stopped on a conflict .* The rebase was undone and the local commits are kept/);
    expect(existsSync(join(clone(0), '.git', 'rebase-merge'))).toBe(false);
    expect(await sh(clone(0), ['log', '-1', '--format=%s'])).toBe('offline commit\n');
  });

  it('an exchange re-checks the branch: a clone switched to another branch since the listing goes back to main, the other branch untouched', async () => {
    const { target, clone, notices, options, remote } = await twoClones();
    await sh(clone(0), ['checkout', '-q', '-b', 'mine']);
    await writeFile(join(clone(0), 'draft.txt'), 'mine');
    await sh(clone(0), ['add', 'draft.txt']);
    await sh(clone(0), ['commit', '-q', '-m', 'a branch of my own']);
    const mine = await sh(clone(0), ['rev-parse', 'mine']);

    value(await exchange(target(0), { device: device(0), write: [{ first: 2, last: 2, text: text(0, 2, 2) }], read: [] }, options));
    expect(notices.join('\n')).toMatch(/The clone was on mine; back on main/);
    expect(await sh(clone(0), ['rev-parse', 'mine'])).toBe(mine);
    expect(await sh(remote, ['ls-tree', '-r', '--name-only', 'main'])).toContain(seg(0, 2, 2));
    expect(await sh(remote, ['ls-tree', '-r', '--name-only', 'main'])).not.toContain('draft.txt');
  });

  it('a push refused because the remote moved, in a clone changed since the listing: the changes are stashed, the rebase and push go through', async () => {
    const { target, clone, notices, options, remote } = await twoClones();
    value(await listTarget(target(0), options));
    // After device 0's listing: device 1 pushes, and someone edits the clone by hand.
    value(await exchange(target(1), { device: device(1), write: [{ first: 2, last: 2, text: text(1, 2, 2) }], read: [] }, options));
    await writeFile(join(clone(0), seg(1, 1, 1)), 'edited by hand\n');

    value(await exchange(target(0), { device: device(0), write: [{ first: 2, last: 2, text: text(0, 2, 2) }], read: [] }, options));
    expect(await sh(remote, ['ls-tree', '-r', '--name-only', 'main'])).toContain(seg(0, 2, 2));
    expect(await sh(remote, ['show', `main:${seg(1, 1, 1)}`])).toBe(text(1, 1, 1));
    expect(notices.join('\n')).toMatch(/Set aside 1 local change\(s\).*Nothing was deleted/s);
    expect(await sh(clone(0), ['diff', 'stash@{0}^1', 'stash@{0}', '--', seg(1, 1, 1)])).toContain('+edited by hand');
  });

  it('rounds on one clone queue up instead of fighting over the index (list during an exchange)', async () => {
    const { target, options } = await twoClones();
    const outcomes = await Promise.all([
      listTarget(target(0), options),
      exchange(target(0), { device: device(0), write: [{ first: 2, last: 2, text: text(0, 2, 2) }], read: [] }, options),
      listTarget(target(0), options),
      exchange(target(0), { device: device(0), write: [{ first: 3, last: 3, text: text(0, 3, 3) }], read: [] }, options),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, true]);
    expect(value(outcomes[2] as Outcome<{ segments: unknown[] }>).segments).toHaveLength(3);
  });
});
