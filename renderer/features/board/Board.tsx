import { incidentLabel } from '../../../shared/domain/incidentRef.ts';
import { useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { formatCountdown } from '../../../shared/board/clocks.ts';
import { incidentStart } from '../../../shared/domain/incident.ts';
import { heldRoleCount } from '../../../shared/entities/index.ts';
import { levelOf, type SeverityScheme } from '../../../shared/domain/severity.ts';
import { hostBridge } from '../../bridge/hostBridge.ts';
import { routeHash, useUi } from '../../app/store.ts';
import { checklistProgressByIncident, latestInjects } from '../../db/queries.ts';
import { capitalize, formatElapsed } from '../../ui/format.ts';
import { SeverityBadge } from '../../ui/SeverityBadge.tsx';
import { useNow } from '../../ui/useNow.ts';
import { boardRows, type BoardFilter, type BoardRow } from './boardRows.ts';
import { DEFAULT_SORT, mostUrgentClock, nextSort, sortBoardRows, type BoardSort, type ClockName, type SortColumn } from './boardSort.ts';
import { useReminders } from './useReminders.ts';
import { EscalationDue } from '../escalation/EscalationDue.tsx';
import { useEscalationSources } from '../escalation/useEscalation.ts';
import { PostmortemsDue } from './PostmortemsDue.tsx';
import { DisasterFlag } from './DisasterFlag.tsx';
import { AudienceUpdates } from './AudienceUpdates.tsx';
import { useCommsPlan } from '../comms/useCommsPlan.ts';
import { useSeverityScheme } from './useSeverityScheme.ts';
import { usePhaseNames } from './usePhaseNames.ts';
import { OpenDisplayButton } from '../display/OpenDisplayButton.tsx';
import { phaseName, type PhaseNames } from '../../../shared/domain/phaseNames.ts';
import { useIncidents, useLiveRows } from '../../db/hooks.ts';

const FILTERS: [BoardFilter, string][] = [
  ['open', 'Open'],
  ['resolved', 'Resolved'],
  ['exercises', 'Exercises'],
  ['mine', 'Mine'],
];

/** Loud, not just red: an icon and a word as well as the colour. */
function Flag({ level, children }: { level: 'ok' | 'soon' | 'late' | 'quiet'; children: string }) {
  const icon = level === 'late' ? '⚠ ' : level === 'soon' ? '◷ ' : '';
  return <span className={`flag flag-${level}`}>{icon + children}</span>;
}

function EscalationCell({ row }: { row: BoardRow }) {
  const next = row.escalation.next;
  if (!next) return <Flag level="quiet">{row.escalation.reached.length ? `Escalated to ${row.escalation.reached.at(-1)!.label}` : '—'}</Flag>;
  return <Flag level={next.msLeft < 5 * 60_000 ? 'soon' : 'ok'}>{`${next.step.label} in ${formatCountdown(next.msLeft)}`}</Flag>;
}

function SlaCell({ row, now }: { row: BoardRow; now: number }) {
  const { sla } = row;
  if (sla.state === 'met') return <Flag level="ok">✓ Acknowledged in time</Flag>;
  if (sla.state === 'missed') return <Flag level="quiet">Acknowledged late</Flag>;
  if (sla.state === 'breached') return <Flag level="late">Not acknowledged: response target missed</Flag>;
  return <Flag level="soon">{`Acknowledge within ${formatCountdown(sla.targetAt - now)}`}</Flag>;
}

function ResolutionCell({ row, now }: { row: BoardRow; now: number }) {
  const target = row.resolution;
  if (!target) return <Flag level="quiet">—</Flag>;
  if (target.state === 'met') return <Flag level="ok">✓ Resolved in time</Flag>;
  if (target.state === 'missed') return <Flag level="quiet">Resolved late</Flag>;
  if (target.state === 'breached') return <Flag level="late">{`Resolution target ${formatCountdown(target.targetAt - now)}`}</Flag>;
  return <Flag level="ok">{`Resolve within ${formatCountdown(target.targetAt - now)}`}</Flag>;
}

function RegulatoryCell({ row }: { row: BoardRow }) {
  const clock = row.regulatory;
  if (!clock) return row.personalDataUndecided ? <Flag level="soon">Personal data? Not decided</Flag> : <Flag level="quiet">—</Flag>;
  if (clock.state === 'notified') return <Flag level="ok">✓ Regulator notified</Flag>;
  const left = formatCountdown(clock.msLeft ?? 0);
  return <Flag level={clock.state === 'overdue' ? 'late' : clock.state === 'due-soon' ? 'soon' : 'ok'}>{clock.state === 'overdue' ? `72 h notice ${left}` : `72 h notice in ${left}`}</Flag>;
}

/** In the web preview, reminders need the browser's permission; the desktop app has its own. */
function EnableReminders() {
  const [permission, setPermission] = useState(() => (hostBridge() || typeof Notification === 'undefined' ? 'granted' : Notification.permission));
  if (permission !== 'default') return null;
  return (
    <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
      Enable reminders
    </button>
  );
}

/** The board's columns; those with `sort` sort the board when their header is chosen. */
const COLUMNS: { label: string; sort?: SortColumn }[] = [
  { label: 'Severity', sort: 'severity' },
  { label: 'Incident' },
  { label: 'Status · phase' },
  { label: 'Roles' },
  { label: 'Open for', sort: 'open' },
  { label: 'Next update', sort: 'update' },
  { label: 'Escalation', sort: 'escalation' },
  { label: 'Response', sort: 'response' },
  { label: 'Resolution', sort: 'resolution' },
  { label: 'Regulatory', sort: 'regulatory' },
];

/** Marked in words as well as by its frame, so it never rests on colour alone. */
function UrgentTag() {
  return <span className="urgent-tag">Most urgent</span>;
}

/** A clock's cell; the incident's most urgent clock is framed and named. */
function ClockCell({ urgent, children }: { urgent: boolean; children: ReactNode }) {
  return (
    <div role="cell" className={urgent ? 'urgent' : undefined}>
      {urgent && <UrgentTag />}
      {children}
    </div>
  );
}

/** A column header: a button for the sortable ones, `aria-sort` on the one the board is sorted by. */
function ColumnHeader({ label, column, sort, onSort }: { label: string; column: SortColumn | undefined; sort: BoardSort; onSort: (column: SortColumn) => void }) {
  if (!column) return <div role="columnheader">{label}</div>;
  const sorted = sort.column === column ? sort.direction : undefined;
  return (
    <div role="columnheader" aria-sort={sorted ?? 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true" className="sort-arrow">
          {sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}
        </span>
      </button>
    </div>
  );
}

/** One incident on the board: a grid row in an ARIA table. */
const BoardRowView = memo(function BoardRowView({ row, scheme, now, index, measure, progress, phaseNames, lastInject }: { row: BoardRow; scheme: SeverityScheme; now: number; index: number; measure: (element: HTMLElement | null) => void; progress: { done: number; total: number } | undefined; phaseNames: PhaseNames; lastInject: string | undefined }) {
  const { incident } = row;
  const level = levelOf(incident.severity, scheme);
  const ic = incident.roles['incident-commander'];
  const others = heldRoleCount(incident) - (ic ? 1 : 0);
  const urgent: ClockName | null = mostUrgentClock(row, now);
  return (
    <div role="row" aria-rowindex={index + 2} data-index={index} ref={measure} className={row.overdue ? 'board-row overdue' : 'board-row'}>
      <div role="cell">
        <SeverityBadge severity={incident.severity} name={level?.name} />
      </div>
      <div role="cell">
        <a href={routeHash({ name: 'incident', id: incident.id })}>{incident.title}</a>
        {incident.exercise && <span className="tag exercise">Exercise</span>}
        <div className="sub">
          <span className="incident-ref">{incidentLabel(incident)}</span>
          {` · ${capitalize(incident.type)}`}
        </div>
        {lastInject && <div className="sub board-inject">{`Latest inject: ${lastInject}`}</div>}
        {urgent === 'rto' ? (
          <div className="urgent">
            <UrgentTag />
            <DisasterFlag incident={incident} now={now} />
          </div>
        ) : (
          <DisasterFlag incident={incident} now={now} />
        )}
      </div>
      <div role="cell">
        {capitalize(incident.status)}
        <div className="sub">
          {phaseName(incident.phase, phaseNames)}
          {progress && <span className="phase-progress" aria-label={`checklist ${progress.done} of ${progress.total} done`}>{` · ${progress.done}/${progress.total}`}</span>}
        </div>
      </div>
      <div role="cell">
        {ic ? `IC ${ic}` : <Flag level="soon">No IC</Flag>}
        {others > 0 && <div className="sub">+{others} role{others === 1 ? '' : 's'}</div>}
      </div>
      <div role="cell">{formatElapsed(incidentStart(incident), now)}</div>
      <ClockCell urgent={urgent === 'update'}>
        <AudienceUpdates clocks={row.audiences} />
      </ClockCell>
      <ClockCell urgent={urgent === 'escalation'}>
        <EscalationCell row={row} />
      </ClockCell>
      <ClockCell urgent={urgent === 'response'}>
        <SlaCell row={row} now={now} />
      </ClockCell>
      <ClockCell urgent={urgent === 'resolution'}>
        <ResolutionCell row={row} now={now} />
      </ClockCell>
      <ClockCell urgent={urgent === 'regulatory'}>
        <RegulatoryCell row={row} />
      </ClockCell>
    </div>
  );
});

type Progress = Map<string, Map<string, { done: number; total: number }>>;

/** The board row (its index among all rows) that holds `target`. */
function rowIndexOf(target: EventTarget): number | null {
  const index = (target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset['index'];
  return index === undefined ? null : Number(index);
}

/**
 * Only the rows in view (and a few beyond) are in the DOM, so a board of hundreds of incidents
 * opens and answers a click as fast as an empty one. The page itself scrolls; Tab still walks
 * every incident: the rows either side of the focused one are always rendered.
 */
function BoardTable({ rows, scheme, now, progress, phaseNames, injects, sort, onSort }: { rows: readonly BoardRow[]; scheme: SeverityScheme; now: number; progress: Progress | undefined; phaseNames: PhaseNames; injects: ReadonlyMap<string, string> | undefined; sort: BoardSort; onSort: (column: SortColumn) => void }) {
  const body = useRef<HTMLDivElement>(null);
  const [bodyTop, setBodyTop] = useState(0);
  // Where the rows start on the page moves when the header above wraps or gains a banner.
  useLayoutEffect(() => {
    const measure = () => setBodyTop(Math.round((body.current?.getBoundingClientRect().top ?? 0) + window.scrollY));
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [rows]);
  const getItemKey = useCallback((index: number) => rows[index]!.incident.id, [rows]);
  // The rows either side of the focused one are always rendered. Scrolling the focused row into
  // view renders its neighbours only a frame later, so a fast Tab used to leave the board; a
  // focus change is a discrete event, which React renders before the next key is handled.
  const [focusedIndex, setFocusedIndex] = useState<number | null>(null);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const around = focusedIndex === null ? [] : [focusedIndex - 1, focusedIndex + 1];
      const start = Math.max(0, Math.min(range.startIndex - range.overscan, ...around));
      const end = Math.min(range.count - 1, Math.max(range.endIndex + range.overscan, ...around));
      // One run of rows, never gaps: the rows are laid out in flow between two paddings.
      return Array.from({ length: end - start + 1 }, (_, i) => start + i);
    },
    [focusedIndex],
  );
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => 64,
    overscan: 6,
    scrollMargin: bodyTop,
    getItemKey,
    rangeExtractor,
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items.length ? items[0]!.start - bodyTop : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1]!.end - bodyTop) : 0;
  return (
    <div role="table" aria-label="Incidents" aria-rowcount={rows.length + 1} className="board-table">
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="board-row board-header">
          {COLUMNS.map((column) => (
            <ColumnHeader key={column.label} label={column.label} column={column.sort} sort={sort} onSort={onSort} />
          ))}
        </div>
      </div>
      <div
        role="rowgroup"
        ref={body}
        className="board-body"
        style={{ paddingTop: padTop, paddingBottom: padBottom }}
        onFocus={(e) => setFocusedIndex(rowIndexOf(e.target))}
        // Only when focus leaves the board: between two rows, dropping the range first would
        // unmount the row that is about to take focus.
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget)) setFocusedIndex(null);
        }}
      >
        {items.map((item) => (
          <BoardRowView
            key={item.key}
            row={rows[item.index]!}
            index={item.index}
            measure={virtualizer.measureElement}
            scheme={scheme}
            now={now}
            progress={progress?.get(rows[item.index]!.incident.id)?.get(rows[item.index]!.incident.phase)}
            phaseNames={phaseNames}
            lastInject={injects?.get(rows[item.index]!.incident.id)}
          />
        ))}
      </div>
    </div>
  );
}

/** The commander's board: every incident, its clocks, and what is overdue. */
/** `display`: the projector's window, which shows the board but leaves reminders to the laptop's window. */
export function Board({ operator, display = false }: { operator: string; display?: boolean }) {
  const incidents = useIncidents();
  const progress = useLiveRows(checklistProgressByIncident, []);
  const injects = useLiveRows(latestInjects, []);
  const phaseNames = usePhaseNames();
  const scheme = useSeverityScheme();
  const now = useNow(10_000);
  const projector = useUi((s) => s.projector);
  const toggleProjector = useUi((s) => s.toggleProjector);
  const [filter, setFilter] = useState<BoardFilter>('open');
  const [sort, setSort] = useState<BoardSort>(DEFAULT_SORT);
  const onSort = useCallback((column: SortColumn) => setSort((current) => nextSort(current, column)), []);
  const escalation = useEscalationSources();
  const plan = useCommsPlan();
  const unsorted = useMemo(() => boardRows(incidents ?? [], scheme, plan, filter, operator, now, escalation.matrix), [incidents, scheme, plan, filter, operator, now, escalation.matrix]);
  const rows = useMemo(() => sortBoardRows(unsorted, sort, now), [unsorted, sort, now]);
  useReminders(display ? undefined : incidents, scheme, plan, now, escalation);

  if (incidents === undefined) return <p aria-busy="true">Loading incidents…</p>;
  const overdue = rows.filter((r) => r.overdue).length;
  return (
    <section aria-labelledby="incidents-title" className="board">
      <div className="board-head">
        <h1 id="incidents-title">Incidents</h1>
        <div role="radiogroup" aria-label="Show" className="segmented">
          {FILTERS.map(([id, label]) => (
            <button key={id} type="button" role="radio" aria-checked={filter === id} onClick={() => setFilter(id)}>
              {label}
            </button>
          ))}
        </div>
        {overdue > 0 && <p className="flag flag-late" role="status">{`⚠ ${overdue} incident${overdue === 1 ? '' : 's'} need${overdue === 1 ? 's' : ''} action`}</p>}
        <span className="spacer" />
        {/* The display window runs no reminders and logs nothing: the laptop's window does. */}
        {!display && <EnableReminders />}
        {!display && <OpenDisplayButton view={{ view: 'board' }} label="Open board in new window" />}
        <button type="button" onClick={toggleProjector} aria-pressed={projector}>
          Projector mode
        </button>
      </div>
      <EscalationDue incidents={incidents} actor={operator} scheme={scheme} now={now} readOnly={display} />
      {rows.length === 0 ? (
        <p className="empty">{incidents.length === 0 ? 'No incidents yet. Declare one with the button above or press Alt+N.' : 'Nothing in this view.'}</p>
      ) : (
        <BoardTable rows={rows} scheme={scheme} now={now} progress={progress} phaseNames={phaseNames} injects={injects} sort={sort} onSort={onSort} />
      )}
      <PostmortemsDue incidents={incidents} scheme={scheme} now={now} />
    </section>
  );
}
