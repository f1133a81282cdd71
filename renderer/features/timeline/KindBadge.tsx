import { ENTRY_KINDS, type EntryKind } from '../../../shared/domain/entry.ts';

/** Each kind has a symbol and a label as well as a colour: never colour alone. */
export const KIND_LOOK: Record<EntryKind, { label: string; symbol: string }> = {
  note: { label: 'Note', symbol: '•' },
  event: { label: 'Event', symbol: '◉' },
  decision: { label: 'Decision', symbol: '◆' },
  action: { label: 'Action', symbol: '▶' },
  communication: { label: 'Comms', symbol: '✉' },
  finding: { label: 'Finding', symbol: '⚑' },
  evidence: { label: 'Evidence', symbol: '▣' },
  inject: { label: 'Inject', symbol: '⚡' },
};

export function KindBadge({ kind }: { kind: EntryKind }) {
  const look = KIND_LOOK[kind];
  return (
    <span className={`kind kind-${kind}`}>
      <span aria-hidden="true">{look.symbol}</span> {look.label}
    </span>
  );
}

/** The kinds as <option>s, for every kind picker. */
export function KindOptions() {
  return ENTRY_KINDS.map((k) => (
    <option key={k} value={k}>
      {KIND_LOOK[k].label}
    </option>
  ));
}
