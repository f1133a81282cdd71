import type { EntryKind } from '../domain/entry.ts';
import type { OpIntent } from '../entities/index.ts';

export interface TimelineLine {
  incident: string;
  actor: string;
  /** A fresh entry id: ids are made where randomness is at hand, never in shared code. */
  entry: string;
  text: string;
  kind: EntryKind;
  /** ms since the epoch. */
  at: number;
  tags?: string[];
}

/** The timeline line that goes with a change, committed with it so the record is never missing. */
export function timelineLine({ incident, actor, entry, text, kind, at, tags = [] }: TimelineLine): OpIntent<'entry.add'> {
  return {
    actor,
    incident,
    kind: 'entry.add',
    data: { entry, fields: { text, kind, eventAt: new Date(at).toISOString(), pinned: false, tags } },
  };
}
