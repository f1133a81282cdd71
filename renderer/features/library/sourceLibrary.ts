import { overlayLibrary } from '../../../shared/util/overlayLibrary.ts';
import { commit } from '../../db/commit.ts';
import type { WarRoomDb } from '../../db/database.ts';

/** One item of a library written as a source file (a runbook, a scenario): built in, or the team's own. */
export interface LibraryEntry<T> {
  item: T;
  builtIn: boolean;
  /** The team's own source (Markdown, or JSON for a scenario), as written or imported. */
  source?: string;
}

/** The team setting a library's sources are synced in, keyed by the item's id. */
type SourceSettingKind = 'settings.runbook' | 'settings.scenario';

export interface SourceLibrary<T, R> {
  /**
   * Built-ins, overridden by the team's own of the same id. A saved source always parses (it was
   * validated when saved); one that no longer does is left out rather than crash the view.
   */
  entries(sources: readonly string[]): LibraryEntry<T>[];
  /** Save (or replace, by id) a source for the whole team; refused with its errors if invalid. */
  save(db: WarRoomDb, source: string, actor: string): Promise<R>;
  remove(db: WarRoomDb, id: string, actor: string): Promise<void>;
}

/**
 * How many parsed sources a library remembers: more than a team keeps, so a re-render parses
 * nothing, and bounded, so edits over a long session do not pile up. The cache holds only what
 * a pure function of the text gives back (no app state): a synced runbook is parsed once per
 * change, not on every render of every incident page.
 */
const PARSED_SOURCES = 256;

/** A library of items written as sources: what runbooks and exercise scenarios have in common. */
export function sourceLibrary<T extends { id: string }, R>(kind: SourceSettingKind, builtIns: readonly T[], parse: (source: string) => R, itemOf: (result: R) => T | null): SourceLibrary<T, R> {
  const parsed = new Map<string, T | null>();
  const itemOfSource = (source: string): T | null => {
    if (parsed.has(source)) return parsed.get(source) ?? null;
    const item = itemOf(parse(source));
    // A Map iterates in insertion order: the first key is the oldest.
    if (parsed.size >= PARSED_SOURCES) parsed.delete(parsed.keys().next().value as string);
    parsed.set(source, item);
    return item;
  };
  return {
    entries(sources) {
      const team = sources.flatMap((source): LibraryEntry<T>[] => {
        const item = itemOfSource(source);
        return item ? [{ item, builtIn: false, source }] : [];
      });
      return overlayLibrary<LibraryEntry<T>>(builtIns.map((item) => ({ item, builtIn: true })), team, (entry) => entry.item.id);
    },
    async save(db, source, actor) {
      const result = parse(source);
      const item = itemOf(result);
      if (item) await commit(db, { actor, incident: null, kind, data: { id: item.id, source } });
      return result;
    },
    async remove(db, id, actor) {
      await commit(db, { actor, incident: null, kind, data: { id, source: null } });
    },
  };
}
