import { useState } from 'react';
import { onCallAt } from '../../../shared/contacts/roster.ts';
import { useNow } from '../../ui/useNow.ts';
import type { FirstResponder } from '../incidents/declare.ts';
import { ROLE_NAMES } from '../incidents/lifecycle.ts';
import { useRoster } from './useContacts.ts';

const ROLE_CHOICES = ['incident-commander', 'technical-lead'] as const;

/**
 * The declare dialog's proposal: whoever the roster has on call now, as first responder (Plan A
 * §2.1), in the role the person declaring picks. Only a proposal: nothing is assigned unless ticked.
 */
export function OnCallProposal({ value, onChange }: { value: FirstResponder | null; onChange(next: FirstResponder | null): void }) {
  const roster = useRoster();
  const now = useNow(60_000);
  const [role, setRole] = useState<(typeof ROLE_CHOICES)[number]>('incident-commander');
  const onCall = onCallAt(roster, now);
  if (!onCall) return null;
  const person = onCall.primary;
  return (
    <fieldset className="on-call-proposal">
      <legend>{`On call now: ${person}${onCall.secondary ? ` (secondary ${onCall.secondary})` : ''}`}</legend>
      <label className="check">
        <input type="checkbox" checked={value !== null} onChange={(e) => onChange(e.target.checked ? { role, person } : null)} />
        {` Assign ${person} as first responder`}
      </label>
      <label htmlFor="declare-responder-role">First responder’s role</label>
      <select
        id="declare-responder-role"
        value={role}
        onChange={(e) => {
          const next = e.target.value as (typeof ROLE_CHOICES)[number];
          setRole(next);
          if (value) onChange({ role: next, person });
        }}
      >
        {ROLE_CHOICES.map((r) => (
          <option key={r} value={r}>
            {ROLE_NAMES[r]}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
