/** One thing the palette can do: a screen's action or a way to another screen. */
export interface Command {
  /** Unique among the commands listed at one time (a later duplicate is dropped). */
  id: string;
  title: string;
  /** Shown beside the title and matched too: "Incident", "Go to", "App". */
  group: string;
  /** The key that does the same without the palette, as the user types it ("Ctrl+J"). */
  shortcut?: string;
  /** A returned message is told to the user (an export's "Downloaded …"); a throw is shown as the failure. */
  run(): void | string | Promise<void | string>;
}

/** The current screen's commands come before the app-wide ones. */
export type CommandScope = 'screen' | 'global';

export interface CommandRegistry {
  /**
   * Register a source of commands while a component is mounted; returns the unregister call.
   * A source is a function, read when the palette lists, so a screen re-rendering never has to
   * re-register (and the palette always sees its latest state).
   */
  add(source: () => readonly Command[], scope: CommandScope): () => void;
  /** Every registered command: screens' first, then the global ones, each in registration order. */
  list(): Command[];
}

/** A registry per app (created by its provider), never a module-wide one: two apps or tests never share it. */
export function createCommandRegistry(): CommandRegistry {
  const sources = new Map<symbol, { source: () => readonly Command[]; scope: CommandScope }>();
  return {
    add(source, scope) {
      const key = Symbol('commands');
      sources.set(key, { source, scope });
      return () => {
        sources.delete(key);
      };
    },
    list() {
      const seen = new Set<string>();
      const listed: Command[] = [];
      for (const scope of ['screen', 'global'] as const) {
        for (const entry of sources.values()) {
          if (entry.scope !== scope) continue;
          for (const command of entry.source()) {
            if (seen.has(command.id)) continue;
            seen.add(command.id);
            listed.push(command);
          }
        }
      }
      return listed;
    },
  };
}
