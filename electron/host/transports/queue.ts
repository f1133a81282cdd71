import { keyedSerialQueue } from '../../../shared/util/serialQueue.ts';

/**
 * One round at a time per target folder / clone: two git commands in one clone fight over
 * index.lock, and a timer-driven list must not run in the middle of an exchange's rebase.
 */
export const oneAtATime = keyedSerialQueue();
