import { useState, type FormEvent } from 'react';
import { ActionPriorityScale } from '../../../shared/domain/actionItems.ts';
import { describeZodError } from '../../../shared/util/zodError.ts';
import { commit } from '../../db/commit.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { attempt } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormBits.tsx';
import { useActionPriorities } from './useActionPriorities.ts';

/**
 * The team's priority scale for action items, synced: the plans' High, Medium, Low unless the team
 * grades its own way (e.g. P1, P2, P3, P4). Items keep the name they were given; one whose name
 * is not on the new scale shows as written, and sorts last.
 */
export function PriorityScaleSetting({ actor }: { actor: string }) {
  const db = useDatabase();
  const scale = useActionPriorities();
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const shown = typed ?? scale.join(', ');

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const parsed = ActionPriorityScale.safeParse(shown.split(',').map((name) => name.trim()));
    if (!parsed.success) return setError(`Priorities: ${describeZodError(parsed.error)}`);
    if (await attempt(() => commit(db, { actor, incident: null, kind: 'settings.action-priorities', data: { names: parsed.data } }), setError, 'Not saved')) {
      setTyped(null);
      setSaved(`Priorities: ${parsed.data.join(', ')}`);
    }
  }

  return (
    <details className="priority-scale">
      <summary>Priority scale (shared with the team)</summary>
      <form onSubmit={(e) => void save(e)}>
        <label htmlFor="action-priorities">Priorities, most urgent first, separated by commas</label>
        <input id="action-priorities" value={shown} onChange={(e) => setTyped(e.target.value)} maxLength={400} />
        <FormError message={error} />
        {saved && <p role="status">{saved}</p>}
        <button type="submit">Save priorities</button>
      </form>
    </details>
  );
}
