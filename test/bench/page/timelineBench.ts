import { db, renderApp } from './benchApp.ts';
import { useUi } from '../../../renderer/app/store.ts';
import { applyRemoteOps } from '../../../renderer/db/applyRemote.ts';
import { commit } from '../../../renderer/db/commit.ts';
import { setOperator } from '../../../renderer/db/queries.ts';
import '../../../renderer/styles.css';
import { createOp, type Op } from '../../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../../shared/ops/createOp.ts';
import { WarRoomDb } from '../../../renderer/db/database.ts';

export const BENCH_INCIDENT = 'inc-bench-timeline';
/** A short incident beside the long one: opening it is the baseline for opening the long one. */
export const SHORT_INCIDENT = 'inc-bench-short';
const WORDS = ['pool', 'latency', 'rollback', 'db-primary', 'paged', 'cache', 'deploy', 'grafana', 'customer', 'errors', 'restart', 'heap'];

/**
 * Fill the app's database with one incident of `count` entries written by another device
 * (as if synced), in batches, then mount the real app on that incident.
 */
export async function seedTimeline(count: number, incident = BENCH_INCIDENT): Promise<{ seedMs: number }> {
  const start = performance.now();
  await setOperator(db, 'Bench Scribe');
  const declaredAt = Date.now() - count * 1000 - 60_000;
  const title = incident === BENCH_INCIDENT ? 'Bench: long incident' : 'Bench: short incident';
  await commit(db, { actor: 'Bench Scribe', incident, kind: 'incident.declare', data: { title, severity: 'P1', type: 'availability', declaredAt: new Date(declaredAt).toISOString() } });
  let state: DeviceState = freshDeviceState(incident === BENCH_INCIDENT ? 'feedfacefeedface' : 'facefeedfacefeed');
  for (let at = 0; at < count; at += 5000) {
    const batch: Op[] = [];
    for (let i = at; i < Math.min(count, at + 5000); i += 1) {
      const words = `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${WORDS[(i * 13) % WORDS.length]}`;
      const made = createOp(state, { actor: `Scribe ${i % 4}`, incident, kind: 'entry.add', data: { entry: `ent-b${String(i).padStart(9, '0')}`, fields: { text: `entry ${i}: ${words}`, kind: 'note', eventAt: new Date(declaredAt + i * 1000).toISOString(), pinned: false, tags: [] } } }, declaredAt + i * 1000);
      state = made.state;
      batch.push(made.op);
    }
    await applyRemoteOps(db, batch);
  }
  return { seedMs: performance.now() - start };
}

/** Mount the real app on its board (where a commander opens an incident from). */
export function mountApp(): void {
  useUi.getState().navigate({ name: 'incidents' });
  renderApp();
}

/** Open an incident as a click on the board does. */
export function openIncident(id: string): void {
  useUi.getState().navigate({ name: 'incident', id });
}

export function backToBoard(): void {
  useUi.getState().navigate({ name: 'incidents' });
}

function list(): HTMLElement {
  const element = document.querySelector<HTMLElement>('ol[aria-label="Timeline entries"]');
  if (!element) throw new Error('the timeline is not on screen');
  return element;
}

export function domRowCount(): number {
  return list().querySelectorAll('li').length;
}

export interface EnterTiming {
  /** Enter keydown → its transaction committed (the op and the entry are in IndexedDB). */
  durable: number;
  /** Enter keydown → the row is in the DOM. */
  visible: number;
}

/** Resolves when a row with `text` is in the DOM, with ms since the next Enter keydown. */
let armed: Promise<EnterTiming> | null = null;
export function armEnter(text: string): void {
  armed = new Promise((resolve) => {
    let pressedAt = 0;
    let durableAt = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter') pressedAt = performance.now();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    const stopListening = db.changes.onCommitted((change) => {
      if (change.entries.some((row) => row.view?.text === text)) {
        durableAt = performance.now();
        stopListening();
      }
    });
    const observer = new MutationObserver(() => {
      if (pressedAt === 0) return;
      for (const item of list().querySelectorAll('li')) {
        if (item.textContent?.includes(text)) {
          observer.disconnect();
          window.removeEventListener('keydown', onKey, { capture: true });
          resolve({ durable: durableAt - pressedAt, visible: performance.now() - pressedAt });
          return;
        }
      }
    });
    observer.observe(list(), { childList: true, subtree: true, characterData: true });
  });
}

export function armed_(): Promise<EnterTiming> {
  if (!armed) throw new Error('armEnter first');
  return armed;
}

/** The entry is in IndexedDB (the UI shows it only after its transaction committed; this proves it). */
export async function isStored(text: string): Promise<boolean> {
  const rows = await db.entries.where('[incident+order]').between([BENCH_INCIDENT, '0'], [BENCH_INCIDENT, '\uffff']).reverse().limit(5).toArray();
  return rows.some((row) => row.view?.text === text);
}

/** Type a query into the search box the way React sees it; ms until the count shows the result. */
export function searchFor(query: string): Promise<{ ms: number; label: string }> {
  const input = document.getElementById('timeline-search') as HTMLInputElement;
  const count = document.querySelector('.timeline-head .count')!;
  const before = count.textContent;
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (count.textContent !== before) {
        observer.disconnect();
        resolve({ ms: performance.now() - start, label: count.textContent ?? '' });
      }
    });
    observer.observe(count, { childList: true, subtree: true, characterData: true });
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const start = performance.now();
    setValue.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/**
 * The plainest way to do the same job, in the same page, driven by the same keystrokes: a bare
 * textarea whose Enter does one raw Dexie put of the entry and then appends a list item.
 * The app's Enter → durable + visible is judged against this.
 */
export async function mountRawScribe(): Promise<void> {
  const rawDb = new WarRoomDb('bench-raw-scribe');
  await rawDb.open();
  const box = document.createElement('textarea');
  box.setAttribute('aria-label', 'Raw entry');
  const list = document.createElement('ol');
  list.setAttribute('aria-label', 'Raw entries');
  document.body.prepend(box, list);
  let n = 0;
  box.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const text = box.value;
    box.value = '';
    n += 1;
    void rawDb.drafts.put({ key: `raw-${n}`, text, updatedAt: Date.now() }).then(() => {
      const item = document.createElement('li');
      item.textContent = text;
      list.append(item);
    });
  });
}

/** Like armEnter, for the raw scribe's list. */
export function armRawEnter(text: string): void {
  armed = new Promise((resolve) => {
    let pressedAt = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter') pressedAt = performance.now();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    const list = document.querySelector('ol[aria-label="Raw entries"]')!;
    const observer = new MutationObserver(() => {
      if (list.lastElementChild?.textContent === text) {
        observer.disconnect();
        window.removeEventListener('keydown', onKey, { capture: true });
        const ms = performance.now() - pressedAt;
        resolve({ durable: ms, visible: ms });
      }
    });
    observer.observe(list, { childList: true });
  });
}
