import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArchive, listArchive, openArchive, readSegments, writeOwn, type Archive } from '../../../../../electron/host/transports/archive.ts';
import { FaultError } from '../../../../../electron/host/transports/faults.ts';
import { MAX_SEGMENT_FILE_BYTES } from '../../../../../electron/host/transports/files.ts';
import { ENCRYPTION_PATH, FORMAT_PATH, deviceInfoPath, opsFolderPath, segmentPath } from '../../../../../shared/sync/layout.ts';
import type { TargetConfig } from '../../../../../shared/sync/wire.ts';
import { DEVICES, PASSPHRASE, device, scratch, text } from '../../../support/hostSync.ts';
import { mkfifo, sparseFile, withinMs } from '../../../support/hostile.ts';

/** The archive over a real folder holding hostile files: each refused by path, the rest used. */

async function target(encrypted = false): Promise<{ base: string; root: string; config: TargetConfig; archive: Archive }> {
  const base = await scratch();
  const root = join(base, 'share');
  await mkdir(root);
  const config: TargetConfig = { kind: 'folder', path: root, ...(encrypted ? { encryption: { passphrase: PASSPHRASE } } : {}) };
  const { archive } = await createArchive(root, config);
  return { base, root, config, archive };
}

async function thrown(step: Promise<unknown>): Promise<unknown> {
  try {
    return { returned: await step };
  } catch (error) {
    if (error instanceof FaultError) return error.fault;
    throw error;
  }
}

const BEN = DEVICES[1];
const seg = (first: number, last: number) => segmentPath(BEN, first, last, false);

/** Ben's segments 1-2 … 7-8 written the normal way. */
async function withBen(archive: Archive): Promise<void> {
  const write = [1, 3, 5, 7].map((first) => ({ first, last: first + 1, text: text(1, first, first + 1) }));
  await writeOwn(archive, device(1), write);
}

describe('listing a target with hostile files', () => {
  it('segments that are a FIFO, a link or a folder, a linked device folder and a linked device file are named as problems, never listed', async () => {
    const { base, root, archive } = await target();
    await withBen(archive);
    await writeOwn(archive, device(0), [{ first: 1, last: 1, text: text(0, 1, 1) }]);
    await rm(join(root, seg(3, 4)));
    mkfifo(join(root, seg(3, 4)));
    await rm(join(root, seg(5, 6)));
    await symlink('/dev/zero', join(root, seg(5, 6)));
    await mkdir(join(root, seg(9, 9)));
    // Device C's folder and device file are links out of the target.
    await mkdir(join(base, 'outside'));
    await writeFile(join(base, 'outside', '000000000001-000000000001.jsonl'), text(2, 1, 1));
    await symlink(join(base, 'outside'), join(root, opsFolderPath(DEVICES[2])));
    await symlink('/etc/hostname', join(root, deviceInfoPath(DEVICES[2])));

    const listing = await withinMs(listArchive(archive), 5000, [join(root, seg(3, 4))]);
    if (listing === 'hung') throw new Error('the listing hung');
    expect(listing.segments.map((s) => s.path)).toEqual([segmentPath(DEVICES[0], 1, 1, false), seg(1, 2), seg(7, 8)]);
    expect(listing.devices.map((d) => d.device)).toEqual([DEVICES[0], BEN]);
    expect(listing.problems).toEqual([
      { file: deviceInfoPath(DEVICES[2]), reason: `${deviceInfoPath(DEVICES[2])} is a symbolic link: War Room never follows a link inside a target, so it was not read.` },
      { file: seg(3, 4), reason: `${seg(3, 4)} is a named pipe (FIFO) where War Room expects a regular file, so it was not read.` },
      { file: seg(5, 6), reason: `${seg(5, 6)} is a symbolic link: War Room never follows a link inside a target, so it was not read.` },
      { file: seg(9, 9), reason: `${seg(9, 9)} is a folder where War Room expects a regular file, so it was not read.` },
      { file: opsFolderPath(DEVICES[2]), reason: `${opsFolderPath(DEVICES[2])} is a symbolic link: War Room never follows a link inside a target, so it was not read.` },
    ]);
  });

  it('a clean target lists no problems at all', async () => {
    const { archive } = await target();
    await withBen(archive);
    expect(await listArchive(archive)).not.toHaveProperty('problems');
  });
});

describe('reading hostile segments: each reported alone, the others read, nothing hangs', () => {
  it('a FIFO, a link to /dev/zero and a 64 MiB + 1 file between good segments, twice in a row', async () => {
    const { root, archive } = await target();
    await withBen(archive);
    const refs = (await listArchive(archive)).segments;
    // Swapped after the listing, as a racing writer (or a stale listing) would.
    await rm(join(root, seg(3, 4)));
    mkfifo(join(root, seg(3, 4)));
    await rm(join(root, seg(5, 6)));
    await symlink('/dev/zero', join(root, seg(5, 6)));
    await sparseFile(join(root, seg(7, 8)), MAX_SEGMENT_FILE_BYTES + 1);

    for (const round of [1, 2]) {
      const started = Date.now();
      const files = await withinMs(readSegments(archive, refs), 5000, [join(root, seg(3, 4))]);
      if (files === 'hung') throw new Error(`read ${round} hung`);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(files.map((f) => [f.ref.path, f.result])).toEqual([
        [seg(1, 2), { ok: true, text: text(1, 1, 2) }],
        [seg(3, 4), { ok: false, fault: { code: 'damaged', file: seg(3, 4), message: expect.stringMatching(/named pipe \(FIFO\)/) } }],
        [seg(5, 6), { ok: false, fault: { code: 'damaged', file: seg(5, 6), message: expect.stringMatching(/symbolic link/) } }],
        [seg(7, 8), { ok: false, fault: { code: 'damaged', file: seg(7, 8), message: `${seg(7, 8)} is 67108865 bytes, more than the 67108864 it may hold, so it was not read.` } }],
      ]);
    }
  }, 30_000);

  it('a device folder swapped for a link out of the target after the listing: refused, the file behind it not read', async () => {
    const { base, root, archive } = await target();
    await withBen(archive);
    const refs = (await listArchive(archive)).segments;
    await rename(join(root, opsFolderPath(BEN)), join(base, 'moved'));
    await symlink(join(base, 'moved'), join(root, opsFolderPath(BEN)));
    const files = await readSegments(archive, refs.slice(0, 2));
    expect(files.map((f) => f.result)).toEqual([
      { ok: false, fault: { code: 'damaged', file: opsFolderPath(BEN), message: expect.stringMatching(/^warroom\/v1\/ops\/[0-9a-f]{16} is a symbolic link/) } },
      { ok: false, fault: expect.objectContaining({ code: 'damaged', file: opsFolderPath(BEN) }) },
    ]);
  });
});

describe('writing this device’s files on a target with planted links', () => {
  it('its ops folder is a link out of the target: fault naming the folder, nothing written outside', async () => {
    const { base, root, archive } = await target();
    await mkdir(join(root, 'warroom/v1/ops'), { recursive: true });
    await mkdir(join(base, 'outside'));
    await symlink(join(base, 'outside'), join(root, opsFolderPath(DEVICES[0])));
    expect(await thrown(writeOwn(archive, device(0), [{ first: 1, last: 2, text: text(0, 1, 2) }]))).toMatchObject({ code: 'damaged', file: opsFolderPath(DEVICES[0]) });
    expect(await readdir(join(base, 'outside'))).toEqual([]);
  });

  it('its device file is a link: replaced by its own regular file, the link target untouched', async () => {
    const { base, root, archive } = await target();
    await mkdir(join(root, 'warroom/v1/devices'), { recursive: true });
    await writeFile(join(base, 'victim'), 'keep me');
    await symlink(join(base, 'victim'), join(root, deviceInfoPath(DEVICES[0])));
    expect(await writeOwn(archive, device(0), [])).toEqual({ written: [], changed: [deviceInfoPath(DEVICES[0])] });
    expect((await lstat(join(root, deviceInfoPath(DEVICES[0])))).isFile()).toBe(true);
    expect(await readFile(join(base, 'victim'), 'utf8')).toBe('keep me');
  });

  it('a segment over the cap is never written (readers would refuse it)', async () => {
    const { root, archive } = await target();
    const huge = 'x'.repeat(MAX_SEGMENT_FILE_BYTES + 1);
    expect(await thrown(writeOwn(archive, device(0), [{ first: 1, last: 1, text: huge }]))).toMatchObject({ code: 'write-failed', file: segmentPath(DEVICES[0], 1, 1, false) });
    expect(existsSync(join(root, opsFolderPath(DEVICES[0])))).toBe(false);
  });
});

describe('a target that lost its encryption.json is never written in the clear', () => {
  const plainConfig = (root: string): TargetConfig => ({ kind: 'folder', path: root });

  it('sealed segments and no encryption.json: damaged ("restore it") whatever the config, before anything is written; set-up writes nothing either', async () => {
    const { root, config, archive } = await target(true);
    await writeOwn(archive, device(1), [{ first: 1, last: 2, text: text(1, 1, 2) }]);
    await rm(join(root, ENCRYPTION_PATH));
    const sealedSeen = {
      code: 'damaged',
      file: ENCRYPTION_PATH,
      message: `${ENCRYPTION_PATH} is missing, but the target holds encrypted segments (${segmentPath(BEN, 1, 2, true)}): nothing was read or written. Restore ${ENCRYPTION_PATH} from another copy of the target (another laptop's clone, a backup of the folder).`,
    };
    // Without a passphrase: refused when adding it, and by the listing that starts every round.
    expect(await thrown(openArchive(root, plainConfig(root), 'join'))).toEqual(sealedSeen);
    expect(await thrown(listArchive(await openArchive(root, plainConfig(root))))).toEqual(sealedSeen);
    // With one: refused by the key check itself.
    expect(await thrown(openArchive(root, config, 'join'))).toEqual(sealedSeen);
    expect(await thrown(openArchive(root, config))).toMatchObject({ code: 'damaged', file: ENCRYPTION_PATH, message: expect.stringMatching(/^warroom\/encryption\.json is missing, but this laptop uses the target as an encrypted one.*Restore/) });
    // Even format.json gone too: setting the target up again creates nothing (no new key next to the old segments).
    await rm(join(root, FORMAT_PATH));
    for (const given of [plainConfig(root), config]) expect(await thrown(createArchive(root, given))).toEqual(sealedSeen);
    expect(await readdir(join(root, 'warroom'))).toEqual(['v1']);
  });

  it('no sealed segment yet: a laptop using it encrypted gets damaged ("restore"), never advice to drop the passphrase; adding it with one says it is not encrypted', async () => {
    const { root, config } = await target(true);
    await rm(join(root, ENCRYPTION_PATH));
    const fault = await thrown(openArchive(root, config));
    expect(fault).toMatchObject({ code: 'damaged', file: ENCRYPTION_PATH, message: expect.stringMatching(/^warroom\/encryption\.json is missing, but this laptop uses the target as an encrypted one.*Restore/) });
    expect(JSON.stringify(fault)).not.toMatch(/remove the passphrase/i);
    expect(await thrown(openArchive(root, config, 'join'))).toMatchObject({ code: 'not-encrypted' });
    expect(await openArchive(root, plainConfig(root))).toMatchObject({ key: null });
  });
});
