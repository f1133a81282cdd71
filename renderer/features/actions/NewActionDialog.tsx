import { useState, type FormEvent } from 'react';
import { ActionFields } from '../../../shared/domain/postmortem.ts';
import { describeZodError } from '../../../shared/util/zodError.ts';
import { DialogActions, Field, FormError } from '../../ui/FormBits.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { attempt } from '../../ui/errors.ts';
import { createActionItem } from './actionItems.ts';
import { useActionPriorities } from './useActionPriorities.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';

/** A new action item: prefilled from a timeline `action` entry when made from one. */
export function NewActionDialog({ incident, actor, from, onClose }: { incident: string; actor: string; from?: { entry: string; text: string }; onClose(): void }) {
  const db = useDatabase();
  const [description, setDescription] = useState(from?.text ?? '');
  const [owner, setOwner] = useState('');
  const scale = useActionPriorities();
  // Until one is picked, the middle of the team's scale (Medium on the plans' High / Medium / Low).
  const [picked, setPriority] = useState<string | null>(null);
  const priority = picked ?? scale[Math.floor((scale.length - 1) / 2)]!;
  const [dueDate, setDueDate] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ActionFields.safeParse({ description, owner: owner.trim() || null, priorityName: priority, dueDate: dueDate || null, status: 'open', fromEntry: from?.entry ?? null });
    if (!parsed.success) return setError(describeZodError(parsed.error));
    const { priorityName, priority: _legacy, ...fields } = parsed.data;
    if (await attempt(() => createActionItem(db, incident, { ...fields, priority: priorityName ?? priority }, actor), setError)) onClose();
  }

  return (
    <Modal title="New action item" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="action-description">What will be done</label>
        <textarea id="action-description" value={description} onChange={(e) => setDescription(e.target.value)} rows={3} data-autofocus />
        <div className="row compact">
          <Field id="action-owner" label="Owner">
            <input id="action-owner" value={owner} onChange={(e) => setOwner(e.target.value)} />
          </Field>
          <Field id="action-priority" label="Priority">
            <select id="action-priority" value={priority} onChange={(e) => setPriority(e.target.value)}>
              {scale.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </Field>
          <Field id="action-due" label="Due">
            <input id="action-due" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          </Field>
        </div>
        <FormError message={error} />
        <DialogActions onCancel={onClose} submitLabel="Add action item" />
      </form>
    </Modal>
  );
}
