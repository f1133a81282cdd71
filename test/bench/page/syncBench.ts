import { WarRoomDb } from '../../../renderer/db/database.ts';
import { createOp, runSyncRound, decodeSegment } from '../../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../../shared/ops/createOp.ts';
import { dexieLocalStore } from '../../../renderer/db/localStore.ts';
import type { OpEnvelope } from '../../../shared/ops/envelope.ts';
import { parseSegmentName, type DeviceInfo, type SegmentRef } from '../../../shared/sync/layout.ts';
import { newSigningKey, signerOf, type SigningKey } from '../../../shared/ops/signature.ts';
import type { TargetPort } from '../../../shared/sync/ports.ts';
import { encodeSegment } from '../../../shared/sync/segment.ts';

const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);

async function freshDb(name: string): Promise<WarRoomDb> {
  await new WarRoomDb(name).delete();
  const db = new WarRoomDb(name);
  await db.open();
  return db;
}

/** A laptop's key, made from its index so every run reads the same bytes. */
function keyOf(d: number): SigningKey {
  return newSigningKey((n) => new Uint8Array(n).fill(d + 1));
}

/** The device files of those laptops, naming their keys: the round verifies every run it takes. */
function devices(): DeviceInfo[] {
  return Array.from({ length: 10 }, (_, d) => ({ device: `c0c0${String(d).padStart(12, '0')}`, name: `Laptop ${d}`, createdAt: new Date(T0).toISOString(), app: 'bench', key: keyOf(d).publicKey, signedFrom: 1 }));
}

/** `count` ops from 10 other laptops over 20 incidents, every op signed as the app signs it, as 1000-op segment texts. */
function segments(count: number): { ref: SegmentRef; text: string }[] {
  const out: { ref: SegmentRef; text: string }[] = [];
  const perDevice = count / 10;
  for (let d = 0; d < 10; d += 1) {
    const sign = signerOf(keyOf(d));
    let state: DeviceState = freshDeviceState(`c0c0${String(d).padStart(12, '0')}`);
    let batch: OpEnvelope[] = [];
    for (let i = 1; i <= perDevice; i += 1) {
      const incident = `inc-ingest${String((d * 2 + (i % 2)) % 20).padStart(3, '0')}`;
      const made =
        i <= 2
          ? createOp(state, { actor: `IC ${d}`, incident, kind: 'incident.declare', data: { title: `Incident ${incident}`, severity: 'P1', type: 'availability', declaredAt: new Date(T0).toISOString() } }, T0 + i, sign)
          : createOp(state, { actor: `Scribe ${d}`, incident, kind: 'entry.add', data: { entry: `ent-${d}${String(i).padStart(8, '0')}`, fields: { text: `entry ${i}: pool stats on db-${i % 7}`, kind: 'note', eventAt: new Date(T0 + i * 1000).toISOString(), pinned: false, tags: [] } } }, T0 + i, sign);
      state = made.state;
      batch.push(made.op);
      if (batch.length === 1000 || i === perDevice) {
        const ref = parseSegmentName(state.device, `${String(batch[0]!.seq).padStart(12, '0')}-${String(batch.at(-1)!.seq).padStart(12, '0')}.jsonl`)!;
        out.push({ ref, text: encodeSegment(batch) });
        batch = [];
      }
    }
  }
  return out;
}

/**
 * The full sync ingest path (runSyncRound: decode, validate, hash-check, signature-check, apply and materialize in
 * Dexie transactions) against the least a reader could do with the same bytes.
 */
export async function ingestBench(count: number): Promise<{ ingestMs: number; decodeMs: number; rawMs: number }> {
  const files = segments(count);
  const byPath = new Map(files.map((f) => [f.ref.path, f]));

  const raw = await freshDb('bench-ingest-raw');
  let start = performance.now();
  for (const { text } of files) {
    const ops = text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as OpEnvelope);
    await raw.ops.bulkPut(ops);
  }
  const rawMs = performance.now() - start;
  raw.close();

  start = performance.now();
  const trust = new Map(devices().map((info) => [info.device, { key: info.key!, signedFrom: 1 }]));
  for (const { ref, text } of files) decodeSegment(text, ref, trust.get(ref.device)!);
  const decodeMs = performance.now() - start;

  const db = await freshDb('bench-ingest-app');
  await db.syncTargets.put({ id: 'tgt-ingest', label: 'bench', config: { kind: 'folder', path: '/' }, createdAt: 0, cursors: {}, pushedSeq: 0, lastAttemptAt: null, lastSuccessAt: null, lastFault: null, lastProblems: 0 });
  await db.meta.put({ key: 'deviceProfile', value: { name: 'Bench', createdAt: new Date(T0).toISOString() } });
  const port: TargetPort = {
    list: async () => ({ ok: true, value: { format: { format: 'warroom-sync', version: 1 }, devices: devices(), segments: files.map((f) => f.ref) } }),
    exchange: async ({ read }) => ({ ok: true, value: { written: [], files: read.map((ref) => ({ ref, result: { ok: true as const, text: byPath.get(ref.path)!.text } })) } }),
  };
  start = performance.now();
  const report = await runSyncRound(dexieLocalStore(db), port, 'tgt-ingest');
  const ingestMs = performance.now() - start;
  if (!report.ok || report.received !== count || Object.keys(report.unverified).length > 0) throw new Error(`ingest received ${report.received} of ${count}: ${JSON.stringify(report.problems.slice(0, 3))}`);
  db.close();
  return { ingestMs, decodeMs, rawMs };
}
