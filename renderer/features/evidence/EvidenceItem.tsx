import { useState, type FormEvent } from 'react';
import type { EvidenceView } from '../../../shared/entities/index.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { attempt } from '../../ui/errors.ts';
import { formatLocalDateTime } from '../../ui/format.ts';
import { Field } from '../../ui/FormBits.tsx';
import { parseTimeInput } from '../incidents/parseTimeInput.ts';
import { ArtefactFacts, ArtefactPicker } from './ArtefactPicker.tsx';
import { handOver, recordCheck } from './evidenceActions.ts';

/** One evidence item: its facts, its chain of custody, its re-checks, and the two things to do with it. */
export function EvidenceItem({ item, actor, onError }: { item: EvidenceView; actor: string; onError(message: string | null): void }) {
  const db = useDatabase();
  const [handing, setHanding] = useState(false);
  const label = `Evidence: ${item.description}`;
  return (
    <li className="evidence-item" aria-label={label}>
      <p>
        <strong>{item.description}</strong> — collected by {item.collectedBy}, {formatLocalDateTime(item.collectedAt)}
      </p>
      <p>
        <ArtefactFacts artefact={item.artefact} />
      </p>
      <p>
        Held by <strong>{item.holder}</strong> at {item.currentlyAt}
      </p>
      {item.handovers.length > 0 && (
        <ol className="custody" aria-label="Hand-overs">
          {item.handovers.map((h) => (
            <li key={`${h.handover}-${h.recordedAt}`}>
              {formatLocalDateTime(h.at)}: {h.from} → {h.to} ({h.reason}){h.storedAt ? `, now at ${h.storedAt}` : ''}
              {!h.continuous && <strong className="warning"> Gap: {h.from} did not hold it</strong>}
            </li>
          ))}
        </ol>
      )}
      {item.checks.length > 0 && (
        <ul className="checks" aria-label="Re-checks">
          {item.checks.map((c, index) => (
            <li key={index} className={c.matches ? 'match' : 'mismatch'}>
              {formatLocalDateTime(c.at)} by {c.by}: {c.matches ? '✓ Matches the recorded hash' : '✗ Does not match the recorded hash'} ({c.artefact.name},{' '}
              <code className="sha256">{c.artefact.sha256}</code>)
            </li>
          ))}
        </ul>
      )}
      <div className="row compact">
        <button type="button" onClick={() => setHanding(!handing)} aria-expanded={handing}>
          Hand over…
        </button>
        <ArtefactPicker
          id={`verify-${item.id}`}
          label="Re-verify: choose the file again"
          onError={onError}
          onHashed={(artefact) => void attempt(() => recordCheck(db, item, artefact, actor), onError)}
        />
      </div>
      {handing && <HandoverForm item={item} actor={actor} onError={onError} onDone={() => setHanding(false)} />}
    </li>
  );
}

function HandoverForm({ item, actor, onError, onDone }: { item: EvidenceView; actor: string; onError(message: string | null): void; onDone(): void }) {
  const db = useDatabase();
  const [from, setFrom] = useState(item.holder);
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [storedAt, setStoredAt] = useState('');
  const [at, setAt] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!from.trim() || !to.trim() || !reason.trim()) return onError('A hand-over needs who gives it, who takes it, and why.');
    const time = parseTimeInput(at);
    if (!time.ok) return onError(time.error);
    const input = { from, to, reason, storedAt: storedAt.trim() || null, at: time.iso ?? new Date().toISOString() };
    if (await attempt(() => handOver(db, item, input, actor), onError)) onDone();
  }

  const id = (name: string) => `handover-${item.id}-${name}`;
  return (
    <form className="row compact" aria-label={`Hand over ${item.description}`} onSubmit={(e) => void submit(e)}>
      <Field id={id('from')} label="From">
        <input id={id('from')} value={from} onChange={(e) => setFrom(e.target.value)} maxLength={100} />
      </Field>
      <Field id={id('to')} label="To">
        <input id={id('to')} value={to} onChange={(e) => setTo(e.target.value)} maxLength={100} />
      </Field>
      <Field id={id('reason')} label="Why" grow>
        <input id={id('reason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
      </Field>
      <Field id={id('stored')} label="Now stored at (empty: unchanged)">
        <input id={id('stored')} value={storedAt} onChange={(e) => setStoredAt(e.target.value)} maxLength={500} />
      </Field>
      <Field id={id('at')} label="When (empty: now)">
        <input id={id('at')} value={at} onChange={(e) => setAt(e.target.value)} />
      </Field>
      <button type="submit" className="primary">
        Record hand-over
      </button>
    </form>
  );
}
