import { approverCandidates } from '../../../shared/contacts/lookup.ts';
import { useContacts } from '../contacts/useContacts.ts';

/** The directory's people as suggestions for the disaster approver, those who can act as CTO first. */
export function DisasterApprovers() {
  const contacts = useContacts() ?? [];
  return (
    <datalist id="disaster-approvers">
      {approverCandidates(contacts).map((c) => (
        <option key={c.id} value={c.name}>
          {c.roles.join(', ')}
        </option>
      ))}
    </datalist>
  );
}
