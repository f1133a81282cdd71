import { useState } from 'react';
import { otherRunbooks, runbooksFor } from '../../../shared/runbooks/match.ts';
import type { Runbook } from '../../../shared/runbooks/runbook.ts';
import type { ChecklistView, IncidentView } from '../../../shared/entities/index.ts';
import { errorMessage } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormBits.tsx';
import { startRunbook } from './checklistActions.ts';
import { ChecklistRun } from './ChecklistRun.tsx';
import { RunbookPicker } from './RunbookPicker.tsx';
import { useRunbookLibrary } from './useRunbookLibrary.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { useChecklistsOf } from '../../db/hooks.ts';

/** "Containment 2/5" over every run, for the incident's current phase. */
export function phaseProgress(checklists: readonly ChecklistView[], phase: string): { done: number; total: number } | null {
  let done = 0;
  let total = 0;
  for (const checklist of checklists) {
    for (const p of checklist.progress) {
      if (p.phase !== phase) continue;
      done += p.done + p.skipped;
      total += p.total;
    }
  }
  return total ? { done, total } : null;
}

/** Runbooks offered for this incident (matching its type and severity) that are not running yet, then every other one. */
function Offered({ incident, running, actor, onError }: { incident: IncidentView; running: readonly ChecklistView[]; actor: string; onError(message: string | null): void }) {
  const db = useDatabase();
  const library = useRunbookLibrary();
  const started = new Set(running.map((c) => c.runbook.id));
  const offered = runbooksFor(incident, library).filter((r) => !started.has(r.id));
  const others = otherRunbooks(incident, library).filter((r) => !started.has(r.id));
  async function start(runbook: Runbook) {
    try {
      await startRunbook(db, incident.id, runbook, actor);
      onError(null);
    } catch (failure) {
      onError(`Not started: ${errorMessage(failure)}`);
    }
  }
  return (
    <RunbookPicker
      offered={offered}
      others={others}
      offeredLabel={running.length ? 'Also for this incident' : `For a ${incident.severity} ${incident.type} incident`}
      onStart={(runbook) => void start(runbook)}
    />
  );
}

/** Every runbook running on the incident, and the ones offered for it. */
export function ChecklistPanel({ incident, actor }: { incident: IncidentView; actor: string }) {
  const checklists = useChecklistsOf(incident.id);
  const [error, setError] = useState<string | null>(null);
  if (!checklists) return null;
  return (
    <div className="checklists">
      <Offered incident={incident} running={checklists} actor={actor} onError={setError} />
      <FormError message={error} />
      {checklists.map((checklist) => (
        <ChecklistRun key={checklist.id} checklist={checklist} incident={incident} actor={actor} onError={setError} />
      ))}
    </div>
  );
}
