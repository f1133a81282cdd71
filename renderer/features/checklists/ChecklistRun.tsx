import { useRef, useState, type KeyboardEvent } from 'react';
import { roleHolders, type IncidentView, type ChecklistView } from '../../../shared/entities/index.ts';
import { phaseName } from '../../../shared/domain/phaseNames.ts';
import { usePhaseNames } from '../board/usePhaseNames.ts';
import { attempt } from '../../ui/errors.ts';
import { ROLE_NAMES } from '../incidents/lifecycle.ts';
import { setItemState } from './checklistActions.ts';
import { AssignItemDialog, SkipItemDialog } from './ItemDialogs.tsx';
import { useDatabase } from '../../db/DatabaseProvider.tsx';

type Item = ChecklistView['items'][number];

const clock = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

function itemMeta(item: Item): string {
  const parts: string[] = [];
  if (item.state === 'done' && item.by && item.at) parts.push(`done by ${item.by} at ${clock(item.at)}`);
  if (item.state === 'skipped' && item.by && item.at) parts.push(`skipped by ${item.by} at ${clock(item.at)}: ${item.reason ?? ''}`);
  if (item.assignee) parts.push(`for ${item.assignee}`);
  else if (item.role) parts.push(`usually ${ROLE_NAMES[item.role]}`);
  else if (item.teamRole) parts.push(`usually ${item.teamRole.name}`);
  return parts.join(' · ');
}

/**
 * One running runbook. Keyboard: ↑/↓ move between items, Space checks or unchecks, S skips
 * (with a reason), A assigns. Items of the incident's current phase come first and open.
 */
export function ChecklistRun({ checklist, incident, actor, onError }: { checklist: ChecklistView; incident: IncidentView; actor: string; onError(message: string | null): void }) {
  const db = useDatabase();
  const list = useRef<HTMLDivElement>(null);
  const names = usePhaseNames();
  const [skipping, setSkipping] = useState<Item | null>(null);
  const [assigning, setAssigning] = useState<Item | null>(null);
  const phases = checklist.runbook.phases.map((p) => p.phase);
  const ordered = [...phases].sort((a, b) => Number(b === incident.phase) - Number(a === incident.phase));
  const people = roleHolders(incident);

  const toggle = (item: Item) => attempt(() => setItemState(db, checklist, item, item.state === 'done' ? 'open' : 'done', actor), onError);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>, item: Item) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const boxes = [...(list.current?.querySelectorAll<HTMLInputElement>('input[data-item]') ?? [])].filter((box) => box.offsetParent !== null);
    const at = boxes.indexOf(event.target as HTMLInputElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      boxes[Math.max(0, Math.min(boxes.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    } else if (event.key.toLowerCase() === 's') {
      event.preventDefault();
      setSkipping(item);
    } else if (event.key.toLowerCase() === 'a') {
      event.preventDefault();
      setAssigning(item);
    }
  }

  return (
    <section className="checklist-run" aria-label={`Runbook: ${checklist.runbook.title}`} ref={list}>
      <h3>{checklist.runbook.title}</h3>
      <p className="hint">
        Started by {checklist.startedBy} at {clock(checklist.startedAt)} · ↑/↓ move · Space check · S skip · A assign
      </p>
      {ordered.map((phase) => {
        const progress = checklist.progress.find((p) => p.phase === phase);
        const items = checklist.items.filter((item) => item.phase === phase);
        const summary = `${phaseName(phase, names)} · ${progress ? progress.done + progress.skipped : 0}/${progress?.total ?? items.length}`;
        return (
          <details key={phase} open={phase === incident.phase} className="checklist-phase">
            <summary>{phase === incident.phase ? `${summary} (current phase)` : summary}</summary>
            <ul>
              {items.map((item) => (
                <li key={item.id} className={`checklist-item state-${item.state}`}>
                  <div className="row-inline" onKeyDown={(e) => onKeyDown(e, item)}>
                    <input type="checkbox" id={`${checklist.id}-${item.id}`} data-item={item.id} checked={item.state === 'done'} onChange={() => void toggle(item)} aria-describedby={`${checklist.id}-${item.id}-meta`} />
                    <label htmlFor={`${checklist.id}-${item.id}`}>{item.text}</label>
                    {item.state === 'skipped' && <span className="tag">Skipped</span>}
                    <span className="spacer" />
                    <button type="button" className="small" onClick={() => setSkipping(item)} aria-label={`Skip: ${item.text}`} tabIndex={-1}>
                      Skip
                    </button>
                    <button type="button" className="small" onClick={() => setAssigning(item)} aria-label={`Assign: ${item.text}`} tabIndex={-1}>
                      Assign
                    </button>
                  </div>
                  <div className="sub" id={`${checklist.id}-${item.id}-meta`}>
                    {itemMeta(item)}
                    {item.note && <div>{item.note}</div>}
                  </div>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
      {skipping && <SkipItemDialog checklist={checklist} item={skipping} actor={actor} onClose={() => setSkipping(null)} />}
      {assigning && <AssignItemDialog checklist={checklist} item={assigning} actor={actor} people={people} onClose={() => setAssigning(null)} />}
    </section>
  );
}
