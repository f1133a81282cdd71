import { INCIDENT_STATUSES, PHASES, type Phase } from '../../../shared/domain/incident.ts';
import { phaseName } from '../../../shared/domain/phaseNames.ts';
import { otherRunbooks, runbooksFor } from '../../../shared/runbooks/match.ts';
import type { ChecklistView, IncidentView } from '../../../shared/entities/index.ts';
import { useUi } from '../../app/store.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { listEntries } from '../../db/queries.ts';
import { capitalize } from '../../ui/format.ts';
import { usePhaseNames } from '../board/usePhaseNames.ts';
import { useSeverityScheme } from '../board/useSeverityScheme.ts';
import { openItemsIn, startRunbook } from '../checklists/checklistActions.ts';
import { useRunbookLibrary } from '../checklists/useRunbookLibrary.ts';
import { saveIncidentTimeline } from '../timeline/saveTimeline.ts';
import { acknowledge, changePhase, changeSeverity, changeStatus } from '../incidents/lifecycle.ts';
import type { Command } from './commandRegistry.ts';
import { useCommands } from './useCommands.ts';

interface Options {
  /** Loading: undefined; not on this laptop: null. Either way no incident command is offered. */
  incident: IncidentView | null | undefined;
  checklists: readonly ChecklistView[];
  actor: string;
  /** Opens the page's status update dialog. */
  postUpdate(): void;
  /** Opens the page's "leave items open?" confirmation before a phase change. */
  askPhase(to: Phase): void;
}

/** Focus a control of the page by id: the palette gets the user to the control, the control does the rest. */
function focusControl(id: string, what: string): void {
  const control = document.getElementById(id);
  if (!control) throw new Error(`${what} is not on the screen`);
  control.focus();
}

/**
 * The incident page's commands, registered while the page is mounted. They call the same
 * functions as the page's controls, so a change made from the palette is logged the same way.
 */
export function useIncidentCommands({ incident, checklists, actor, postUpdate, askPhase }: Options): void {
  const db = useDatabase();
  const navigate = useUi((s) => s.navigate);
  const library = useRunbookLibrary();
  const phaseNames = usePhaseNames();
  const scheme = useSeverityScheme();
  const commands: Command[] = [];
  if (incident) {
    const group = 'Incident';
    const running = new Set(checklists.map((c) => c.runbook.id));
    const notRunning = [...runbooksFor(incident, library), ...otherRunbooks(incident, library)].filter((r) => !running.has(r.id));
    const exportAs = async (format: 'csv' | 'markdown') => saveIncidentTimeline(incident, await listEntries(db, incident.id), format);
    commands.push(
      { id: 'incident-entry', title: 'Focus the entry box', group, shortcut: 'I or N', run: () => focusControl('entry-text', 'The entry box') },
      { id: 'incident-update', title: 'Post status update', group, run: postUpdate },
      ...(incident.acknowledgedAt ? [] : [{ id: 'incident-ack', title: 'Acknowledge', group, run: () => acknowledge(db, incident, actor) }]),
      ...INCIDENT_STATUSES.filter((s) => s !== incident.status).map((status) => ({
        id: `incident-status-${status}`,
        title: `Change status to ${capitalize(status)}`,
        group,
        run: () => changeStatus(db, incident, status, actor),
      })),
      ...PHASES.filter((p) => p !== incident.phase).map((phase) => ({
        id: `incident-phase-${phase}`,
        title: `Change phase to ${phaseName(phase, phaseNames)}`,
        group,
        // Items still open in the phase being left: the page asks first, as its phase picker does.
        run: () => (openItemsIn(checklists, incident.phase).length > 0 ? askPhase(phase) : changePhase(db, incident, phase, actor, { names: phaseNames })),
      })),
      ...scheme.levels
        .filter((level) => level.id !== incident.severity)
        .map((level) => ({
          id: `incident-severity-${level.id}`,
          title: `Change severity to ${level.id} · ${level.name}`,
          group,
          run: () => changeSeverity(db, incident, level.id, actor),
        })),
      ...notRunning.map((runbook) => ({
        id: `incident-runbook-${runbook.id}`,
        title: `Start runbook: ${runbook.title}`,
        group,
        run: async () => {
          await startRunbook(db, incident.id, runbook, actor);
        },
      })),
      { id: 'incident-jump', title: 'Jump to time', group, shortcut: 'Ctrl+J', run: () => focusControl('timeline-jump', 'The jump to time box') },
      { id: 'incident-search', title: 'Search the timeline', group, shortcut: 'Ctrl+F or /', run: () => focusControl('timeline-search', 'The timeline search') },
      { id: 'incident-export-csv', title: 'Export timeline as CSV', group, run: () => exportAs('csv') },
      { id: 'incident-export-md', title: 'Export timeline as Markdown', group, run: () => exportAs('markdown') },
      { id: 'incident-postmortem', title: 'Open post-mortem', group, run: () => navigate({ name: 'postmortem', id: incident.id }) },
    );
  }
  useCommands(commands);
}
