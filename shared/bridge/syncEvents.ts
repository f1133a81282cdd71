/**
 * "A watched sync target changed": main tells the page which target, so its scheduler runs a
 * round for it at once (docs/architecture.md#sync). No zod here: the preload bundles this module,
 * and a plain shape check is all it needs before a target id reaches the page.
 */
export const SYNC_CHANGED_CHANNEL = 'warroom:sync-changed';

/** A sync target's id as the page names it (`tgt-` and random hex); the contract checks it with zod. */
export const TARGET_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isTargetId(value: unknown): value is string {
  return typeof value === 'string' && TARGET_ID_PATTERN.test(value);
}
