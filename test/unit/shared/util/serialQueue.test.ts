import { describe, expect, it } from 'vitest';
import { keyedSerialQueue, serialQueue } from '../../../../shared/util/serialQueue.ts';

/** A task that finishes when told to, recording when it starts and ends. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    open: () => open(),
    task: async () => {
      log.push(`start ${name}`);
      await opened;
      log.push(`end ${name}`);
      return name;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('serialQueue', () => {
  it('runs tasks one at a time in call order, each caller getting its own result', async () => {
    const log: string[] = [];
    const queue = serialQueue();
    const [a, b] = [gate(log, 'a'), gate(log, 'b')];
    const results = [queue(a.task), queue(b.task)];
    await settle();
    expect(log).toEqual(['start a']);
    b.open();
    await settle();
    expect(log).toEqual(['start a']);
    a.open();
    expect(await Promise.all(results)).toEqual(['a', 'b']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('a failing task rejects for its caller only; the next one still runs', async () => {
    const queue = serialQueue();
    const failed = queue(() => Promise.reject(new Error('disk full')));
    const next = queue(() => Promise.resolve('written'));
    await expect(failed).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('written');
  });
});

describe('keyedSerialQueue', () => {
  it('serializes per key; other keys do not wait', async () => {
    const log: string[] = [];
    const queue = keyedSerialQueue();
    const [a1, a2, b] = [gate(log, 'a1'), gate(log, 'a2'), gate(log, 'b')];
    const results = [queue('a', a1.task), queue('a', a2.task), queue('b', b.task)];
    await settle();
    expect(log).toEqual(['start a1', 'start b']);
    b.open();
    a1.open();
    a2.open();
    expect(await Promise.all(results)).toEqual(['a1', 'a2', 'b']);
    expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'));
  });

  it('keeps going for a key after a failure', async () => {
    const queue = keyedSerialQueue();
    await expect(queue('k', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(queue('k', () => Promise.resolve(1))).resolves.toBe(1);
  });
});
