import { useState } from 'react';
import { BUILT_IN_SCHEMES, levelTargets, validateSeverityScheme, type SeverityScheme } from '../../../shared/domain/severity.ts';
import { schemeSwitch } from '../../../shared/domain/severityChange.ts';
import type { OpIntent } from '../../../shared/entities/index.ts';
import { commitAll } from '../../db/commit.ts';
import { newRecordId } from '../../db/device.ts';
import { listIncidents, setOperator } from '../../db/queries.ts';
import { Modal } from '../../ui/Modal.tsx';
import { useSeverityScheme } from '../board/useSeverityScheme.ts';
import { errorMessage } from '../../ui/errors.ts';
import { PHASES } from '../../../shared/domain/incident.ts';
import { DEFAULT_PHASE_NAMES, PhaseNames } from '../../../shared/domain/phaseNames.ts';
import { describeZodError } from '../../../shared/util/zodError.ts';
import { usePhaseNames } from '../board/usePhaseNames.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { EscalationMatrixSetting } from '../escalation/EscalationMatrixSetting.tsx';
import { CommsPlanSettings } from './CommsPlanSettings.tsx';

interface LevelDraft {
  id: string;
  name: string;
  responseTargetMinutes: string;
  updateCadenceMinutes: string;
  escalation: string;
  resolutionTargetMinutes: string;
  postmortemDueHours: string;
}

/** Empty = none (null); anything else is kept as a number for zod to judge. */
const orNone = (text: string): number | null => (text.trim() === '' ? null : Number(text));
const shown = (n: number | null): string => (n === null ? '' : String(n));

const toDraft = (scheme: SeverityScheme): LevelDraft[] =>
  scheme.levels.map((l) => ({
    id: l.id,
    name: l.name,
    responseTargetMinutes: String(l.responseTargetMinutes),
    updateCadenceMinutes: l.updateCadenceMinutes === null ? '' : String(l.updateCadenceMinutes),
    escalation: l.escalation.map((s) => `${s.afterMinutes} ${s.notify}`).join('; '),
    // The values in force, defaults included: saving writes them into the scheme.
    resolutionTargetMinutes: shown(levelTargets(l.id, scheme).resolutionTargetMinutes),
    postmortemDueHours: shown(levelTargets(l.id, scheme).postmortemDueHours),
  }));

/** "15 Team lead; 30 Engineering manager" → steps; anything else is kept as typed for zod to refuse. */
function parseEscalation(text: string): unknown[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(\d+)\s*(?:min)?\s+(.+)$/.exec(part);
      return match ? { afterMinutes: Number(match[1]), notify: match[2]!.trim() } : { afterMinutes: part, notify: '' };
    });
}

function fromDraft(base: SeverityScheme, levels: LevelDraft[]): unknown {
  return {
    ...base,
    levels: levels.map((draft, i) => ({
      ...base.levels[i],
      name: draft.name,
      responseTargetMinutes: Number(draft.responseTargetMinutes),
      updateCadenceMinutes: draft.updateCadenceMinutes.trim() === '' ? null : Number(draft.updateCadenceMinutes),
      escalation: parseEscalation(draft.escalation),
      resolutionTargetMinutes: orNone(draft.resolutionTargetMinutes),
      postmortemDueHours: orNone(draft.postmortemDueHours),
    })),
  };
}

/** This laptop's operator name, and the team's severity scheme (synced to every laptop). */
export function SettingsDialog({ operator, onClose }: { operator: string; onClose(): void }) {
  const db = useDatabase();
  const current = useSeverityScheme();
  const [name, setName] = useState(operator);
  const [base, setBase] = useState<SeverityScheme>(current);
  const [levels, setLevels] = useState<LevelDraft[]>(() => toDraft(current));
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const currentNames = usePhaseNames();
  const [phaseNames, setPhaseNames] = useState<Record<string, string> | null>(null);
  const shownNames: Record<string, string> = phaseNames ?? currentNames;

  function pick(id: string) {
    const scheme = BUILT_IN_SCHEMES.find((s) => s.id === id) ?? current;
    setBase(scheme);
    setLevels(toDraft(scheme));
    setProblems([]);
  }

  async function save() {
    if (name.trim() === '' || name.trim().length > 100) return setProblems(['Your name: 1–100 characters.']);
    const checked = validateSeverityScheme(fromDraft(base, levels));
    if (!checked.ok) return setProblems(checked.problems);
    const names = PhaseNames.safeParse(shownNames);
    if (!names.success) return setProblems([`Phase names: ${describeZodError(names.error)}`]);
    try {
      if (name.trim() !== operator) await setOperator(db, name);
      const actor = name.trim();
      const intents: OpIntent[] = [];
      if (JSON.stringify(names.data) !== JSON.stringify(currentNames)) {
        intents.push({ actor, incident: null, kind: 'settings.phase-names', data: { names: names.data } });
      }
      if (JSON.stringify(checked.scheme) !== JSON.stringify(current)) {
        intents.push(...schemeSwitch(current, checked.scheme, await listIncidents(db), { actor, at: Date.now(), newEntryId: () => newRecordId('ent') }));
      }
      // One commit: a crash or a sync round never sees the new scheme without the moves it forces.
      if (intents.length > 0) await commitAll(db, intents);
      onClose();
    } catch (failure) {
      setStatus(`Not saved: ${errorMessage(failure)}`);
    }
  }

  const set = (i: number, patch: Partial<LevelDraft>) => setLevels(levels.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <Modal title="Settings" onClose={onClose} wide>
      <label htmlFor="settings-name">Your name (recorded with every change from this laptop)</label>
      <input id="settings-name" value={name} onChange={(e) => setName(e.target.value)} />
      <h3>Severity scheme (shared with the team)</h3>
      <label htmlFor="settings-scheme">Start from</label>
      <select id="settings-scheme" value={base.id} onChange={(e) => pick(e.target.value)}>
        {BUILT_IN_SCHEMES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
        {!BUILT_IN_SCHEMES.some((s) => s.id === current.id) && <option value={current.id}>{current.name}</option>}
      </select>
      <table className="scheme">
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col">Name</th>
            <th scope="col">Respond within (min)</th>
            <th scope="col">Update every (min; empty = no fixed cadence)</th>
            <th scope="col">Escalation (“minutes who; …”)</th>
            <th scope="col">Resolve within (min; empty = no target)</th>
            <th scope="col">Post-mortem due (hours after resolution; empty = none)</th>
          </tr>
        </thead>
        <tbody>
          {levels.map((level, i) => (
            <tr key={level.id}>
              <th scope="row">{level.id}</th>
              <td>
                <input aria-label={`${level.id} name`} value={level.name} onChange={(e) => set(i, { name: e.target.value })} />
              </td>
              <td>
                <input aria-label={`${level.id} response target`} inputMode="numeric" value={level.responseTargetMinutes} onChange={(e) => set(i, { responseTargetMinutes: e.target.value })} />
              </td>
              <td>
                <input aria-label={`${level.id} update cadence`} inputMode="numeric" value={level.updateCadenceMinutes} onChange={(e) => set(i, { updateCadenceMinutes: e.target.value })} />
              </td>
              <td>
                <input aria-label={`${level.id} escalation`} value={level.escalation} onChange={(e) => set(i, { escalation: e.target.value })} />
              </td>
              <td>
                <input aria-label={`${level.id} resolution target`} inputMode="numeric" value={level.resolutionTargetMinutes} onChange={(e) => set(i, { resolutionTargetMinutes: e.target.value })} />
              </td>
              <td>
                <input aria-label={`${level.id} post-mortem deadline`} inputMode="numeric" value={level.postmortemDueHours} onChange={(e) => set(i, { postmortemDueHours: e.target.value })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > 0 && (
        <ul role="alert" className="error">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <EscalationMatrixSetting actor={operator} scheme={current} />
      <h3>Phase names (shared with the team)</h3>
      <div className="phase-names">
        {PHASES.map((phase) => (
          <div key={phase} className="field">
            <label htmlFor={`phase-name-${phase}`}>{`${DEFAULT_PHASE_NAMES[phase]} is called`}</label>
            <input id={`phase-name-${phase}`} value={shownNames[phase] ?? ''} onChange={(e) => setPhaseNames({ ...shownNames, [phase]: e.target.value })} maxLength={60} />
          </div>
        ))}
      </div>
      <CommsPlanSettings actor={operator} />
      {status && <p role="alert" className="error">{status}</p>}
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          Save
        </button>
      </div>
    </Modal>
  );
}
