import { createContext, useContext, useEffect, useRef } from 'react';
import type { Command, CommandRegistry, CommandScope } from './commandRegistry.ts';

/** The app's command registry, provided by CommandsProvider. */
export const CommandsContext = createContext<CommandRegistry | null>(null);

export function useCommandRegistry(): CommandRegistry {
  const registry = useContext(CommandsContext);
  if (!registry) throw new Error('useCommands needs a CommandsProvider above it');
  return registry;
}

/**
 * Offer `commands` in the palette while the calling component is mounted. They may change every
 * render (a status command per status but the current one): the palette reads the latest.
 */
export function useCommands(commands: readonly Command[], scope: CommandScope = 'screen'): void {
  const registry = useCommandRegistry();
  const latest = useRef(commands);
  useEffect(() => {
    latest.current = commands;
  });
  useEffect(() => registry.add(() => latest.current, scope), [registry, scope]);
}
