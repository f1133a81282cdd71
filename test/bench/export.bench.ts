import { postmortemToMarkdown, type PostmortemActionItem } from '../../shared/postmortem/exportPostmortem.ts';
import { DEFAULT_TEMPLATE } from '../../shared/postmortem/templates.ts';
import { INCIDENT_DEFAULTS } from '../../shared/domain/incident.ts';
import type { EntryView, IncidentView } from '../../shared/entities/index.ts';
import { ENTRY_KINDS } from '../../shared/domain/entry.ts';
import { timelineToMarkdown } from '../../shared/timeline/exportTimeline.ts';
import { median, row, type BenchRow } from './stats.ts';

const ENTRIES = 10_000;
const RUNS = 7;

/** Texts as scribes type them: short notes, pasted log lines, links, the odd hostile character. */
const TEXTS = [
  'Paged on-call: checkout error rate 12% (threshold 2%)',
  'Rolled back payments-api to v2.41.3 — error rate falling',
  'Decision: freeze deploys until the pool fix ships',
  'Customer support reports failed card payments in EU | 40 tickets',
  '2026-11-22T14:05:12Z ERROR pool exhausted: max=50 active=50 waiting=312\n  at Pool.acquire (pool.js:88)',
  'Dashboard https://grafana.example/d/payments?var-host=db_primary&from=now-1h',
  'Status page updated: "Investigating elevated payment failures" 🔥',
  'Heap paged out on db-2; `SELECT count(*) FROM locks` shows 1 200 waiters',
  'Comms: <b>do not</b> mention the vendor by name until legal confirms',
  '# cache cleared on edge nodes (all 14)',
];

function incident(): IncidentView {
  return {
    // Fields this fixture does not spell out take the declaration defaults.
    ...INCIDENT_DEFAULTS,
    id: 'inc-bench-export',
    title: 'Checkout failing for card payments',
    severity: 'P1',
    type: 'availability',
    status: 'resolved',
    phase: 'post-incident',
    exercise: false,
    summary: '',
    impactUser: 'Card payments failed',
    impactBusiness: 'Lost orders',
    impactTechnical: 'payments-api 5xx',
    usersAffected: 42_000,
    detectedAt: '2026-11-22T14:05:00.000Z',
    declaredAt: '2026-11-22T14:07:00.000Z',
    acknowledgedAt: '2026-11-22T14:10:00.000Z',
    mitigatedAt: '2026-11-22T18:00:00.000Z',
    resolvedAt: '2026-11-23T02:30:00.000Z',
    closedAt: '2026-11-24T09:00:00.000Z',
    lastUpdateAt: null,
    cadenceOverride: null,
    snoozedUntil: null,
    regulatoryNotifiedAt: null,
    regulated: null,
    onsetAt: null,
    declaredBy: 'alice',
    roles: { 'incident-commander': 'Alice', 'technical-lead': 'Bob', scribe: 'Carol' },
    updatedHlc: '2026-11-24T09:00:00.000Z-0000-a1b2c3d4e5f60718',
  };
}

/** 10k entries over twelve hours, one in five pinned, one in fifty struck. */
function entries(): EntryView[] {
  const start = Date.parse('2026-11-22T14:05:00.000Z');
  return Array.from({ length: ENTRIES }, (_, i) => {
    const at = new Date(start + i * 4_321).toISOString();
    return {
      id: `entry-${String(i).padStart(6, '0')}`,
      incident: 'inc-bench-export',
      author: ['alice', 'bob', 'carol', 'dave'][i % 4]!,
      recordedAt: at,
      hlc: `${at}-${(i % 65_536).toString(16).padStart(4, '0')}-a1b2c3d4e5f60718`,
      text: `${TEXTS[i % TEXTS.length]!} (#${i})`,
      kind: ENTRY_KINDS[i % ENTRY_KINDS.length]!,
      eventAt: at,
      pinned: i % 5 === 0,
      tags: [],
      struck: i % 50 === 7 ? { actor: 'carol', hlc: `${at}-ffff-a1b2c3d4e5f60718`, hash: 'h', opId: 'o', reason: 'wrong host' } : null,
      edits: 0,
    };
  });
}

const ACTION_ITEMS: PostmortemActionItem[] = Array.from({ length: 12 }, (_, i) => ({
  id: `action-${i}`,
  description: `Follow-up ${i}: add an alert on pool saturation`,
  owner: i % 3 ? 'Bob' : null,
  priority: (['P0', 'P1', 'P2', 'P3'] as const)[i % 4]!,
  dueDate: i % 2 ? '2026-12-01' : null,
  status: (['open', 'in-progress', 'done', 'wont-do'] as const)[i % 4]!,
}));

const SECTIONS = {
  summary: 'Card payments failed for **12 hours** after a pool change.\n\n## What happened\n\nThe pool was halved.',
  'root-cause': 'A config change halved the pool:\n\n```yaml\npool: 25\n```',
  lessons: '- Alert on saturation\n- Canary config changes',
};

function timeMs(fn: () => string): { ms: number; size: number } {
  const start = performance.now();
  const out = fn();
  return { ms: performance.now() - start, size: out.length };
}

/**
 * Issue 7's figure, in Node (the export is a pure function; the app and `warroom` run the same
 * code): the post-mortem of a 10k-entry incident with its whole timeline, against the timeline
 * export of the same entries, alternated, median of 7 each, after one warm-up.
 */
export async function exportBench(): Promise<BenchRow[]> {
  const inc = incident();
  const list = entries();
  const postmortem = () =>
    postmortemToMarkdown({
      incident: inc,
      entries: list,
      sections: SECTIONS,
      template: DEFAULT_TEMPLATE.template,
      actionItems: ACTION_ITEMS,
      timelineMode: 'all',
      exercise: false,
      generatedAt: '2026-11-25T10:00:00.000Z',
    });
  const timeline = () => timelineToMarkdown(inc, list);
  postmortem();
  timeline();
  const pm: number[] = [];
  const base: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const a = timeMs(postmortem);
    pm.push(a.ms);
    size = a.size;
    base.push(timeMs(timeline).ms);
  }
  const value = median(pm);
  const baseline = median(base);
  console.log(
    `export: post-mortem ${Math.round(value)} ms (${Math.round(size / 1024)} KiB), timelineToMarkdown ${Math.round(baseline)} ms, ratio ${(value / baseline).toFixed(2)}×`,
  );
  return [row('export: post-mortem Markdown of a 10k-entry incident', value, 'ms', baseline, '≤ 300 ms', (v) => v <= 300)];
}
