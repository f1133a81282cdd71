import { formatCountdown, postmortemDue } from '../../../shared/board/clocks.ts';
import { levelTargets } from '../../../shared/domain/severity.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { attempt } from '../../ui/errors.ts';
import { formatLocalDateTime } from '../../ui/format.ts';
import { useNow } from '../../ui/useNow.ts';
import { useSeverityScheme } from '../board/useSeverityScheme.ts';
import { setPostmortemComplete } from './postmortemDeadline.ts';

/** When the post-mortem is due (the level's deadline after resolution), and the switch that marks it complete. */
export function PostmortemDeadline({ incident, actor, onError }: { incident: IncidentView; actor: string; onError(message: string | null): void }) {
  const db = useDatabase();
  const scheme = useSeverityScheme();
  const now = useNow(60_000);
  if (incident.exercise) return null;
  const due = postmortemDue({ incident, scheme, now });
  const hours = levelTargets(incident.severity, scheme).postmortemDueHours;
  const complete = incident.postmortemCompletedAt !== null;
  const text = complete
    ? `Post-mortem complete (marked ${formatLocalDateTime(incident.postmortemCompletedAt!)})`
    : due
      ? `Post-mortem due by ${formatLocalDateTime(new Date(due.dueAt).toISOString())} (${due.state === 'overdue' ? formatCountdown(due.msLeft ?? 0) : `${formatCountdown(due.msLeft ?? 0)} left`})`
      : hours === null
        ? `No post-mortem deadline for ${incident.severity}`
        : `Post-mortem due ${hours} h after resolution`;
  return (
    <p className="row compact pm-deadline">
      <span className={due?.state === 'overdue' ? 'flag flag-late' : 'flag'}>{text}</span>
      <button type="button" onClick={() => void attempt(() => setPostmortemComplete(db, incident, !complete, actor), onError)}>
        {complete ? 'Reopen post-mortem' : 'Mark post-mortem complete'}
      </button>
    </p>
  );
}
