import type { EntryKind } from '../../../shared/domain/entry.ts';
import type { EntryView } from '../../../shared/entities/index.ts';

export interface TimelineFilter {
  kind: EntryKind | null;
  author: string | null;
  tag: string | null;
  pinnedOnly: boolean;
  query: string;
}

export const NO_FILTER: TimelineFilter = { kind: null, author: null, tag: null, pinnedOnly: false, query: '' };

// Views are replaced, never mutated, so a cached lower-case text can never go stale.
const searchText = new WeakMap<EntryView, string>();
function haystack(entry: EntryView): string {
  let text = searchText.get(entry);
  if (text === undefined) {
    text = `${entry.text}\n${entry.author}\n${entry.tags.join(' ')}`.toLowerCase();
    searchText.set(entry, text);
  }
  return text;
}

export function isFiltering(filter: TimelineFilter): boolean {
  return filter.kind !== null || filter.author !== null || filter.tag !== null || filter.pinnedOnly || filter.query.trim() !== '';
}

/** Every word of the query must appear (case-insensitive) in the text, author or tags. */
export function filterEntries(entries: readonly EntryView[], filter: TimelineFilter): readonly EntryView[] {
  if (!isFiltering(filter)) return entries;
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter(
    (entry) =>
      (filter.kind === null || entry.kind === filter.kind) &&
      (filter.author === null || entry.author === filter.author) &&
      (filter.tag === null || entry.tags.includes(filter.tag)) &&
      (!filter.pinnedOnly || entry.pinned) &&
      words.every((word) => haystack(entry).includes(word)),
  );
}
