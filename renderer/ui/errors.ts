/** A thrown value as words for the person at the keyboard. */
export function errorMessage(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}

/**
 * Make a change the person asked for and report how it went: the message cleared when it worked,
 * "Not saved: …" (or `failed`) when it did not. Resolves whether it worked, so a form can then
 * close or empty itself.
 */
export async function attempt(work: () => Promise<unknown>, report: (message: string | null) => void, failed = 'Not saved', describe: (failure: unknown) => string = errorMessage): Promise<boolean> {
  try {
    await work();
    report(null);
    return true;
  } catch (failure) {
    report(`${failed}: ${describe(failure)}`);
    return false;
  }
}
