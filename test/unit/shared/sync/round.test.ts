import { describe, expect, it } from 'vitest';
import { foldOps, incidentView, type OpIntent, runSyncRound } from '../../../../shared/entities/index.ts';
import type { OpEnvelope } from '../../../../shared/ops/envelope.ts';
import { parseHlc } from '../../../../shared/ops/hlc.ts';
import type { TargetPort } from '../../../../shared/sync/ports.ts';
import { CLOCK_HOLD_REASON, groupByOrigin } from '../../../../shared/sync/farAhead.ts';
import { type SyncRoundOptions } from '../../../../shared/sync/round.ts';
import { encodeSegment } from '../../../../shared/sync/segment.ts';
import { chainOf, DEV_A, DEV_B, DEV_C, rechain, refOf, rehashed, T0 } from '../../support/chains.ts';
import { MemoryArchive, type MemoryTarget } from '../../support/memoryTarget.ts';
import { MemoryStore } from '../../support/memoryStore.ts';
import { testSigner, testTrust } from '../../support/keys.ts';

const TARGET = 'shared-folder';
const DAY = 86_400_000;
const HOUR = 3_600_000;

let entryNo = 0;
function note(text: string): OpIntent {
  entryNo += 1;
  return { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'entry.add', data: { entry: `ent-${String(entryNo).padStart(6, '0')}`, fields: { text, kind: 'note', eventAt: new Date(T0).toISOString(), pinned: false, tags: [] } } };
}

/** Laptops on one in-memory target, each named `laptop <first four of its id>`. */
function world(...devices: string[]) {
  return namedWorld(devices.map((id) => [id, undefined]));
}

/** The same, with names the device files give. */
function namedWorld(devices: readonly (readonly [string, string | undefined])[]) {
  const archive = new MemoryArchive();
  archive.time = T0;
  const now = () => archive.time;
  const peers = devices.map(([id, name]) => ({ store: new MemoryStore(id, { now, ...(name ? { name } : {}) }), port: archive.port(id) }));
  return { archive, peers, now };
}

const sync = (peer: { store: MemoryStore; port: MemoryTarget }, options: SyncRoundOptions = {}) =>
  runSyncRound(peer.store, peer.port, TARGET, { now: () => peer.store.now(), ...options });

describe('runSyncRound', () => {
  it('two devices converge', async () => {
    const { peers: [a, b] } = world(DEV_A, DEV_B);
    for (let i = 0; i < 3; i += 1) a!.store.make(note(`a${i}`));
    for (let i = 0; i < 2; i += 1) b!.store.make(note(`b${i}`));
    expect(await sync(a!)).toMatchObject({ ok: true, pushed: 3, received: 0, problems: [], cursors: { [DEV_A]: 3 } });
    expect(await sync(b!)).toMatchObject({ ok: true, pushed: 2, received: 3, duplicates: 0, problems: [], cursors: { [DEV_A]: 3, [DEV_B]: 2 } });
    expect(await sync(a!)).toMatchObject({ ok: true, pushed: 0, received: 2, cursors: { [DEV_A]: 3, [DEV_B]: 2 } });
    expect(a!.store.opSet()).toEqual(b!.store.opSet());
    expect(a!.store.snapshot()).toBe(b!.store.snapshot());
    // Quiet now: nothing written, nothing read (our own segments were never read back).
    const reads = a!.port.log.read.length;
    expect(await sync(a!)).toMatchObject({ pushed: 0, received: 0, duplicates: 0 });
    expect(a!.port.log.read.length).toBe(reads);
  });

  it('three devices converge, reading in batches of one segment per exchange', async () => {
    const { peers } = world(DEV_A, DEV_B, DEV_C);
    for (const [i, peer] of peers.entries()) for (let k = 0; k < 5 + i; k += 1) peer.store.make(note(`${i}-${k}`));
    const options = { readBatch: 1, maxOpsPerSegment: 2 };
    for (const peer of peers) expect((await sync(peer, options)).ok).toBe(true);
    for (const peer of peers) expect((await sync(peer, options)).ok).toBe(true);
    const [a, b, c] = peers as [(typeof peers)[0], (typeof peers)[0], (typeof peers)[0]];
    expect(a.store.opCount()).toBe(18);
    expect(b.store.opSet()).toEqual(a.store.opSet());
    expect(c.store.opSet()).toEqual(a.store.opSet());
    expect(new Set(peers.map((p) => p.store.snapshot())).size).toBe(1);
    expect(a.store.applyCalls).toBeGreaterThan(4);
  });

  it('a fault leaves local data intact; a later clean round brings everything across', async () => {
    const { archive, peers: [a, b] } = world(DEV_A, DEV_B);
    a!.store.make(note('a'));
    b!.store.make(note('b'));
    await sync(b!);
    a!.port.offline = true;
    const before = { count: a!.store.opCount(), cursors: await a!.store.cursors(TARGET) };
    const offline = await sync(a!);
    expect(offline).toMatchObject({ ok: false, fault: { code: 'unreachable' }, pushed: 0, received: 0 });
    expect(a!.store.opCount()).toBe(before.count);
    expect(await a!.store.cursors(TARGET)).toEqual(before.cursors);

    a!.port.offline = false;
    a!.port.failNextExchange = { code: 'disk-full', message: 'The sync folder is full.' };
    expect(await sync(a!)).toMatchObject({ ok: false, fault: { code: 'disk-full' } });
    expect(a!.store.opCount()).toBe(before.count);
    expect(archive.files.size).toBe(2); // b's segment and device file: nothing of a's

    const throwing: TargetPort = { list: () => Promise.reject(new Error('EIO')), exchange: () => Promise.reject(new Error('EIO')) };
    expect(await runSyncRound(a!.store, throwing, TARGET)).toMatchObject({ ok: false, fault: { code: 'unreachable', message: expect.stringContaining('EIO') } });

    expect(await sync(a!)).toMatchObject({ ok: true, pushed: 1, received: 1 });
    expect(await sync(b!)).toMatchObject({ ok: true, received: 1 });
    expect(a!.store.snapshot()).toBe(b!.store.snapshot());
  });

  it('truncated, garbage and tampered files are reported with file, line and reason; the good lines are applied', async () => {
    const { archive, peers: [a] } = world(DEV_A);
    const ops = chainOf(DEV_B, 9);
    const text = encodeSegment(ops.slice(0, 3));
    const truncated = refOf(DEV_B, 1, 3);
    archive.inject(truncated.path, text.slice(0, text.length - 10));
    const garbage = refOf(DEV_B, 4, 6);
    archive.inject(garbage.path, encodeSegment(ops.slice(3, 6)).replace(/^.*\n/, 'garbage\n'));
    const tampered = refOf(DEV_B, 7, 9);
    archive.inject(tampered.path, encodeSegment([ops[6]!, { ...ops[7]!, actor: 'Mallory' }, ops[8]!]));
    const report = await sync(a!);
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([
      { file: truncated.path, line: 3, reason: 'truncated: the last line has no newline' },
      { file: garbage.path, line: 1, reason: 'not JSON' },
      { file: tampered.path, line: 2, reason: expect.stringMatching(/^hash mismatch/) },
    ]);
    expect(report.received).toBe(6);
    // Cursor held below the first missing seq (3, still being copied); what lies past it is remembered.
    expect(report).toMatchObject({ cursors: { [DEV_B]: 2 }, beyond: { [DEV_B]: [{ first: 5, last: 7 }, { first: 9, last: 9 }] } });

    // The shared drive finishes copying the first file: the cursor moves to 3, and stops at the bad line of seq 4.
    archive.inject(truncated.path, text);
    const again = await sync(a!);
    expect(again).toMatchObject({ ok: true, received: 1, cursors: { [DEV_B]: 3 } });
    expect(again.problems.map((p) => p.file)).toEqual([garbage.path, tampered.path]);
  });

  it('an unreadable file is a problem for that file, not the whole round', async () => {
    const { archive, peers: [a] } = world(DEV_A);
    const ref = refOf(DEV_B, 1, 2);
    archive.inject(ref.path, encodeSegment(chainOf(DEV_B, 2)));
    const port = a!.port;
    const flaky: TargetPort = {
      list: () => port.list(),
      exchange: async (request) => {
        const result = await port.exchange(request);
        if (!result.ok) return result;
        return { ok: true, value: { ...result.value, files: result.value.files.map((f) => ({ ref: f.ref, result: { ok: false as const, fault: { code: 'unreachable' as const, message: 'permission denied' } } })) } };
      },
    };
    const report = await runSyncRound(a!.store, flaky, TARGET);
    expect(report).toMatchObject({ ok: true, received: 0, problems: [{ file: ref.path, reason: 'permission denied' }] });
  });

  it('a fork (two installs sharing a device id) is reported, both ops kept; the copy writes nothing under that id', async () => {
    const { peers: [original, b] } = world(DEV_A, DEV_B);
    const copy = { store: new MemoryStore(DEV_A, { now: () => T0 }), port: original!.port.archive.port(DEV_A) };
    original!.store.make(note('original 1'));
    original!.store.make(note('original 2'));
    await sync(original!);
    for (let i = 1; i <= 3; i += 1) copy.store.make(note(`copy ${i}`));
    const report = await sync(copy);
    // The target's files under our id are read before anything is written: they are another install's.
    expect(report).toMatchObject({ ok: false, fault: { code: 'fork' }, pushed: 0, received: 2, ownVerified: 0, ownMaxSeq: 3 });
    expect(report.problems).toEqual([
      { file: refOf(DEV_A, 1, 2).path, reason: expect.stringMatching(new RegExp(`^fork: device ${DEV_A} seq 1 `)) },
      { file: refOf(DEV_A, 1, 2).path, reason: expect.stringMatching(new RegExp(`^fork: device ${DEV_A} seq 2 `)) },
    ]);
    expect(copy.store.opCount()).toBe(5);
    // Every later round says so again: "in step" never returns while the copy's changes are stranded.
    copy.store.make(note('copy 4'));
    expect(await sync(copy)).toMatchObject({ ok: false, fault: { code: 'fork' }, pushed: 0, ownVerified: 0 });

    expect(await sync(original!)).toMatchObject({ ok: true, ownVerified: 2, problems: [] });
    await sync(b!);
    expect(b!.store.opCount()).toBe(2);
  });

  it('an op stamped far ahead is held, not applied, flagged with its device; the clock does not follow it', async () => {
    const { peers: [a, b, c] } = world(DEV_A, DEV_B, DEV_C);
    b!.store.skewMs = 3 * DAY;
    c!.store.skewMs = DAY - 60_000;
    const ahead = b!.store.make(note('from the future'));
    const near = c!.store.make(note('a day ahead, within the drift allowed'));
    await sync(b!);
    await sync(c!);
    const report = await sync(a!);
    const laptopB = { id: DEV_B, name: `laptop ${DEV_B.slice(0, 4)}` };
    expect(report).toMatchObject({ ok: true, received: 1, pending: 0, future: [{ opId: ahead.id, hlc: ahead.hlc, device: laptopB, origin: laptopB }], cursors: { [DEV_B]: 1, [DEV_C]: 1 } });
    expect(report.future.map((f) => f.opId)).not.toContain(near.id);
    expect(a!.store.ops.has(near.hash)).toBe(true);
    expect(a!.store.ops.has(ahead.hash)).toBe(false);
    expect([...a!.store.pendingOps.values()]).toEqual([{ op: ahead, reason: CLOCK_HOLD_REASON, clock: { deviceName: laptopB.name } }]);
    const mine = a!.store.make(note('after'));
    expect(parseHlc(mine.hlc)!.wall).toBeLessThan(parseHlc(ahead.hlc)!.wall);
    // It follows c's stamp (within the drift), never b's.
    expect(a!.store.clockWall()).toBe(parseHlc(near.hlc)!.wall);

    // Read again (a lost cursor): still held once, never applied.
    a!.store.forgetCursors(TARGET);
    expect(await sync(a!)).toMatchObject({ ok: true, received: 0, future: [] });
    expect(a!.store.ops.has(ahead.hash)).toBe(false);
    expect(a!.store.pendingOps.size).toBe(1);
  });

  it('a laptop whose clock says ten years ahead cannot make later honest edits lose; held until its time or accepted', async () => {
    const { archive, peers: [a, b] } = world(DEV_A, DEV_B);
    const incident = 'inc-skew01';
    const title = (peer: { store: MemoryStore }) => {
      const doc = foldOps(peer.store.ops.values()).get(`incidents:${incident}`);
      return doc?.table === 'incidents' ? incidentView(doc)?.title : undefined;
    };
    a!.store.make({ actor: 'Ana', incident, kind: 'incident.declare', data: { title: 'Checkout down', severity: 'P1', type: 'availability', declaredAt: new Date(T0).toISOString() } });
    await sync(a!);
    await sync(b!);
    b!.store.skewMs = 3650 * DAY; // Ben's laptop clock says 2036
    b!.store.make({ actor: 'Ben', incident, kind: 'incident.set', data: { fields: { title: 'Title from 2036' } } });
    await sync(b!);
    archive.time += 60_000;
    a!.store.make({ actor: 'Ana', incident, kind: 'incident.set', data: { fields: { title: 'Checkout down: payments' } } });
    const report = await sync(a!);
    expect(report).toMatchObject({ ok: true, received: 0, future: [{ device: { id: DEV_B }, origin: { id: DEV_B } }] });
    expect(title(a!)).toBe('Checkout down: payments');
    archive.time += 60_000;
    a!.store.make({ actor: 'Ana', incident, kind: 'incident.set', data: { fields: { title: 'Checkout down: payments, EU' } } });
    expect(title(a!)).toBe('Checkout down: payments, EU');

    // A month on, its time has still not come: the periodic release leaves it held.
    archive.time += 30 * DAY;
    expect(a!.store.release()).toBe(0);
    expect(title(a!)).toBe('Checkout down: payments, EU');
    // A person accepts it: applied now, it wins, and this laptop's clock still does not jump ahead.
    expect(a!.store.release(() => true)).toBe(1);
    expect(title(a!)).toBe('Title from 2036');
    expect(a!.store.clockWall()).toBeLessThanOrEqual(a!.store.now());
  });

  it('held ops are applied once their time is within the drift; every laptop then holds the same state', async () => {
    const { archive, peers: [a, b] } = world(DEV_A, DEV_B);
    b!.store.skewMs = 3 * DAY;
    b!.store.make(note('three days ahead'));
    await sync(b!);
    await sync(a!);
    expect(a!.store.release()).toBe(0);
    archive.time += 2 * DAY - 1;
    expect(a!.store.release()).toBe(0);
    archive.time += 1;
    expect(a!.store.release()).toBe(1);
    expect(a!.store.pendingOps.size).toBe(0);
    expect(a!.store.snapshot()).toBe(b!.store.snapshot());
  });

  it('the laptop whose clock is wrong is flagged, not a laptop that relayed its time (one 20 h ahead, one 6 h behind)', async () => {
    const names = ['Ana (fast clock)', 'Carla (right clock)', 'Ben (slow clock)'];
    const { peers: [fast, relay, slow] } = namedWorld([[DEV_A, names[0]], [DEV_C, names[1]], [DEV_B, names[2]]]);
    fast!.store.skewMs = 20 * HOUR;
    slow!.store.skewMs = -6 * HOUR;
    const origin = fast!.store.make(note('Ana, 20 h ahead'));
    await sync(fast!);
    // Carla's clock is right; within the drift it adopts Ana's time, so her next op carries it.
    await sync(relay!);
    const relayed = relay!.store.make(note('Carla, after receiving Ana'));
    expect(parseHlc(relayed.hlc)!.wall).toBe(parseHlc(origin.hlc)!.wall);
    await sync(relay!);

    const report = await sync(slow!, { readBatch: 1 });
    const ana = { id: DEV_A, name: names[0] };
    expect(report.future).toEqual([
      { opId: origin.id, hlc: origin.hlc, device: ana, origin: ana },
      { opId: relayed.id, hlc: relayed.hlc, device: { id: DEV_C, name: names[1] }, origin: ana },
    ]);
    expect(groupByOrigin(report.future)).toMatchObject([{ origin: ana, relayedBy: [{ id: DEV_C }] }]);

    // Carla's op alone (Ana's not on this target): relayed, its originator unknown here.
    const { archive: other, peers: [, , alone] } = world(DEV_A, DEV_C, DEV_B);
    for (const [path, file] of fast!.port.archive.files) if (path.includes(DEV_C)) other.files.set(path, file);
    alone!.store.skewMs = -6 * HOUR;
    const lonely = await sync(alone!);
    expect(lonely.future).toEqual([{ opId: relayed.id, hlc: relayed.hlc, device: { id: DEV_C, name: names[1] }, origin: null }]);
  });

  it('ops from a newer app are kept pending, and the cursor moves past them', async () => {
    const { archive, peers: [a] } = world(DEV_A);
    const base = chainOf(DEV_C, 3);
    const newer = rechain([base[0]!, rehashed(base[1]!, { kind: 'checklist.check', data: { item: 'x' } }), base[2]!] as OpEnvelope[]);
    archive.inject(refOf(DEV_C, 1, 3).path, encodeSegment(newer));
    const report = await sync(a!);
    expect(report).toMatchObject({ ok: true, received: 2, pending: 1, problems: [], cursors: { [DEV_C]: 3 } });
    expect([...a!.store.pendingOps.values()].map((p) => [p.op.id, p.reason])).toEqual([[`${DEV_C}-2`, 'unknown kind checklist.check']]);
  });

  it('re-delivered ops are duplicates, not new (a file delivered twice in one exchange is decoded once)', async () => {
    const { peers: [a, b] } = world(DEV_A, DEV_B);
    b!.store.make(note('b'));
    await sync(b!);
    await sync(a!);
    a!.store.forgetCursors(TARGET);
    a!.port.duplicateReads = true;
    a!.port.duplicateListing = true;
    expect(await sync(a!)).toMatchObject({ ok: true, received: 0, duplicates: 1, pending: 0 });
  });
});

describe('runSyncRound judges files by content, not names', () => {
  it('a copied profile never reads as in step: the install whose changes lost stays "not in step" round after round', async () => {
    const { peers: [original, third] } = world(DEV_A, DEV_C);
    for (let i = 1; i <= 3; i += 1) original!.store.make(note(`shared ${i}`));
    expect(await sync(original!)).toMatchObject({ ok: true, ownVerified: 3 });
    // The profile is copied now: same chain, same id, from here on two installs.
    const copy = { store: new MemoryStore(DEV_A, { now: () => T0 }), port: original!.port.archive.port(DEV_A) };
    for (const op of await original!.store.ownOps(1, 3)) copy.store.adopt(op);
    for (let i = 1; i <= 2; i += 1) original!.store.make(note(`original ${i}`));
    expect(await sync(original!)).toMatchObject({ ok: true, ownVerified: 5 });
    for (let i = 1; i <= 2; i += 1) copy.store.make(note(`copy ${i}`));
    expect(await sync(copy)).toMatchObject({ ok: false, fault: { code: 'fork' }, ownVerified: 3, ownMaxSeq: 5 });
    // The copy goes on past the original's change number: names alone would call it in step now.
    for (let i = 3; i <= 6; i += 1) copy.store.make(note(`copy ${i}`));
    for (let round = 0; round < 3; round += 1) {
      expect(await sync(copy)).toMatchObject({ ok: false, fault: { code: 'fork' }, pushed: 0, ownVerified: 3, ownMaxSeq: 9 });
    }
    // Nothing of the copy's was published under the shared id: the others see one clean chain.
    expect(await sync(original!)).toMatchObject({ ok: true, ownVerified: 5, problems: [] });
    expect(await sync(third!)).toMatchObject({ ok: true, received: 5, problems: [] });
  });

  it('an own file named wider than it holds: the owner writes the missing ops again, and readers are not stalled', async () => {
    const { archive, peers: [a, b] } = world(DEV_A, DEV_B);
    for (let i = 1; i <= 10; i += 1) a!.store.make(note(`a${i}`));
    // A tool (or a bad copy) left ops 1–5 under the name 1–10.
    archive.inject(refOf(DEV_A, 1, 10).path, encodeSegment(await a!.store.ownOps(1, 5)));
    const owner = await sync(a!);
    expect(owner).toMatchObject({ ok: true, pushed: 5, ownVerified: 10 });
    expect(owner.problems).toEqual([{ file: refOf(DEV_A, 1, 10).path, line: 6, reason: 'ends early: seq 6–10 missing' }]);
    expect(archive.files.has(refOf(DEV_A, 6, 10).path)).toBe(true);
    const reader = await sync(b!);
    expect(reader).toMatchObject({ ok: true, received: 10, cursors: { [DEV_A]: 10 } });
  });

  it("another device's file named narrower than it holds: every valid op counts where it belongs", async () => {
    const { archive, peers: [a] } = world(DEV_A);
    archive.inject(refOf(DEV_B, 1, 3).path, encodeSegment(chainOf(DEV_B, 6)));
    const report = await sync(a!);
    expect(report).toMatchObject({ ok: true, received: 6, cursors: { [DEV_B]: 6 } });
    expect(report.problems.map((p) => [p.line, p.reason])).toEqual([4, 5, 6].map((seq) => [seq, `seq ${seq} is outside the range 1–3 this file's name gives (its valid ops are kept)`]));
    // Taken whole: not read again.
    const reads = a!.port.log.read.length;
    await sync(a!);
    expect(a!.port.log.read.length).toBe(reads);
  });

  it('a damaged own file is superseded by a new correct one under a new name; the damaged one is never touched', async () => {
    const { archive, peers: [a, b] } = world(DEV_A, DEV_B);
    for (let i = 1; i <= 4; i += 1) a!.store.make(note(`a${i}`));
    const ops = await a!.store.ownOps(1, 4);
    const damaged = encodeSegment(ops).replace('"text":"a3"', '"text":"XX"');
    archive.inject(refOf(DEV_A, 1, 4).path, damaged);
    const owner = await sync(a!);
    expect(owner).toMatchObject({ ok: true, pushed: 1, ownVerified: 4 });
    expect(archive.files.get(refOf(DEV_A, 1, 4).path)?.text).toBe(damaged);
    expect(archive.files.has(refOf(DEV_A, 3, 3).path)).toBe(true);
    expect(await sync(b!)).toMatchObject({ ok: true, received: 4, cursors: { [DEV_A]: 4 } });
  });

  it('an own file whose name claims seqs this laptop never wrote is judged by its content, not a fork by name', async () => {
    const { archive, peers: [a] } = world(DEV_A);
    for (let i = 1; i <= 2; i += 1) a!.store.make(note(`a${i}`));
    archive.inject(refOf(DEV_A, 1, 99).path, 'not an op\n');
    const report = await sync(a!);
    expect(report).toMatchObject({ ok: true, pushed: 2, ownVerified: 2 });
  });

  it('a damaged early line costs one file a round, not the whole tail of that device', async () => {
    const { archive, peers: [a] } = world(DEV_A);
    const ops = chainOf(DEV_B, 200);
    for (let first = 1; first <= 200; first += 10) {
      const text = encodeSegment(ops.slice(first - 1, first + 9));
      archive.inject(refOf(DEV_B, first, first + 9).path, first === 1 ? text.replace(/^.*\n/, 'garbage\n') : text);
    }
    const first = await sync(a!);
    expect(first).toMatchObject({ ok: true, received: 199, cursors: {}, beyond: { [DEV_B]: [{ first: 2, last: 200 }] } });
    const more = chainOf(DEV_B, 205).slice(200);
    archive.inject(refOf(DEV_B, 201, 205).path, encodeSegment(more));
    const before = a!.port.log.read.length;
    expect(await sync(a!)).toMatchObject({ ok: true, received: 5 });
    expect(a!.port.log.read.slice(before)).toEqual([refOf(DEV_B, 1, 10).path, refOf(DEV_B, 201, 205).path]);
  });
});


describe('signed authorship (docs/sync-format.md#signatures)', () => {
  /** What a peer with write access to the target can do: put a line in another device's folder. */
  function forgeInto(archive: MemoryArchive, victim: MemoryStore, seq: number, changes: Record<string, unknown>, signWith?: string) {
    const { sig: _signed, ...template } = [...victim.ops.values()].find((op) => op.device === victim.id && op.seq === seq - 1)!;
    const forged = rehashed({ ...template, seq, id: `${victim.id}-${seq}`, prev: template.hash } as OpEnvelope, changes);
    const line = signWith ? { ...forged, sig: testSigner(signWith)(forged.hash) } : forged;
    archive.inject(refOf(victim.id, seq, seq).path, encodeSegment([line as OpEnvelope]));
    return forged;
  }

  it("a peer writing seq 3 into another device's folder is refused by file and line; that device's real seq 3 still reaches everyone", async () => {
    const { archive, peers: [a, b, c] } = world(DEV_A, DEV_B, DEV_C);
    const incident = { actor: 'Ana', incident: 'inc-aaaaaa', kind: 'incident.declare', data: { title: 'DB down', severity: 'P1', type: 'availability', declaredAt: new Date(T0).toISOString() } } as OpIntent;
    b!.store.make(incident);
    b!.store.make(note('b2'));
    await sync(b!);
    await sync(a!);
    // Carla's laptop writes "the IC resolved it" as Ben's seq 3, signed with her own key.
    const forged = forgeInto(archive, b!.store, 3, { kind: 'incident.set', data: { field: 'status', value: 'resolved' }, actor: 'Incident Commander' }, DEV_C);
    const afterForgery = await sync(a!);
    expect(afterForgery).toMatchObject({ ok: true, received: 0, problems: [{ file: refOf(DEV_B, 3, 3).path, line: 1, reason: expect.stringMatching(/^bad signature: not signed by device bbbbbbbbbbbbbbbb's key/) }] });
    expect([...a!.store.ops.values()].some((op) => op.hash === forged.hash)).toBe(false);

    // Ben's real seq 3: his round sees the forged line is not his (no fork) and delivers his own.
    b!.store.make(note('b3'));
    expect(await sync(b!)).toMatchObject({ ok: true, pushed: 1, ownVerified: 3 });
    expect(await sync(a!)).toMatchObject({ ok: true, received: 1 });
    expect(await sync(c!)).toMatchObject({ ok: true, received: 3 });
    expect(a!.store.snapshot()).toBe(b!.store.snapshot());
    expect(c!.store.snapshot()).toBe(b!.store.snapshot());
    const doc = foldOps(a!.store.ops.values()).get('incidents:inc-aaaaaa');
    expect(doc?.table === 'incidents' ? incidentView(doc)?.status : undefined).toBe('investigating');
  });

  it('an unsigned op under a device that signs is refused; a swapped device file is reported and changes nothing', async () => {
    const { archive, peers: [a, b] } = world(DEV_A, DEV_B);
    b!.store.make(note('b1'));
    await sync(b!);
    expect(await sync(a!)).toMatchObject({ ok: true, received: 1, problems: [] });
    expect(a!.store.pins.get(DEV_B)).toEqual(testTrust(DEV_B));

    forgeInto(archive, b!.store, 2, { actor: 'Ben' });
    const unsigned = await sync(a!);
    expect(unsigned.problems).toEqual([{ file: refOf(DEV_B, 2, 2).path, line: 1, reason: expect.stringMatching(/^unsigned: device bbbbbbbbbbbbbbbb's key .* signs every op from seq 1/) }]);
    expect(unsigned.received).toBe(0);

    // The forger replaces Ben's device file with her key: readers keep the pinned one and say so.
    archive.inject(`warroom/v1/devices/${DEV_B}.json`, JSON.stringify({ device: DEV_B, name: 'Ben', createdAt: '2026-11-23T08:00:00.000Z', app: 'test', key: testTrust(DEV_C).key }));
    forgeInto(archive, b!.store, 2, { actor: 'Ben', data: { entry: 'ent-forged01', fields: { text: 'forged', kind: 'note', eventAt: new Date(T0).toISOString(), pinned: false, tags: [] } } }, DEV_C);
    const swapped = await sync(a!);
    expect(swapped.received).toBe(0);
    expect(swapped.problems.map((p) => p.reason)).toEqual(expect.arrayContaining([expect.stringMatching(/signing key changed — pinned .* when first seen, the file now names/), expect.stringMatching(/^bad signature/)]));
    expect(a!.store.pins.get(DEV_B)).toEqual(testTrust(DEV_B));
  });

  it('a device that publishes no key: its ops are applied and counted as unverified', async () => {
    const archive = new MemoryArchive();
    archive.time = T0;
    const legacy = { store: new MemoryStore(DEV_B, { now: () => archive.time, signs: false }), port: archive.port(DEV_B) };
    const a = { store: new MemoryStore(DEV_A, { now: () => archive.time }), port: archive.port(DEV_A) };
    legacy.store.make(note('old app'));
    legacy.store.make(note('old app again'));
    await sync(legacy);
    expect(await sync(a)).toMatchObject({ ok: true, received: 2, problems: [], unverified: { [DEV_B]: 2 } });
  });
});
