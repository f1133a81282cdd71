import { audienceClocks } from '../../../shared/board/audienceClocks.ts';
import type { SeverityScheme } from '../../../shared/domain/severity.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { useNow } from '../../ui/useNow.ts';
import { AudienceUpdates } from '../board/AudienceUpdates.tsx';
import { useCommsPlan } from './useCommsPlan.ts';

/** The incident page's cadence area: the next update owed to each audience of the plan, with where it goes. */
export function AudienceClocksPanel({ incident, scheme }: { incident: IncidentView; scheme: SeverityScheme }) {
  const plan = useCommsPlan();
  const now = useNow(1000);
  const clocks = audienceClocks({ incident, scheme, plan, now });
  if (clocks.length < 2) return null;
  return (
    <section className="audience-panel" aria-labelledby="audience-panel-title">
      <h3 id="audience-panel-title">Updates by audience</h3>
      <AudienceUpdates clocks={clocks} withChannels />
    </section>
  );
}
