import { BUILT_IN_SCENARIOS } from '../../../shared/exercises/builtins.ts';
import { parseScenario, type ParseScenarioResult } from '../../../shared/exercises/parse.ts';
import type { Scenario } from '../../../shared/exercises/scenario.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { sourceLibrary, type LibraryEntry } from '../library/sourceLibrary.ts';

export type ScenarioEntry = LibraryEntry<Scenario>;

const scenarios = sourceLibrary('settings.scenario', BUILT_IN_SCENARIOS, parseScenario, (parsed) => (parsed.ok ? parsed.scenario : null));

/** Built-in scenarios, overridden by the team's own of the same id (a source that no longer parses is left out). */
export function scenarioLibraryOf(sources: readonly { source: string }[]): ScenarioEntry[] {
  return scenarios.entries(sources.map(({ source }) => source));
}

/** Save (or replace, by id) a scenario (Markdown or JSON) for the whole team; refused with its errors if invalid. */
export function saveScenarioSource(db: WarRoomDb, source: string, actor: string): Promise<ParseScenarioResult> {
  return scenarios.save(db, source, actor);
}

export function removeScenario(db: WarRoomDb, id: string, actor: string): Promise<void> {
  return scenarios.remove(db, id, actor);
}
