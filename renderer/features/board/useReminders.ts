import { useEffect, useRef } from 'react';
import { formatCountdown, regulatoryClock } from '../../../shared/board/clocks.ts';
import { audienceClocks } from '../../../shared/board/audienceClocks.ts';
import type { CommsPlan } from '../../../shared/comms/commsPlan.ts';
import { rtoClock } from '../../../shared/board/disasterClock.ts';
import { isOpenStatus } from '../../../shared/domain/incident.ts';
import type { SeverityScheme } from '../../../shared/domain/severity.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import { hostBridge } from '../../bridge/hostBridge.ts';
import { escalationReminder, NO_ESCALATION_SOURCES } from '../escalation/escalationReminder.ts';
import type { EscalationSources } from '../escalation/useEscalation.ts';

/** A desktop notification: the host's in the app, the browser's (if allowed) in the web preview. */
async function notify(title: string, body: string): Promise<void> {
  const bridge = hostBridge();
  if (bridge) {
    await bridge.invoke('app.notify', { title, body });
  } else if ('Notification' in window && Notification.permission === 'granted') {
    new Notification(title, { body });
  }
}

/**
 * What falls due now, once per due time: a status update (per audience of the plan), an escalation step, the regulator's
 * deadline (once when 12 hours are left, once when it passes; it runs on after resolution), or a
 * declared disaster's RTO (once when 10 minutes are left, once when it passes).
 */
export function dueReminders(incidents: readonly IncidentView[], scheme: SeverityScheme, plan: CommsPlan, now: number, escalation: EscalationSources = NO_ESCALATION_SOURCES): Reminder[] {
  const due: Reminder[] = [];
  for (const incident of incidents) {
    const prefix = incident.exercise ? 'EXERCISE · ' : '';
    const regulatory = regulatoryClock({ incident, now });
    if (regulatory && (regulatory.state === 'due-soon' || regulatory.state === 'overdue')) {
      const left = regulatory.state === 'overdue' ? `${formatCountdown(regulatory.msLeft ?? 0)}` : `due in ${formatCountdown(regulatory.msLeft ?? 0)}`;
      // The deadline is in the key: correcting the detected time makes a new deadline, reminded afresh.
      due.push({ key: `${incident.id}:regulatory:${regulatory.state}:${regulatory.deadlineAt}`, title: `${prefix}Notify the regulator: ${incident.title}`, body: `Personal-data breach notice (72 h) ${left}` });
    }
    const rto = rtoClock({ incident, now });
    if (rto && (rto.state === 'due-soon' || rto.state === 'overdue')) {
      const left = rto.state === 'overdue' ? formatCountdown(rto.msLeft ?? 0) : `due in ${formatCountdown(rto.msLeft ?? 0)}`;
      due.push({ key: `${incident.id}:rto:${rto.state}:${rto.deadlineAt}`, title: `${prefix}Disaster recovery: ${incident.title}`, body: `Services back within the RTO (${rto.rtoMinutes} min): ${left}` });
    }
    if (!isOpenStatus(incident.status)) continue;
    // One reminder per audience and due time: posting to customers leaves the stakeholders' reminder standing.
    for (const update of audienceClocks({ incident, scheme, plan, now })) {
      if (update.state !== 'overdue' || update.dueAt === null) continue;
      const where = update.audience.channel === '' ? '' : ` (${update.audience.channel})`;
      due.push({
        key: `${incident.id}:update:${update.audience.id}:${update.dueAt}`,
        title: `${prefix}Status update due: ${incident.title}`,
        body: `${incident.severity} · ${update.audience.name}${where}: every ${update.cadenceMinutes} min`,
      });
    }
    // The path runs while the incident is unresolved, mitigated or not.
    const escalate = escalationReminder(incident, scheme, escalation, now);
    if (escalate) due.push({ ...escalate, title: `${prefix}${escalate.title}` });
  }
  return due;
}

export interface Reminder {
  key: string;
  title: string;
  body: string;
}

/**
 * Which reminders to fire: each once, and none that were already due when the incidents were
 * first read (opening the app after a night away must not fire a notification per incident).
 */
export class ReminderTracker {
  private seen: Set<string> | null = null;

  /** `incidents` is undefined until the first read from the database completes. */
  next(incidents: readonly IncidentView[] | undefined, scheme: SeverityScheme, plan: CommsPlan, now: number, escalation?: EscalationSources): Reminder[] {
    if (incidents === undefined) return [];
    const due = dueReminders(incidents, scheme, plan, now, escalation);
    if (this.seen === null) {
      this.seen = new Set(due.map((d) => d.key));
      return [];
    }
    const fresh = due.filter((d) => !this.seen!.has(d.key));
    for (const reminder of fresh) this.seen.add(reminder.key);
    return fresh;
  }
}

export function useReminders(incidents: readonly IncidentView[] | undefined, scheme: SeverityScheme, plan: CommsPlan, now: number, escalation?: EscalationSources): void {
  const tracker = useRef(new ReminderTracker());
  useEffect(() => {
    for (const reminder of tracker.current.next(incidents, scheme, plan, now, escalation)) void notify(reminder.title, reminder.body).catch(() => undefined);
  }, [incidents, scheme, plan, now, escalation]);
}
