import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { EntryView, IncidentView } from '../../../shared/entities/index.ts';
import { parseEntryInput } from '../../../shared/timeline/entryInput.ts';
import { incidentStart } from '../../../shared/domain/incident.ts';
import { NewActionDialog } from '../actions/NewActionDialog.tsx';
import { hostOffsetMinutes, utcOffset } from '../../../shared/timeline/localTime.ts';
import { spansMultipleDays } from '../../../shared/timeline/timeFormat.ts';
import { useUi } from '../../app/store.ts';
import { commit } from '../../db/commit.ts';
import { saveIncidentTimeline } from './saveTimeline.ts';
import { EditEntryDialog, EntryHistoryDialog, StrikeEntryDialog } from './EntryDialogs.tsx';
import { EntryComposer } from './EntryComposer.tsx';
import type { EntryAction } from './EntryRow.tsx';
import { filterEntries, isFiltering, NO_FILTER, type TimelineFilter } from './filterEntries.ts';
import { IntegrityReportView, useIntegrityCheck, VerifyButton } from './IntegrityCheck.tsx';
import { ShortcutsOverlay } from './ShortcutsOverlay.tsx';
import { TimelineList, type TimelineListHandle } from './TimelineList.tsx';
import { TimelineToolbar } from './TimelineToolbar.tsx';
import { listEntries } from '../../db/queries.ts';
import { useTimeline } from './timelineModel.ts';
import { OpenDisplayButton } from '../display/OpenDisplayButton.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { isTyping } from '../../ui/isTyping.ts';
import { ESCALATION_LOG_ID } from '../escalation/EscalationDue.tsx';

type Dialog = { type: 'edit' | 'strike' | 'history' | 'track'; entry: EntryView } | { type: 'shortcuts' } | null;

function firstAtOrAfter(entries: readonly EntryView[], iso: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (entries[mid]!.eventAt < iso) low = mid + 1;
    else high = mid;
  }
  return Math.min(low, entries.length - 1);
}

/** The scribe's screen: the timeline, its filters and the always-ready entry box. */
export function ScribeView({ incident, actor, tools }: { incident: IncidentView; actor: string; tools?: ReactNode }) {
  const db = useDatabase();
  const { entries, facets, loaded, complete, total, error } = useTimeline(incident.id);
  const utc = useUi((s) => s.utc);
  const toggleUtc = useUi((s) => s.toggleUtc);
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  const query = useDeferredValue(filter.query);
  const shown = useMemo(() => filterEntries(entries, { ...filter, query }), [entries, filter, query]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [jumpError, setJumpError] = useState<string | null>(null);
  const list = useRef<TimelineListHandle>(null);
  const integrity = useIntegrityCheck(incident.id);

  const startMs = Date.parse(incidentStart(incident));
  const zone = utc ? utcOffset : hostOffsetMinutes;
  const withDate = entries.length > 0 && spansMultipleDays([incident.declaredAt, entries[0]!.eventAt, entries[entries.length - 1]!.eventAt], zone);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const focus = (id: string) => {
        event.preventDefault();
        document.getElementById(id)?.focus();
      };
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') return focus('timeline-search');
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'j') return focus('timeline-jump');
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey || document.querySelector('dialog[open]')) return;
      if (event.key === '?') {
        event.preventDefault();
        setDialog({ type: 'shortcuts' });
      } else if (event.key === '/') focus('timeline-search');
      else if (event.key === 'i' || event.key === 'n') focus('entry-text');
      else if (event.key === 'l' && document.getElementById(ESCALATION_LOG_ID)) focus(ESCALATION_LOG_ID);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onAction = useCallback(
    (action: EntryAction, entry: EntryView) => {
      if (action === 'pin') {
        void commit(db, { actor, incident: entry.incident, kind: 'entry.edit', data: { entry: entry.id, fields: { pinned: !entry.pinned } } }).catch((failure: unknown) =>
          setStatus(`Not saved: ${errorMessage(failure)}`),
        );
      } else if (action === 'strike' && entry.struck) {
        setDialog({ type: 'history', entry });
      } else {
        setDialog({ type: action, entry });
      }
    },
    [actor, db],
  );

  function editLast() {
    const mine = [...entries].reverse().find((e) => e.author === actor && !e.struck);
    if (mine) setDialog({ type: 'edit', entry: mine });
  }

  function jump(time: string) {
    const parsed = parseEntryInput(`@${time.trim().replace(/^@/, '')} .`, { now: Date.now(), startedAt: Date.now(), offsetMinutes: hostOffsetMinutes });
    if (!parsed.ok || parsed.value.eventAt === null) return setJumpError(parsed.ok ? 'Type a time such as 14:05' : parsed.error);
    setJumpError(null);
    if (shown.length > 0) list.current?.focusIndex(firstAtOrAfter(shown, new Date(parsed.value.eventAt).toISOString()));
  }

  async function exportAs(format: 'csv' | 'markdown') {
    try {
      // Still reading older entries: the export reads the whole history itself.
      setStatus(await saveIncidentTimeline(incident, complete ? entries : await listEntries(db, incident.id), format));
    } catch (failure) {
      setStatus(`Export failed: ${errorMessage(failure)}`);
    }
  }

  return (
    <section className="scribe" aria-labelledby="timeline-title">
      <div className="timeline-head">
        <h2 id="timeline-title">Timeline</h2>
        <span className="count">
          {isFiltering({ ...filter, query }) ? `${shown.length} of ${total} entries` : `${total} ${total === 1 ? 'entry' : 'entries'}`}
        </span>
        {!complete && loaded && (
          <span className="count" role="status">
            {`Reading older entries: the latest ${entries.length} of ${total} are shown, and search and filters cover those until the rest is read`}
          </span>
        )}
        <span className="spacer" />
        <VerifyButton check={integrity} />
        <button type="button" onClick={toggleUtc} aria-pressed={utc}>
          UTC
        </button>
        <button type="button" onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" onClick={() => void exportAs('markdown')}>
          Export Markdown
        </button>
        <OpenDisplayButton view={{ view: 'incident', incident: incident.id }} label="Open timeline in new window" />
        {tools}
        <button type="button" onClick={() => setDialog({ type: 'shortcuts' })} aria-keyshortcuts="?">
          Shortcuts
        </button>
      </div>
      <TimelineToolbar filter={filter} onFilter={setFilter} authors={facets.authors} tags={facets.tags} onJump={jump} jumpError={jumpError} />
      <IntegrityReportView check={integrity} />
      {status && (
        <p role="status" className="status-line">
          {status}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          Could not read the timeline: {error}
        </p>
      )}
      {!loaded ? (
        <p aria-busy="true" className="timeline-scroll">
          Loading timeline…
        </p>
      ) : (
        <TimelineList ref={list} entries={shown} startMs={startMs} utc={utc} withDate={withDate} onAction={onAction} />
      )}
      <EntryComposer incident={incident.id} actor={actor} utc={utc} onEditLast={editLast} />
      {dialog?.type === 'edit' && <EditEntryDialog entry={dialog.entry} actor={actor} onClose={() => setDialog(null)} />}
      {dialog?.type === 'strike' && <StrikeEntryDialog entry={dialog.entry} actor={actor} onClose={() => setDialog(null)} />}
      {dialog?.type === 'history' && <EntryHistoryDialog entry={dialog.entry} utc={utc} onClose={() => setDialog(null)} />}
      {dialog?.type === 'shortcuts' && <ShortcutsOverlay onClose={() => setDialog(null)} />}
      {dialog?.type === 'track' && <NewActionDialog incident={incident.id} actor={actor} from={{ entry: dialog.entry.id, text: dialog.entry.text }} onClose={() => setDialog(null)} />}
    </section>
  );
}
