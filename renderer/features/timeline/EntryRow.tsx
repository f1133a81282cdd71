import { memo } from 'react';
import { hlcToIso } from '../../../shared/ops/hlc.ts';
import type { EntryView } from '../../../shared/entities/index.ts';
import { hostOffsetMinutes, utcOffset } from '../../../shared/timeline/localTime.ts';
import { formatClock, formatElapsedSince } from '../../../shared/timeline/timeFormat.ts';
import { KindBadge } from './KindBadge.tsx';

export type EntryAction = 'edit' | 'pin' | 'strike' | 'history' | 'track';

interface Props {
  entry: EntryView;
  startMs: number;
  utc: boolean;
  withDate: boolean;
  /** Absent: a read-only row (the display window), with no action buttons. */
  onAction?: ((action: EntryAction, entry: EntryView) => void) | undefined;
}

/** A backfilled entry (event time well before it was recorded) shows both times. */
const BACKFILL_THRESHOLD_MS = 60_000;

export const EntryRow = memo(function EntryRow({ entry, startMs, utc, withDate, onAction }: Props) {
  const clock = (iso: string, date = withDate) => formatClock(iso, { utc, offsetMinutes: utc ? utcOffset : hostOffsetMinutes, withDate: date });
  const eventMs = Date.parse(entry.eventAt);
  const backfilled = Date.parse(entry.recordedAt) - eventMs > BACKFILL_THRESHOLD_MS;
  const struck = entry.struck;
  return (
    <>
      <div className="entry-time">
        <time dateTime={entry.eventAt} className="clock">
          {clock(entry.eventAt)}
        </time>
        <span className="tplus" title="Time since the incident started">
          {formatElapsedSince(eventMs, startMs)}
        </span>
      </div>
      <div className="entry-body">
        <div className="entry-meta">
          <KindBadge kind={entry.kind} />
          {entry.pinned && <span className="pin">★ Pinned</span>}
          <span className="author">{entry.author}</span>
          {backfilled && <span className="recorded">recorded {clock(entry.recordedAt, true)}</span>}
          {entry.edits > 0 && <span className="edited">edited</span>}
          {entry.audience && <span className="audience-label">{`→ ${entry.audience.name}${entry.audience.channel ? ` · ${entry.audience.channel}` : ''}`}</span>}
          {entry.tags.map((tag) => (
            <span key={tag} className="tag">
              #{tag}
            </span>
          ))}
        </div>
        <p className={struck ? 'entry-text struck' : 'entry-text'}>{struck ? <s>{entry.text}</s> : entry.text}</p>
        {struck && (
          <p className="struck-note">
            Struck by {struck.actor} at {clock(hlcToIso(struck.hlc), true)}
            {struck.reason ? `: ${struck.reason}` : ''}
          </p>
        )}
      </div>
      {onAction && (
      <div className="entry-actions">
        {/* A struck entry is evidence, frozen as it was: no edit, no pin (the fold refuses them too). */}
        {!struck && (
          <>
            <button type="button" onClick={() => onAction('edit', entry)} aria-keyshortcuts="E">
              Edit
            </button>
            <button type="button" onClick={() => onAction('pin', entry)} aria-pressed={entry.pinned} aria-keyshortcuts="P">
              Pin
            </button>
            <button type="button" onClick={() => onAction('strike', entry)} aria-keyshortcuts="S">
              Strike
            </button>
          </>
        )}
        <button type="button" onClick={() => onAction('history', entry)} aria-keyshortcuts="H">
          History
        </button>
        {entry.kind === 'action' && !struck && (
          <button type="button" onClick={() => onAction('track', entry)} aria-keyshortcuts="T">
            Track
          </button>
        )}
      </div>
      )}
    </>
  );
});
