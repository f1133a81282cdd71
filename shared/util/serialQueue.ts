/** Run one task. The promise is the task's own: it rejects for its caller alone. */
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * Tasks run one at a time, in call order: a later write never lands before an earlier one.
 * A failed task does not stop the ones queued after it.
 */
export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** A serial queue per key (a folder, a draft): keys do not wait for each other; a drained key is forgotten. */
export function keyedSerialQueue(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return (key, task) => {
    const run = (tails.get(key) ?? Promise.resolve()).then(task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
