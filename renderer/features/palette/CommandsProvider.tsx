import { useState, type ReactNode } from 'react';
import { createCommandRegistry } from './commandRegistry.ts';
import { CommandsContext } from './useCommands.ts';

/** One command registry for the app below it. */
export function CommandsProvider({ children }: { children: ReactNode }) {
  const [registry] = useState(createCommandRegistry);
  return <CommandsContext.Provider value={registry}>{children}</CommandsContext.Provider>;
}
