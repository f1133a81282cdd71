import type { EntryKind } from '../../../shared/domain/entry.ts';
import type { TimelineFilter } from './filterEntries.ts';
import { KindOptions } from './KindBadge.tsx';
import { Field, Options } from '../../ui/FormBits.tsx';

interface Props {
  filter: TimelineFilter;
  onFilter(filter: TimelineFilter): void;
  authors: readonly string[];
  tags: readonly string[];
  onJump(time: string): void;
  jumpError: string | null;
}

/** Filters (kind, author, tag, pinned), full-text search and jump-to-time. */
export function TimelineToolbar({ filter, onFilter, authors, tags, onJump, jumpError }: Props) {
  const set = (patch: Partial<TimelineFilter>) => onFilter({ ...filter, ...patch });
  return (
    <div className="timeline-toolbar" role="search">
      <Field id="timeline-search" label="Search timeline" grow>
        <input id="timeline-search" type="search" value={filter.query} onChange={(e) => set({ query: e.target.value })} placeholder="words, author or tag" aria-keyshortcuts="Control+F /" />
      </Field>
      <Field id="filter-kind" label="Kind">
        <select id="filter-kind" value={filter.kind ?? ''} onChange={(e) => set({ kind: (e.target.value || null) as EntryKind | null })}>
          <option value="">All kinds</option>
          <KindOptions />
        </select>
      </Field>
      <Field id="filter-author" label="Author">
        <select id="filter-author" value={filter.author ?? ''} onChange={(e) => set({ author: e.target.value || null })}>
          <option value="">Everyone</option>
          <Options values={authors} name={(a) => a} />
        </select>
      </Field>
      <Field id="filter-tag" label="Tag">
        <select id="filter-tag" value={filter.tag ?? ''} onChange={(e) => set({ tag: e.target.value || null })}>
          <option value="">Any tag</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              #{t}
            </option>
          ))}
        </select>
      </Field>
      <label className="check">
        <input type="checkbox" checked={filter.pinnedOnly} onChange={(e) => set({ pinnedOnly: e.target.checked })} /> Pinned only
      </label>
      <form
        className="field"
        onSubmit={(e) => {
          e.preventDefault();
          onJump(new FormData(e.currentTarget).get('jump')?.toString() ?? '');
        }}
      >
        <label htmlFor="timeline-jump">Jump to time</label>
        <input id="timeline-jump" name="jump" placeholder="HH:MM" size={8} aria-keyshortcuts="Control+J" aria-invalid={jumpError !== null} aria-describedby={jumpError ? 'jump-error' : undefined} />
        {jumpError && (
          <span id="jump-error" role="alert" className="error">
            {jumpError}
          </span>
        )}
      </form>
    </div>
  );
}
