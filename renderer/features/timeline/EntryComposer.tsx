import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ENTRY_KINDS, type EntryKind } from '../../../shared/domain/entry.ts';
import { formatClock } from '../../../shared/timeline/timeFormat.ts';
import { hostOffsetMinutes } from '../../../shared/timeline/localTime.ts';
import { KIND_LOOK } from './KindBadge.tsx';
import { useEntryComposer } from './useEntryComposer.ts';

interface Props {
  incident: string;
  actor: string;
  utc: boolean;
  onEditLast(): void;
}

/**
 * The always-ready entry box: Enter saves, Shift+Enter breaks the line, Escape leaves,
 * ArrowUp in an empty box edits your last entry, Alt+1…8 picks the kind.
 */
export function EntryComposer({ incident, actor, utc, onEditLast }: Props) {
  const composer = useEntryComposer(incident, actor);
  const [kind, setKind] = useState<EntryKind>('note');
  const box = useRef<HTMLTextAreaElement>(null);
  const errorLine = useRef<HTMLParagraphElement>(null);

  // The box is ready for typing the moment the incident opens (after its draft is read back).
  useEffect(() => {
    if (composer.ready && !document.querySelector('dialog[open]')) box.current?.focus();
  }, [composer.ready]);

  // Each refusal is brought into view with the box, even when the page has scrolled since.
  useEffect(() => {
    if (composer.errorCount > 0) errorLine.current?.scrollIntoView({ block: 'nearest' });
  }, [composer.errorCount]);

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      void composer.submit(kind).then((saved) => {
        if (saved) setKind('note');
      });
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'ArrowUp' && composer.text === '') {
      event.preventDefault();
      onEditLast();
    } else if (event.altKey && /^[1-8]$/.test(event.key)) {
      event.preventDefault();
      setKind(ENTRY_KINDS[Number(event.key) - 1]!);
    }
  }

  const started = composer.startedAt === null ? null : formatClock(new Date(composer.startedAt).toISOString(), { utc, offsetMinutes: hostOffsetMinutes, withDate: false, withSeconds: true });

  return (
    <div className="composer">
      {/* Above the box, not below it: the box sits at the bottom of the page, where a refusal
          below it would be out of sight and Enter would seem to do nothing. */}
      {composer.error && (
        <p key={composer.errorCount} id="composer-error" role="alert" className="error composer-error" ref={errorLine}>
          {composer.error}
        </p>
      )}
      <div className="composer-row">
        <label htmlFor="entry-kind" className="visually-hidden">
          Entry kind
        </label>
        <select id="entry-kind" value={kind} onChange={(e) => setKind(e.target.value as EntryKind)} aria-keyshortcuts="Alt+1 Alt+2 Alt+3 Alt+4 Alt+5 Alt+6 Alt+7 Alt+8">
          {ENTRY_KINDS.map((k, i) => (
            <option key={k} value={k}>
              {KIND_LOOK[k].symbol} {KIND_LOOK[k].label} (Alt+{i + 1})
            </option>
          ))}
        </select>
        <label htmlFor="entry-text" className="visually-hidden">
          New timeline entry
        </label>
        <textarea
          id="entry-text"
          className="entry-input"
          ref={box}
          rows={2}
          readOnly={!composer.ready}
          value={composer.text}
          onChange={(e) => composer.setText(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="What happened? Enter saves · /d decision · /a action · @14:05 earlier time · ? for all shortcuts"
          aria-describedby={composer.error ? 'composer-error composer-hint' : 'composer-hint'}
          aria-invalid={composer.error !== null}
          aria-keyshortcuts="Enter Shift+Enter Escape ArrowUp"
        />
      </div>
      <p id="composer-hint" className="hint">
        {started ? `Event time ${started}${utc ? '' : ' local'} (when you started typing) · ` : ''}Saved as you type; Enter records the entry.
      </p>
    </div>
  );
}
