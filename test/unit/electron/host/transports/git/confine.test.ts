import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchange, listTarget, setUpTarget } from '../../../../../../electron/host/transports/index.ts';
import { deviceInfoPath, segmentPath } from '../../../../../../shared/sync/layout.ts';
import type { Outcome } from '../../../../../../shared/sync/ports.ts';
import type { TargetConfig } from '../../../../../../shared/sync/wire.ts';
import { DEVICES, bareRemote, device, scratch, sh, text } from '../../../../support/hostSync.ts';

function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected ok, got ${outcome.fault.code}: ${outcome.fault.message}`);
  return outcome.value;
}

const seg = (i: number, first: number, last: number) => segmentPath(DEVICES[i] as string, first, last, false);

/** A remote and two devices' clones: device 0 pushed seq 1, device 1 seqs 1 and 2; both clones up to date. */
async function twoDevices() {
  const root = await scratch();
  const remote = await bareRemote(root);
  const target = (i: number): TargetConfig => ({ kind: 'git', url: `file://${remote}`, branch: 'main', cloneDir: join(root, `clone-${i}`) });
  const clone = (i: number) => join(root, `clone-${i}`);
  const notices: string[] = [];
  const options = { notice: (message: string) => notices.push(message), backoffMs: 10 };
  for (const i of [0, 1]) value(await setUpTarget(target(i), options));
  value(await exchange(target(0), { device: device(0), write: [{ first: 1, last: 1, text: text(0, 1, 1) }], read: [] }, options));
  value(await exchange(target(1), { device: device(1), write: [{ first: 1, last: 1, text: text(1, 1, 1) }, { first: 2, last: 2, text: text(1, 2, 2) }], read: [] }, options));
  value(await listTarget(target(0), options));
  notices.length = 0;
  /** A commit made by hand in a clone, as a user or another tool would. */
  const commitByHand = async (i: number, message: string, change: () => Promise<unknown>) => {
    await change();
    await sh(clone(i), ['add', '-A']);
    await sh(clone(i), ['commit', '-q', '-m', message]);
    return (await sh(clone(i), ['rev-parse', 'HEAD'])).trim();
  };
  /** Every version of `path` the remote's history ever held, oldest first. */
  const remoteVersions = async (path: string) => {
    const shas = (await sh(remote, ['log', '--reverse', '--format=%H', 'main', '--', path])).split('\n').filter(Boolean);
    return Promise.all(shas.map((sha) => sh(remote, ['show', `${sha}:${path}`]).catch(() => '(deleted)')));
  };
  const onRemote = async () => (await sh(remote, ['ls-tree', '-r', '--name-only', 'main'])).split('\n').filter(Boolean);
  return { remote, target, clone, notices, options, commitByHand, remoteVersions, onRemote };
}

/** The ref a notice names, and the notice. */
function setAsideRef(notices: readonly string[]): string {
  const notice = notices.find((n) => n.startsWith('Set aside')) ?? '';
  return /kept at (refs\/warroom\/set-aside\/\S+) /.exec(notice)?.[1] ?? '';
}

describe("git pushes only commits confined to this device's own files", () => {
  it("hand commits that edit and delete another device's segments are set aside, never pushed; this device's new segment still is", async () => {
    const { target, clone, notices, options, commitByHand, remoteVersions, onRemote, remote } = await twoDevices();
    const edit = await commitByHand(0, 'fix a typo in Ben’s entry', () => writeFile(join(clone(0), seg(1, 1, 1)), 'edited by hand\n'));
    const deletion = await commitByHand(0, 'tidy up', () => rm(join(clone(0), seg(1, 2, 2))));

    value(await listTarget(target(0), options));
    value(await exchange(target(0), { device: device(0), write: [{ first: 2, last: 2, text: text(0, 2, 2) }], read: [] }, options));

    // The remote never held the edit or the deletion; device 0's new segment arrived.
    expect(await remoteVersions(seg(1, 1, 1))).toEqual([text(1, 1, 1)]);
    expect(await remoteVersions(seg(1, 2, 2))).toEqual([text(1, 2, 2)]);
    const history = await sh(remote, ['rev-list', 'main']);
    expect(history).not.toContain(edit);
    expect(history).not.toContain(deletion);
    expect(await onRemote()).toContain(seg(0, 2, 2));
    expect(await sh(remote, ['show', `main:${seg(0, 2, 2)}`])).toBe(text(0, 2, 2));

    // Reported, and recoverable where the notice says; the clone's files are the remote's again.
    const notice = notices.find((n) => n.startsWith('Set aside')) ?? '';
    // Three: the two by hand and the round's own commit of its new segment, which is committed again.
    expect(notice).toMatch(/^Set aside 3 local commit\(s\) in the clone at .*, not pushed, because they change files this device does not own \(.*000000000001-000000000001\.jsonl, .*000000000002-000000000002\.jsonl\)\. Nothing was deleted: .*own new files in them \(1\) were committed again\.$/);
    const ref = setAsideRef(notices);
    expect(await sh(clone(0), ['show', `${ref}:${seg(0, 2, 2)}`])).toBe(text(0, 2, 2));
    expect((await sh(clone(0), ['rev-parse', `${ref}~1`])).trim()).toBe(deletion);
    expect((await sh(clone(0), ['rev-parse', `${ref}~2`])).trim()).toBe(edit);
    expect(await sh(clone(0), ['show', `${ref}~2:${seg(1, 1, 1)}`])).toBe('edited by hand\n');
    expect(await readFile(join(clone(0), seg(1, 1, 1)), 'utf8')).toBe(text(1, 1, 1));
    expect(await readFile(join(clone(0), seg(1, 2, 2)), 'utf8')).toBe(text(1, 2, 2));

    // Nothing is pending any more and the other device reads everything as it was written.
    value(await exchange(target(0), { device: device(0), write: [], read: [] }, options));
    expect(await sh(clone(0), ['rev-list', '--count', 'origin/main..HEAD'])).toBe('0\n');
    const listing = value(await listTarget(target(1), options));
    expect(listing.segments.map((s) => s.path)).toEqual([seg(0, 1, 1), seg(0, 2, 2), seg(1, 1, 1), seg(1, 2, 2)]);
  });

  it("a hand commit mixing this device's new segment with a change to its own pushed segment: the new segment is re-committed and pushed, the change set aside", async () => {
    const { target, clone, notices, options, commitByHand, remoteVersions, onRemote } = await twoDevices();
    const mixed = await commitByHand(0, 'git commit -a', async () => {
      await writeFile(join(clone(0), seg(0, 2, 3)), text(0, 2, 3));
      await writeFile(join(clone(0), seg(0, 1, 1)), 'segments are immutable\n');
      await writeFile(join(clone(0), deviceInfoPath(DEVICES[1])), '{"device":"b2c3d4e5f6071829","name":"Mallory"}\n');
    });

    value(await exchange(target(0), { device: device(0), write: [], read: [] }, options));

    expect(await remoteVersions(seg(0, 1, 1))).toEqual([text(0, 1, 1)]);
    expect((await remoteVersions(deviceInfoPath(DEVICES[1]))).join('')).not.toContain('Mallory');
    expect(await onRemote()).toContain(seg(0, 2, 3));
    expect(await remoteVersions(seg(0, 2, 3))).toEqual([text(0, 2, 3)]);
    const notice = notices.find((n) => n.startsWith('Set aside')) ?? '';
    expect(notice).toMatch(/^Set aside 1 local commit\(s\).*own new files in them \(1\) were committed again\.$/);
    expect(notice).toContain(seg(0, 1, 1));
    expect(notice).toContain(deviceInfoPath(DEVICES[1]));
    expect((await sh(clone(0), ['rev-parse', setAsideRef(notices)])).trim()).toBe(mixed);
    expect(await readFile(join(clone(0), seg(0, 1, 1)), 'utf8')).toBe(text(0, 1, 1));
  });

  it('a foreign hand commit while the remote moved on is set aside before the rebase: no conflict, the round goes on', async () => {
    const { target, clone, notices, options, commitByHand, remoteVersions } = await twoDevices();
    const edit = await commitByHand(0, 'bad local edit', () => writeFile(join(clone(0), seg(1, 1, 1)), 'rewritten here\n'));
    // Meanwhile device 1 pushed new work: both sides moved, so a plain pull would rebase the edit.
    value(await exchange(target(1), { device: device(1), write: [{ first: 3, last: 3, text: text(1, 3, 3) }], read: [] }, options));

    const listing = value(await listTarget(target(0), options));
    expect(listing.segments.map((s) => s.path)).toContain(seg(1, 3, 3));
    expect((await sh(clone(0), ['rev-parse', setAsideRef(notices)])).trim()).toBe(edit);
    value(await exchange(target(0), { device: device(0), write: [{ first: 2, last: 2, text: text(0, 2, 2) }], read: [] }, options));
    expect(await remoteVersions(seg(1, 1, 1))).toEqual([text(1, 1, 1)]);
    expect(await remoteVersions(seg(0, 2, 2))).toEqual([text(0, 2, 2)]);
  });
});
