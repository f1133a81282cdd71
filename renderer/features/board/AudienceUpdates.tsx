import type { AudienceClock } from '../../../shared/board/audienceClocks.ts';
import { formatCountdown } from '../../../shared/board/clocks.ts';

type Level = 'ok' | 'soon' | 'late' | 'quiet';

/** One clock in the board's words: "Due in 12 min", "⚠ Update 3 min overdue" (an icon and a word, not just red). */
function due(clock: AudienceClock): { level: Level; text: string } {
  const left = formatCountdown(clock.msLeft ?? 0);
  switch (clock.state) {
    case 'closed':
      return { level: 'quiet', text: '—' };
    case 'never':
      return { level: 'quiet', text: 'No fixed cadence' };
    case 'snoozed':
      return { level: 'quiet', text: `Snoozed · due in ${left}` };
    case 'overdue':
      return { level: 'late', text: `⚠ Update ${left}` };
    default:
      return { level: clock.state === 'due-soon' ? 'soon' : 'ok', text: `${clock.state === 'due-soon' ? '◷ ' : ''}Due in ${left}` };
  }
}

/**
 * The next update owed to each audience of the communications plan, one line each, named;
 * a level with one audience (no plan entry) reads as the single clock it always was.
 */
export function AudienceUpdates({ clocks, withChannels = false }: { clocks: readonly AudienceClock[]; withChannels?: boolean }) {
  const [only] = clocks;
  if (clocks.length === 1 || clocks.every((clock) => clock.state === 'closed')) {
    const { level, text } = due(only!);
    return <span className={`flag flag-${level}`}>{text}</span>;
  }
  return (
    <ul className="audience-clocks" aria-label="Next update per audience">
      {clocks.map((clock) => {
        const { level, text } = due(clock);
        return (
          <li key={clock.audience.id}>
            <span className="audience-name">{`${clock.audience.name}: `}</span>
            <span className={`flag flag-${level}`}>{text}</span>
            {withChannels && clock.audience.channel !== '' && <span className="sub">{` · ${clock.audience.channel}`}</span>}
          </li>
        );
      })}
    </ul>
  );
}
