import { useState } from 'react';
import { StatusTemplatesDialog } from './StatusTemplatesDialog.tsx';

/** The top bar's communications tools: the team's status templates. */
export function CommsTools({ actor }: { actor: string }) {
  const [open, setOpen] = useState<'templates' | null>(null);
  return (
    <>
      <button type="button" onClick={() => setOpen('templates')}>
        Status templates
      </button>
      {open === 'templates' && <StatusTemplatesDialog actor={actor} onClose={() => setOpen(null)} />}
    </>
  );
}
