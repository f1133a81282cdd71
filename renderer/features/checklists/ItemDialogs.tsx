import { useState, type FormEvent } from 'react';
import { ROLES } from '../../../shared/domain/incident.ts';
import type { ChecklistView } from '../../../shared/entities/index.ts';
import { DialogActions, FormError } from '../../ui/FormBits.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { attempt } from '../../ui/errors.ts';
import { ROLE_NAMES } from '../incidents/lifecycle.ts';
import { assignItem, setItemState } from './checklistActions.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';

type Item = ChecklistView['items'][number];

/** Skipping is a decision: it needs a reason, which goes into the timeline with it. */
export function SkipItemDialog({ checklist, item, actor, onClose }: { checklist: ChecklistView; item: Item; actor: string; onClose(): void }) {
  const db = useDatabase();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') return setError('Say why it is skipped: the reason goes into the timeline.');
    if (await attempt(() => setItemState(db, checklist, item, 'skipped', actor, reason.trim()), setError)) onClose();
  }
  return (
    <Modal title="Skip checklist item" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <p>{item.text}</p>
        <label htmlFor="skip-reason">Reason</label>
        <textarea id="skip-reason" value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus maxLength={500} rows={3} />
        <FormError message={error} />
        <DialogActions onCancel={onClose} submitLabel="Skip item" />
      </form>
    </Modal>
  );
}

/** Give an item to a person or a role; empty takes it back. */
export function AssignItemDialog({ checklist, item, actor, people, onClose }: { checklist: ChecklistView; item: Item; actor: string; people: readonly string[]; onClose(): void }) {
  const db = useDatabase();
  const [assignee, setAssignee] = useState(item.assignee ?? (item.role ? ROLE_NAMES[item.role] : (item.teamRole?.name ?? '')));
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (assignee.trim().length > 100) return setError('A name of at most 100 characters.');
    if (await attempt(() => assignItem(db, checklist, item, assignee, actor), setError)) onClose();
  }
  return (
    <Modal title="Assign checklist item" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <p>{item.text}</p>
        <label htmlFor="assign-to">Person or role (empty: nobody)</label>
        <input id="assign-to" list="assign-suggestions" value={assignee} onChange={(e) => setAssignee(e.target.value)} data-autofocus />
        <datalist id="assign-suggestions">
          {[...people, ...ROLES.map((r) => ROLE_NAMES[r])].map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <FormError message={error} />
        <DialogActions onCancel={onClose} submitLabel="Assign" />
      </form>
    </Modal>
  );
}
