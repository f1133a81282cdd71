import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS } from '../../../../../shared/exercises/builtins.ts';
import { serializeScenario } from '../../../../../shared/exercises/parse.ts';
import { scenarioLibraryOf } from '../../../../../renderer/features/exercises/scenarioLibrary.ts';

describe('scenarioLibraryOf', () => {
  const pool = BUILT_IN_SCENARIOS.find((s) => s.id === 'db-connection-pool-exhausted')!;
  const edited = serializeScenario({ ...pool, title: 'Pool exhausted (our version)' });
  const own = serializeScenario({ ...pool, id: 'vendor-outage', title: 'Vendor outage' });

  it('the team’s scenario replaces the built-in of its id, in place of nothing else; new ones follow', () => {
    const library = scenarioLibraryOf([{ source: edited }, { source: own }, { source: 'not a scenario' }]);
    expect(library).toHaveLength(BUILT_IN_SCENARIOS.length + 1);
    expect(library.filter((e) => e.item.id === pool.id)).toEqual([{ item: { ...pool, title: 'Pool exhausted (our version)' }, builtIn: false, source: edited }]);
    expect(library.at(-1)).toMatchObject({ item: { id: 'vendor-outage' }, builtIn: false });
    expect(library.filter((e) => e.builtIn)).toHaveLength(BUILT_IN_SCENARIOS.length - 1);
  });
});
