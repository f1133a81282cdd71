import { describe, expect, it } from 'vitest';
import type { Command } from '../../../../../renderer/features/palette/commandRegistry.ts';
import { fuzzyScore, matchCommands, MAX_QUERY } from '../../../../../renderer/features/palette/matchCommands.ts';

const command = (title: string, group = 'Incident'): Command => ({ id: title, title, group, run: () => undefined });

const COMMANDS = [
  command('Post status update'),
  command('Change status to Identified'),
  command('Change status to Monitoring'),
  command('Change status to Resolved'),
  command('Change phase to Containment'),
  command('Start runbook: Ransomware response'),
  command('Jump to time'),
  command('Search the timeline'),
  command('Export timeline as CSV'),
  command('Declare incident', 'App'),
  command('Go to metrics', 'Go to'),
  command('Go to incidents board', 'Go to'),
];
const titles = (query: string) => matchCommands(COMMANDS, query).map((c) => c.title);

describe('matching commands', () => {
  it('lists every command, in the registry order, for an empty query', () => {
    expect(titles('')).toEqual(COMMANDS.map((c) => c.title));
    expect(titles('   ')).toEqual(COMMANDS.map((c) => c.title));
  });

  it('finds by words, case-insensitive, in order, with gaps between them', () => {
    expect(titles('status resolved')[0]).toBe('Change status to Resolved');
    expect(titles('STATUS RES')[0]).toBe('Change status to Resolved');
    expect(titles('declare')).toEqual(['Declare incident']);
    expect(titles('metrics')[0]).toBe('Go to metrics');
  });

  it('matches fuzzily (letters in order) and ranks whole words and word starts first', () => {
    expect(titles('exp csv')[0]).toBe('Export timeline as CSV');
    expect(titles('ransom')[0]).toBe('Start runbook: Ransomware response');
    // "time" is a word in "Jump to time"; in "timeline" it is the start of one: both found, the word's own first.
    expect(titles('jump time')[0]).toBe('Jump to time');
    expect(fuzzyScore('res', 'Change status to Resolved')).toBe(0);
    expect(fuzzyScore('rsv', 'Change status to Resolved')).toBe(2);
  });

  it('finds a command by its group after every title match', () => {
    const found = titles('incident');
    expect(found[0]).toBe('Declare incident');
    expect(found[1]).toBe('Go to incidents board');
    expect(found).toContain('Post status update');
  });

  it('finds nothing when a letter is missing', () => {
    expect(titles('statusz')).toEqual([]);
    expect(fuzzyScore('q', 'Jump to time')).toBeNull();
  });

  it('stays linear on long hostile input: a huge title and a long query take milliseconds', () => {
    const title = `${'a'.repeat(200_000)}b`;
    const query = 'a'.repeat(MAX_QUERY - 1) + 'c';
    const started = performance.now();
    expect(fuzzyScore(query, title)).toBeNull();
    expect(fuzzyScore(`${'a '.repeat(5_000)}b`, title)).not.toBeNull();
    expect(performance.now() - started).toBeLessThan(200);
  });
});
