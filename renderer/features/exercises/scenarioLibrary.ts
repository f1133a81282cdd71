import { BUILT_IN_SCENARIOS } from '../../../shared/exercises/builtins.ts';
import { parseScenario, type ParseScenarioResult } from '../../../shared/exercises/parse.ts';
import type { Scenario } from '../../../shared/exercises/scenario.ts';
import { overlayLibrary } from '../../../shared/util/overlayLibrary.ts';
import { commit } from '../../db/commit.ts';
import type { WarRoomDb } from '../../db/database.ts';

export interface ScenarioEntry {
  scenario: Scenario;
  builtIn: boolean;
  /** The team's own Markdown or JSON, as written or imported. */
  source?: string;
}

/**
 * Built-in scenarios, overridden by the team's own of the same id. A saved source always parses
 * (it was validated when saved); one that no longer does is left out rather than crash the view.
 */
export function scenarioLibraryOf(sources: readonly { source: string }[]): ScenarioEntry[] {
  const team = sources.flatMap(({ source }): ScenarioEntry[] => {
    const parsed = parseScenario(source);
    return parsed.ok ? [{ scenario: parsed.scenario, builtIn: false, source }] : [];
  });
  return overlayLibrary<ScenarioEntry>(BUILT_IN_SCENARIOS.map((scenario) => ({ scenario, builtIn: true })), team, (entry) => entry.scenario.id);
}

/** Save (or replace, by id) a scenario for the whole team; refused with its errors if invalid. */
export async function saveScenarioSource(db: WarRoomDb, source: string, actor: string): Promise<ParseScenarioResult> {
  const parsed = parseScenario(source);
  if (!parsed.ok) return parsed;
  await commit(db, { actor, incident: null, kind: 'settings.scenario', data: { id: parsed.scenario.id, source } });
  return parsed;
}

export async function removeScenario(db: WarRoomDb, id: string, actor: string): Promise<void> {
  await commit(db, { actor, incident: null, kind: 'settings.scenario', data: { id, source: null } });
}
