import { describe, expect, it } from 'vitest';
import { attempt } from '../../../../renderer/ui/errors.ts';

describe('attempt', () => {
  it('clears the message and resolves true when the change worked', async () => {
    const reports: (string | null)[] = [];
    expect(await attempt(async () => {}, (m) => reports.push(m))).toBe(true);
    expect(reports).toEqual([null]);
  });

  it('says what failed, in the caller’s words, and resolves false', async () => {
    const reports: (string | null)[] = [];
    expect(await attempt(() => Promise.reject(new Error('disk full')), (m) => reports.push(m))).toBe(false);
    expect(await attempt(() => Promise.reject(new Error('offline')), (m) => reports.push(m), 'Not done')).toBe(false);
    expect(await attempt(() => Promise.reject(new Error('x')), (m) => reports.push(m), 'Not saved', () => 'text: too long')).toBe(false);
    expect(reports).toEqual(['Not saved: disk full', 'Not done: offline', 'Not saved: text: too long']);
  });
});
