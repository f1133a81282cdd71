import { useEffect, useRef } from 'react';
import { escalationClock, statusUpdateClock } from '../../../shared/board/clocks.ts';
import type { SeverityScheme } from '../../../shared/domain/severityScheme.ts';
import type { IncidentView } from '../../../shared/state/docs.ts';
import { hostBridge } from '../../bridge/hostBridge.ts';

/** A desktop notification: the host's in the app, the browser's (if allowed) in the web preview. */
async function notify(title: string, body: string): Promise<void> {
  const bridge = hostBridge();
  if (bridge) {
    await bridge.invoke('app.notify', { title, body });
  } else if ('Notification' in window && Notification.permission === 'granted') {
    new Notification(title, { body });
  }
}

/** What falls due now, once per due time: a status update or an escalation step. */
export function dueReminders(incidents: readonly IncidentView[], scheme: SeverityScheme, now: number): { key: string; title: string; body: string }[] {
  const due: { key: string; title: string; body: string }[] = [];
  for (const incident of incidents) {
    const update = statusUpdateClock({ incident, scheme, now });
    if (update.state === 'overdue' && update.dueAt !== null) {
      due.push({ key: `${incident.id}:update:${update.dueAt}`, title: `Status update due: ${incident.title}`, body: `${incident.severity} · the update cadence is every ${update.cadenceMinutes} min` });
    }
    const reached = escalationClock({ incident, scheme, now }).reached.at(-1);
    if (reached) {
      due.push({ key: `${incident.id}:escalation:${reached.afterMinutes}`, title: `Escalate: ${incident.title}`, body: `${incident.severity} · T+${reached.afterMinutes} min: ${reached.notify}` });
    }
  }
  return due;
}

/** Fires each reminder once; reminders already due when the board first opens are not replayed. */
export function useReminders(incidents: readonly IncidentView[], scheme: SeverityScheme, now: number): void {
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    const due = dueReminders(incidents, scheme, now);
    if (seen.current === null) {
      seen.current = new Set(due.map((d) => d.key));
      return;
    }
    for (const reminder of due) {
      if (seen.current.has(reminder.key)) continue;
      seen.current.add(reminder.key);
      void notify(reminder.title, reminder.body).catch(() => undefined);
    }
  }, [incidents, scheme, now]);
}
