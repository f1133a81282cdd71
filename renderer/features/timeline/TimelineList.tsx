import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import type { EntryView } from '../../../shared/entities/index.ts';
import { EntryRow, type EntryAction } from './EntryRow.tsx';

export interface TimelineListHandle {
  /** Scroll to and focus the entry at `index` of the shown list. */
  focusIndex(index: number): void;
}

interface Props {
  entries: readonly EntryView[];
  startMs: number;
  utc: boolean;
  withDate: boolean;
  /** Absent: a read-only list (the display window): arrow keys still move, no action on an entry. */
  onAction?: (action: EntryAction, entry: EntryView) => void;
}

const KEY_ACTIONS: Record<string, EntryAction> = { e: 'edit', p: 'pin', s: 'strike', h: 'history', t: 'track' };

/**
 * Only the rows in view are in the DOM (a 100k-entry timeline stays smooth). Arrow keys move
 * between entries; E, P, S, H act on the focused one. New entries keep the view pinned to the
 * bottom unless the reader has scrolled up.
 */
export const TimelineList = memo(
  forwardRef<TimelineListHandle, Props>(function TimelineList({ entries, startMs, utc, withDate, onAction }, ref) {
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  const atBottom = useRef(true);
  // A new key function makes the virtualizer re-measure every row: keep it stable per list.
  const getItemKey = useCallback((index: number) => entries[index]!.id, [entries]);
  // The active entry and its neighbours are always rendered (rows are placed absolutely, so a
  // gap is fine): an arrow key's target exists at once, not only after the scroll event that
  // scrolling to it causes, which a loaded machine delivers frames late.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const shown = new Set(defaultRangeExtractor(range));
      for (const index of [active - 1, active, active + 1]) if (index >= 0 && index < range.count) shown.add(index);
      return [...shown].sort((a, b) => a - b);
    },
    [active],
  );
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 64,
    overscan: 8,
    getItemKey,
    rangeExtractor,
  });

  function focusIndex(index: number) {
    if (entries.length === 0) return;
    const clamped = Math.max(0, Math.min(entries.length - 1, index));
    setActive(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${clamped}"]`)?.focus());
  }
  useImperativeHandle(ref, () => ({ focusIndex }));

  // Follow new entries while the reader is at the bottom; rows measure themselves after the
  // first paint, so settle once more on the next frame.
  useEffect(() => {
    if (!atBottom.current || entries.length === 0) return;
    virtualizer.scrollToIndex(entries.length - 1, { align: 'end' });
    const frame = requestAnimationFrame(() => {
      const element = scroller.current;
      if (element && atBottom.current) element.scrollTop = element.scrollHeight;
    });
    return () => cancelAnimationFrame(frame);
  }, [entries, virtualizer]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = Number((event.target as HTMLElement).closest('[data-index]')?.getAttribute('data-index') ?? active);
    const isRow = (event.target as HTMLElement).matches('[data-index]');
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusIndex(index + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focusIndex(event.key === 'Home' ? 0 : entries.length - 1);
    } else if (onAction && isRow && !event.ctrlKey && !event.metaKey && !event.altKey && KEY_ACTIONS[event.key.toLowerCase()]) {
      event.preventDefault();
      const entry = entries[index];
      const action = KEY_ACTIONS[event.key.toLowerCase()]!;
      // Only an action entry can become an action item; a struck entry is frozen (no edit, pin or track).
      if (entry && (!entry.struck || action === 'history' || action === 'strike') && (action !== 'track' || entry.kind === 'action')) onAction(action, entry);
    }
  }

  return (
    <div
      ref={scroller}
      className="timeline-scroll"
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      }}
      onKeyDown={onKeyDown}
    >
      <ol className="timeline" aria-label="Timeline entries" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index]!;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              tabIndex={item.index === active || (active === -1 && item.index === entries.length - 1) ? 0 : -1}
              className={`entry kind-row-${entry.kind}${entry.struck ? ' is-struck' : ''}`}
              style={{ transform: `translateY(${item.start}px)` }}
              aria-posinset={item.index + 1}
              aria-setsize={entries.length}
              onFocus={() => setActive(item.index)}
            >
              <EntryRow entry={entry} startMs={startMs} utc={utc} withDate={withDate} onAction={onAction} />
            </li>
          );
        })}
      </ol>
    </div>
  );
  }),
);
