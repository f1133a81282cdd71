import { useState } from 'react';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { useLiveRows } from '../../db/hooks.ts';
import { heldForClock, replayPending } from '../../db/replayPending.ts';
import { errorMessage } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormBits.tsx';
import { changes, deviceLabel, groupAhead, heldGroups, whoseClock } from './heldWording.ts';

/**
 * Changes held because their stamp is far ahead of this laptop's clock
 * (docs/sync-format.md#far-future-stamps), one card per laptop whose clock is wrong. They apply by
 * themselves when their time comes; Accept applies them now.
 */
export function HeldChanges({ now }: { now: number }) {
  const db = useDatabase();
  const rows = useLiveRows(heldForClock, []);
  const [error, setError] = useState<string | null>(null);
  if (!rows || rows.length === 0) return null;
  async function accept(ids: readonly string[]) {
    try {
      setError(null);
      await replayPending(db, Date.now, new Set(ids));
    } catch (failure) {
      setError(`Not accepted: ${errorMessage(failure)}`);
    }
  }
  return (
    <section aria-labelledby="held-changes-title">
      <h3 id="held-changes-title">Changes held: stamped ahead of this laptop’s clock</h3>
      <p className="hint">
        These changes carry a time more than a day ahead of this laptop’s clock, so a laptop with a wrong clock cannot silently override everyone’s later edits. They apply by
        themselves when that time comes. Accepting applies them now: until their time they then count as the latest values of what they change. Check that laptop’s clock first.
      </p>
      <ul className="sync-targets" aria-label="Held changes">
        {heldGroups(rows).map(({ group, ids }) => {
          const who = group.origin ? deviceLabel(group.origin) : `changes relayed by ${group.relayedBy.map(deviceLabel).join(', ')}`;
          const label = `Accept ${changes(ids.length)} from ${group.origin ? deviceLabel(group.origin) : 'a laptop not known here'}`;
          return (
            <li key={group.origin?.id ?? `relayed-${group.entries[0]?.device.id ?? ''}`} aria-label={who}>
              <strong>{who}</strong>
              <div className="sub">{`${changes(ids.length)} stamped up to ${groupAhead(group, now)} ahead, by ${whoseClock(group)}.`}</div>
              <div className="actions">
                <button type="button" onClick={() => void accept(ids)}>
                  {label}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <FormError message={error} />
    </section>
  );
}
