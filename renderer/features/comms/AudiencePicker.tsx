import { audienceDueText, type AudienceClock } from '../../../shared/board/audienceClocks.ts';
import type { PlanAudience } from '../../../shared/comms/commsPlan.ts';

/** Who the update is for (each audience with its clock), and where it will be sent. */
export function AudiencePicker({ clocks, audience, onChange }: { clocks: readonly AudienceClock[]; audience: PlanAudience; onChange(id: string): void }) {
  return (
    <>
      <label htmlFor="update-audience">Audience</label>
      <select id="update-audience" value={audience.id} onChange={(e) => onChange(e.target.value)}>
        {clocks.map((clock) => (
          <option key={clock.audience.id} value={clock.audience.id}>
            {`${clock.audience.name}${clock.audience.customerFacing ? ' (public)' : ''} · ${audienceDueText(clock)}`}
          </option>
        ))}
      </select>
      <p className="send-to" aria-live="polite">
        <strong>Send to:</strong> {audience.channel === '' ? 'no channel named in the communications plan' : audience.channel}
        {audience.customerFacing && ' (customer-facing)'}
      </p>
    </>
  );
}
