import type { ImportResult } from '../db/backupFile.ts';

/** Reads a .warroom file the person picks: the native dialog in the desktop app. */
export async function pickBackupWithBridge(bridge: NonNullable<Window['warroom']>): Promise<{ name: string; text: string } | null> {
  const reply = await bridge.invoke('file.open', { title: 'Import a War Room backup file', format: 'warroom' });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value ? { name: reply.value.path, text: reply.value.content } : null;
}

export function describeImport(result: Extract<ImportResult, { ok: true }>): string {
  const from = `backup file of ${result.total} ops made ${result.createdAt.slice(0, 16).replace('T', ' ')} UTC`;
  const refused =
    result.refused.length === 0
      ? ''
      : ` Refused ${result.refused.length} ${result.refused.length === 1 ? 'op' : 'ops'} that ${result.refused[0]!.reason}: ${result.refused.slice(0, 10).map((item) => item.id).join(', ')}${result.refused.length > 10 ? ', …' : ''}.`;
  if (result.applied === 0 && result.pending === 0 && result.held === 0) return `Nothing new: everything in the ${from} is already here${result.refused.length ? ' or refused' : ''}.${refused}`;
  const pending = result.pending > 0 ? `, ${result.pending} from a newer War Room kept for later` : '';
  const held = result.held > 0 ? `, ${result.held} stamped far ahead of this laptop’s clock held until their time (see Sync)` : '';
  return `Imported ${result.applied} new ops from the ${from} (${result.duplicates} already here${pending}${held}).${refused}`;
}
