/**
 * The board's clocks as numbers: which of an incident's clocks is the most urgent, and the board
 * sorted by any clock. Pure, like boardRows: the board calls it again on every tick.
 */
import { isOpenStatus, incidentStart } from '../../../shared/domain/incident.ts';
import { rtoClock } from '../../../shared/board/disasterClock.ts';
import { parseIsoUtc } from '../../../shared/timeline/localTime.ts';
import type { BoardRow } from './boardRows.ts';

/** The running clocks of a board row: the five clock columns and a declared disaster's RTO. */
export type ClockName = 'update' | 'escalation' | 'response' | 'resolution' | 'regulatory' | 'rto';

/** The columns the board sorts by: the default order (severity), how long it has been open, and each clock column. */
export type SortColumn = 'severity' | 'open' | Exclude<ClockName, 'rto'>;

export interface BoardSort {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

/** Today's order: most severe first, then the longest-running (boardRows' order). */
export const DEFAULT_SORT: BoardSort = { column: 'severity', direction: 'ascending' };

/**
 * Time left on each clock still running (negative: overdue, by that much). A clock that is
 * stopped, met, snoozed or has no cadence is absent: nothing done now changes it.
 */
export function clockTimes(row: BoardRow, now: number): Partial<Record<ClockName, number>> {
  const times: Partial<Record<ClockName, number>> = {};
  const open = isOpenStatus(row.incident.status);
  for (const clock of row.audiences) {
    if ((clock.state === 'ok' || clock.state === 'due-soon' || clock.state === 'overdue') && clock.msLeft !== null) times.update = Math.min(times.update ?? Infinity, clock.msLeft);
  }
  if (row.escalation.next) times.escalation = row.escalation.next.msLeft;
  // An ended exercise never acknowledged: its missed target is history, as the board's "needs action" counts it.
  if (row.sla.state === 'pending' || (row.sla.state === 'breached' && open)) times.response = row.sla.targetAt - now;
  if (row.resolution && (row.resolution.state === 'pending' || row.resolution.state === 'breached')) times.resolution = row.resolution.targetAt - now;
  if (row.regulatory && row.regulatory.msLeft !== null) times.regulatory = row.regulatory.msLeft;
  const rto = rtoClock({ incident: row.incident, now });
  if (rto && rto.msLeft !== null) times.rto = rto.msLeft;
  return times;
}

/** The clock with the least time left (the most overdue when several are); null when none is running. */
export function mostUrgentClock(row: BoardRow, now: number): ClockName | null {
  let worst: ClockName | null = null;
  let least = Infinity;
  for (const [name, left] of Object.entries(clockTimes(row, now)) as [ClockName, number][]) {
    if (left < least) {
      least = left;
      worst = name;
    }
  }
  return worst;
}

/** The direction a column sorts in when first chosen: the clocks least time left first, "open for" longest first. */
function firstDirection(column: SortColumn): BoardSort['direction'] {
  return column === 'open' ? 'descending' : 'ascending';
}

/** Choosing a column: the same one again flips the direction; another starts in its natural direction. */
export function nextSort(current: BoardSort, column: SortColumn): BoardSort {
  if (current.column !== column) return { column, direction: firstDirection(column) };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/**
 * `rows` in boardRows' order, sorted by `sort`. Ties, and rows whose clock is not running (always
 * last, either direction), keep the default order: the sort is stable.
 */
export function sortBoardRows(rows: readonly BoardRow[], sort: BoardSort, now: number): BoardRow[] {
  if (sort.column === 'severity') return sort.direction === 'ascending' ? [...rows] : [...rows].reverse();
  const column = sort.column;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: column === 'open' ? now - parseIsoUtc(incidentStart(row.incident)) : clockTimes(row, now)[column] }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) return (a.key === undefined ? 1 : 0) - (b.key === undefined ? 1 : 0);
    return sign * (a.key - b.key);
  });
  return keyed.map(({ row }) => row);
}
