import { incidentStart } from '../../../shared/domain/incident.ts';
import { incidentLabel } from '../../../shared/domain/incidentRef.ts';
import { levelOf } from '../../../shared/domain/severity.ts';
import { phaseName } from '../../../shared/domain/phaseNames.ts';
import { spansMultipleDays } from '../../../shared/timeline/timeFormat.ts';
import { hostOffsetMinutes, utcOffset } from '../../../shared/timeline/localTime.ts';
import { routeHash, useUi } from '../../app/store.ts';
import { useIncident } from '../../db/hooks.ts';
import { capitalize, formatElapsed } from '../../ui/format.ts';
import { SeverityBadge } from '../../ui/SeverityBadge.tsx';
import { useNow } from '../../ui/useNow.ts';
import { usePhaseNames } from '../board/usePhaseNames.ts';
import { useSeverityScheme } from '../board/useSeverityScheme.ts';
import { TimelineList } from '../timeline/TimelineList.tsx';
import { useTimeline } from '../timeline/timelineModel.ts';

/** One incident's timeline for the room to read: its state in one line, the entries as they come. */
export function DisplayIncident({ id }: { id: string }) {
  const incident = useIncident(id);
  const { entries, loaded, total } = useTimeline(id);
  const scheme = useSeverityScheme();
  const names = usePhaseNames();
  const utc = useUi((s) => s.utc);
  const now = useNow();
  if (incident === undefined) return <p aria-busy="true">Loading…</p>;
  if (incident === null) {
    return (
      <section>
        <h1>Incident not found</h1>
        <a href={routeHash({ name: 'incidents' })}>Back to the board</a>
      </section>
    );
  }
  const startMs = Date.parse(incidentStart(incident));
  const zone = utc ? utcOffset : hostOffsetMinutes;
  const withDate = entries.length > 0 && spansMultipleDays([incident.declaredAt, entries[0]!.eventAt, entries[entries.length - 1]!.eventAt], zone);
  return (
    <section className="display-incident" aria-labelledby="display-title">
      <div className="display-head">
        <SeverityBadge severity={incident.severity} name={levelOf(incident.severity, scheme)?.name} />
        <h1 id="display-title">{incident.title}</h1>
        <span className="incident-ref">{incidentLabel(incident)}</span>
        <span>{`${capitalize(incident.status)} · ${phaseName(incident.phase, names)} · ${formatElapsed(incidentStart(incident), now)}`}</span>
        <span className="count">{`${total} ${total === 1 ? 'entry' : 'entries'}`}</span>
        <a href={routeHash({ name: 'incidents' })}>Board</a>
      </div>
      {loaded ? <TimelineList entries={entries} startMs={startMs} utc={utc} withDate={withDate} /> : <p aria-busy="true">Loading timeline…</p>}
    </section>
  );
}
