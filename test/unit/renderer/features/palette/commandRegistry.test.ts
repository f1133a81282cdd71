import { describe, expect, it } from 'vitest';
import { createCommandRegistry, type Command } from '../../../../../renderer/features/palette/commandRegistry.ts';

const command = (id: string, group = 'App'): Command => ({ id, title: id, group, run: () => undefined });

describe('the command registry', () => {
  it('lists the screen commands before the global ones, whatever order they registered in', () => {
    const registry = createCommandRegistry();
    registry.add(() => [command('declare'), command('go-metrics')], 'global');
    registry.add(() => [command('incident-status-resolved', 'Incident')], 'screen');
    expect(registry.list().map((c) => c.id)).toEqual(['incident-status-resolved', 'declare', 'go-metrics']);
  });

  it('drops a source when it unregisters (the screen unmounted)', () => {
    const registry = createCommandRegistry();
    registry.add(() => [command('declare')], 'global');
    const remove = registry.add(() => [command('incident-jump')], 'screen');
    remove();
    expect(registry.list().map((c) => c.id)).toEqual(['declare']);
    // Unregistering twice (StrictMode's double cleanup) is harmless.
    remove();
    expect(registry.list().map((c) => c.id)).toEqual(['declare']);
  });

  it('reads each source when listing, so it sees the latest commands without registering again', () => {
    const registry = createCommandRegistry();
    let current = [command('incident-status-identified')];
    registry.add(() => current, 'screen');
    expect(registry.list().map((c) => c.id)).toEqual(['incident-status-identified']);
    current = [command('incident-status-resolved')];
    expect(registry.list().map((c) => c.id)).toEqual(['incident-status-resolved']);
  });

  it('keeps the first command of an id: the screen one over a global duplicate', () => {
    const registry = createCommandRegistry();
    registry.add(() => [{ ...command('same'), title: 'global' }], 'global');
    registry.add(() => [{ ...command('same'), title: 'screen' }], 'screen');
    expect(registry.list().map((c) => c.title)).toEqual(['screen']);
  });

  it('gives every app its own registry', () => {
    const one = createCommandRegistry();
    const two = createCommandRegistry();
    one.add(() => [command('declare')], 'global');
    expect(two.list()).toEqual([]);
  });
});
