import { useState } from 'react';
import { StatusPageDialog } from './StatusPageDialog.tsx';
import { StatusTemplatesDialog } from './StatusTemplatesDialog.tsx';

/** The top bar's communications tools: the team's status templates and the status page export. */
export function CommsTools({ actor }: { actor: string }) {
  const [open, setOpen] = useState<'templates' | 'status-page' | null>(null);
  return (
    <>
      <button type="button" onClick={() => setOpen('templates')}>
        Status templates
      </button>
      <button type="button" onClick={() => setOpen('status-page')}>
        Status page
      </button>
      {open === 'templates' && <StatusTemplatesDialog actor={actor} onClose={() => setOpen(null)} />}
      {open === 'status-page' && <StatusPageDialog onClose={() => setOpen(null)} />}
    </>
  );
}
