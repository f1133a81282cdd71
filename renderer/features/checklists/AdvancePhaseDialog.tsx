import type { Phase } from '../../../shared/domain/incident.ts';
import type { ChecklistView } from '../../../shared/entities/index.ts';
import { phaseName, type PhaseNames } from '../../../shared/domain/phaseNames.ts';
import { Modal } from '../../ui/Modal.tsx';

type Item = ChecklistView['items'][number];

/** Moving on with items still open is allowed, but asked for, and what was left is logged. */
export function AdvancePhaseDialog({ from, to, open, names, onConfirm, onCancel }: { from: Phase; to: Phase; open: readonly Item[]; names: PhaseNames; onConfirm(): void; onCancel(): void }) {
  return (
    <Modal title="Leave items open?" onClose={onCancel}>
      <p>{`${open.length} checklist item${open.length === 1 ? ' is' : 's are'} still open in ${phaseName(from, names)}:`}</p>
      <ul>
        {open.map((item) => (
          <li key={item.id}>{item.text}</li>
        ))}
      </ul>
      <p>Moving to {phaseName(to, names)} records them in the timeline as left open.</p>
      <div className="actions">
        <button type="button" onClick={onCancel} data-autofocus>
          Stay in {phaseName(from, names)}
        </button>
        <button type="button" className="primary" onClick={onConfirm}>
          Move to {phaseName(to, names)}
        </button>
      </div>
    </Modal>
  );
}
