import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTRY_KINDS, Tag } from '../../../../shared/domain/entry.ts';
import {
  hashtags,
  KIND_PREFIXES,
  parseEntryInput,
  type EntryInputContext,
  type EntryInputResult,
  type ParsedEntryInput,
} from '../../../../shared/timeline/entryInput.ts';
import type { OffsetMinutes } from '../../../../shared/timeline/localTime.ts';
import { at, berlin2026, fixed, iso, newYork2026 } from '../../support/zones.ts';

const HINT = '(use @HH:MM, @YYYY-MM-DD HH:MM or @-15m)';

/** The scribe submits at `localNow` (wall time in a fixed zone) and started typing 20 s earlier. */
function ctx(localNow: string, offset: number): EntryInputContext {
  return ctxUtc(at(localNow, offset), fixed(offset));
}

/** The same, at a UTC instant in a zone with DST. */
function ctxUtc(now: number | string, zone: OffsetMinutes): EntryInputContext {
  const ms = typeof now === 'number' ? now : Date.parse(now);
  return { now: ms, startedAt: ms - 20_000, offsetMinutes: zone };
}

/** UTC+2, Sunday 22 November 2026, 14:30 local (12:30 UTC). */
const BERLIN_AFTERNOON = ctx('2026-11-22T14:30', 120);

function ok(result: EntryInputResult): ParsedEntryInput {
  if (!result.ok) throw new Error(`expected a parse, got: ${result.error}`);
  return result.value;
}

function error(result: EntryInputResult): string {
  if (result.ok) throw new Error(`expected an error, got: ${JSON.stringify(result.value)}`);
  return result.error;
}

const eventAt = (raw: string, context = BERLIN_AFTERNOON): string => {
  const value = ok(parseEntryInput(raw, context));
  if (value.eventAt === null) throw new Error('no eventAt');
  return iso(value.eventAt);
};

describe('parseEntryInput: text and kinds', () => {
  it('takes plain text as is, trimmed at the ends only', () => {
    expect(ok(parseEntryInput('  DB primary down\n  replica lagging \n', BERLIN_AFTERNOON))).toEqual({
      text: 'DB primary down\n  replica lagging',
      kind: null,
      eventAt: null,
      tags: [],
    });
  });

  it('needs text', () => {
    for (const raw of ['', '   ', '\n\t', '/d', '/d @14:05', '@-5m   ']) {
      expect(error(parseEntryInput(raw, BERLIN_AFTERNOON))).toBe('an entry needs text');
    }
    expect(error(parseEntryInput('x'.repeat(20_001), BERLIN_AFTERNOON))).toBe('an entry is at most 20000 characters');
  });

  it('has one letter per kind, every kind covered once', () => {
    expect(Object.values(KIND_PREFIXES).sort()).toEqual([...ENTRY_KINDS].sort());
    expect(Object.keys(KIND_PREFIXES).every((letter) => /^[a-z]$/.test(letter))).toBe(true);
  });

  it.each(Object.entries(KIND_PREFIXES))('/%s sets %s', (letter, kind) => {
    expect(ok(parseEntryInput(`/${letter} Rolled back`, BERLIN_AFTERNOON))).toMatchObject({ kind, text: 'Rolled back' });
    expect(ok(parseEntryInput(`/${kind} Rolled back`, BERLIN_AFTERNOON))).toMatchObject({ kind, text: 'Rolled back' });
  });

  it('knows /comm, ignores case and accepts any whitespace after a prefix', () => {
    expect(ok(parseEntryInput('/comm Status page updated', BERLIN_AFTERNOON)).kind).toBe('communication');
    expect(ok(parseEntryInput('/D Fail over', BERLIN_AFTERNOON)).kind).toBe('decision');
    expect(ok(parseEntryInput('/Decision Fail over', BERLIN_AFTERNOON)).kind).toBe('decision');
    expect(ok(parseEntryInput('/d\nFail over\nto the replica', BERLIN_AFTERNOON))).toMatchObject({
      kind: 'decision',
      text: 'Fail over\nto the replica',
    });
  });

  it('keeps unknown slashes as text: paths are not prefixes', () => {
    expect(ok(parseEntryInput('/var/log is full', BERLIN_AFTERNOON))).toMatchObject({ kind: null, text: '/var/log is full' });
    expect(ok(parseEntryInput('/zz foo', BERLIN_AFTERNOON))).toMatchObject({ kind: null, text: '/zz foo' });
    expect(ok(parseEntryInput('/ alone', BERLIN_AFTERNOON))).toMatchObject({ kind: null, text: '/ alone' });
    expect(ok(parseEntryInput('/decisions pending', BERLIN_AFTERNOON))).toMatchObject({ kind: null, text: '/decisions pending' });
    expect(ok(parseEntryInput('/dfoo', BERLIN_AFTERNOON))).toMatchObject({ kind: null, text: '/dfoo' });
    expect(ok(parseEntryInput('/e /var/log is full', BERLIN_AFTERNOON))).toMatchObject({ kind: 'event', text: '/var/log is full' });
    // A prefix only counts before the text.
    expect(ok(parseEntryInput('Checked /d and @14:05', BERLIN_AFTERNOON))).toMatchObject({
      kind: null,
      eventAt: null,
      text: 'Checked /d and @14:05',
    });
  });

  it('combines a kind and a time in either order', () => {
    const expected = { kind: 'decision', eventAt: Date.UTC(2026, 10, 22, 12, 5), text: 'Roll back' };
    expect(ok(parseEntryInput('/d @14:05 Roll back', BERLIN_AFTERNOON))).toEqual({ ...expected, tags: [] });
    expect(ok(parseEntryInput('@14:05 /d Roll back', BERLIN_AFTERNOON))).toEqual({ ...expected, tags: [] });
    expect(ok(parseEntryInput('@2026-11-22 14:05 /d Roll back', BERLIN_AFTERNOON))).toEqual({ ...expected, tags: [] });
    expect(ok(parseEntryInput('/d\t@2026-11-22 14:05   Roll back', BERLIN_AFTERNOON))).toEqual({ ...expected, tags: [] });
  });

  it('starts the text at a repeated prefix', () => {
    expect(ok(parseEntryInput('/d /e both?', BERLIN_AFTERNOON))).toMatchObject({ kind: 'decision', text: '/e both?' });
    expect(ok(parseEntryInput('@14:05 @bob joined the bridge', BERLIN_AFTERNOON))).toMatchObject({
      eventAt: Date.UTC(2026, 10, 22, 12, 5),
      text: '@bob joined the bridge',
    });
  });
});

describe('parseEntryInput: times', () => {
  it('leaves eventAt null without a time prefix (the caller uses startedAt)', () => {
    expect(ok(parseEntryInput('/e Pager fired', BERLIN_AFTERNOON)).eventAt).toBeNull();
  });

  it('reads a bare clock time as local time today, with or without seconds and a leading zero', () => {
    expect(eventAt('@14:05 x')).toBe('2026-11-22T12:05:00.000Z');
    expect(eventAt('@14:05:30 x')).toBe('2026-11-22T12:05:30.000Z');
    expect(eventAt('@9:05 x')).toBe('2026-11-22T07:05:00.000Z');
    expect(eventAt('@09:05 x')).toBe('2026-11-22T07:05:00.000Z');
    expect(eventAt('@00:00 x')).toBe('2026-11-21T22:00:00.000Z');
  });

  it('applies the zone with the documented sign: UTC+2 subtracts, UTC−5 adds', () => {
    expect(eventAt('@14:05 x', ctx('2026-11-22T14:30', 120))).toBe('2026-11-22T12:05:00.000Z');
    expect(eventAt('@14:05 x', ctx('2026-11-22T14:30', -300))).toBe('2026-11-22T19:05:00.000Z');
    // UTC−5 in the evening: local 22 November, already 23 November in UTC.
    expect(eventAt('@19:00 x', ctx('2026-11-22T20:00', -300))).toBe('2026-11-23T00:00:00.000Z');
    expect(eventAt('@2026-11-22 23:50 x', ctx('2026-11-23T01:00', -300))).toBe('2026-11-23T04:50:00.000Z');
    expect(eventAt('@10:00 x', ctx('2026-11-22T10:30', 0))).toBe('2026-11-22T10:00:00.000Z');
  });

  it('takes the most recent such time: across midnight it is yesterday', () => {
    const justAfterMidnight = ctx('2026-11-23T00:10', 120);
    expect(eventAt('@23:50 x', justAfterMidnight)).toBe('2026-11-22T21:50:00.000Z');
    expect(eventAt('@00:05 x', justAfterMidnight)).toBe('2026-11-22T22:05:00.000Z');
    // UTC−5, just after local midnight.
    expect(eventAt('@23:50 x', ctx('2026-11-23T00:10', -300))).toBe('2026-11-23T04:50:00.000Z');
  });

  it('allows a minute of grace for a clock time just ahead of now', () => {
    expect(eventAt('@14:31 x')).toBe('2026-11-22T12:31:00.000Z');
    expect(eventAt('@14:31:00 x')).toBe('2026-11-22T12:31:00.000Z');
    expect(eventAt('@14:31:01 x')).toBe('2026-11-21T12:31:01.000Z');
    expect(eventAt('@14:32 x')).toBe('2026-11-21T12:32:00.000Z');
  });

  it('reads full local date-times, days back, with a space or a T', () => {
    expect(eventAt('@2026-11-22 23:50 x', ctx('2026-11-23T00:10', 120))).toBe('2026-11-22T21:50:00.000Z');
    expect(eventAt('@2026-11-22T23:50 x', ctx('2026-11-23T00:10', 120))).toBe('2026-11-22T21:50:00.000Z');
    expect(eventAt('@2026-11-22 23:50:10 x', ctx('2026-11-23T00:10', 120))).toBe('2026-11-22T21:50:10.000Z');
    expect(eventAt('@2026-11-19 08:15 x')).toBe('2026-11-19T06:15:00.000Z');
    expect(eventAt('@2025-12-31 23:59 x')).toBe('2025-12-31T21:59:00.000Z');
    expect(eventAt('@2024-02-29 12:00 x')).toBe('2024-02-29T10:00:00.000Z');
    // The date and time on their own line is the whole entry's time; the text follows.
    expect(ok(parseEntryInput('@2026-11-22 14:05\nRolled back', BERLIN_AFTERNOON)).text).toBe('Rolled back');
  });

  it('reads UTC when the time ends in Z, as logs print it', () => {
    expect(eventAt('@2026-11-22T10:00:00.123Z x')).toBe('2026-11-22T10:00:00.123Z');
    expect(eventAt('@2026-11-22 10:00Z x')).toBe('2026-11-22T10:00:00.000Z');
    expect(eventAt('@10:00Z x')).toBe('2026-11-22T10:00:00.000Z');
    expect(eventAt('@13:00z x')).toBe('2026-11-21T13:00:00.000Z'); // 13:00 UTC is still ahead (12:30 UTC now)
  });

  it('refuses a full date-time in the future, beyond a minute', () => {
    expect(error(parseEntryInput('@2026-11-22 15:00 x', BERLIN_AFTERNOON))).toBe('"@2026-11-22 15:00" is in the future');
    expect(error(parseEntryInput('@2026-11-23T09:00 x', BERLIN_AFTERNOON))).toBe('"@2026-11-23T09:00" is in the future');
    expect(error(parseEntryInput('@2027-01-01 00:00 x', BERLIN_AFTERNOON))).toBe('"@2027-01-01 00:00" is in the future');
    expect(eventAt('@2026-11-22 14:31 x')).toBe('2026-11-22T12:31:00.000Z');
  });

  it('reads relative times back from when typing started', () => {
    const started = BERLIN_AFTERNOON.startedAt;
    expect(ok(parseEntryInput('@-15m x', BERLIN_AFTERNOON)).eventAt).toBe(started - 15 * 60_000);
    expect(ok(parseEntryInput('@-2h x', BERLIN_AFTERNOON)).eventAt).toBe(started - 2 * 3_600_000);
    expect(ok(parseEntryInput('@-1h30m x', BERLIN_AFTERNOON)).eventAt).toBe(started - 90 * 60_000);
    expect(ok(parseEntryInput('@-90m x', BERLIN_AFTERNOON)).eventAt).toBe(started - 90 * 60_000);
    expect(ok(parseEntryInput('@-45s x', BERLIN_AFTERNOON)).eventAt).toBe(started - 45_000);
    expect(ok(parseEntryInput('@-1H5M x', BERLIN_AFTERNOON)).eventAt).toBe(started - 65 * 60_000);
  });

  it.each([
    '@25:99',
    '@24:00',
    '@12:60',
    '@14:5',
    '@123:00',
    '@abc',
    '@',
    '@-',
    '@+5m',
    '@-15',
    '@-30m1h',
    '@14:05,',
    '@2026-13-01',
    '@2026-11-22',
    '@2026-11-22T',
    '@26-11-22',
  ])('names the bad token %s', (token) => {
    expect(error(parseEntryInput(`/d ${token} Roll back`, BERLIN_AFTERNOON))).toBe(`"${token}" is not a time ${HINT}`);
  });

  it('names the whole date-time when only the time or the date is wrong', () => {
    expect(error(parseEntryInput('@2026-02-30 10:00 x', BERLIN_AFTERNOON))).toBe(`"@2026-02-30 10:00" is not a time ${HINT}`);
    expect(error(parseEntryInput('@2025-02-29 10:00 x', BERLIN_AFTERNOON))).toBe(`"@2025-02-29 10:00" is not a time ${HINT}`);
    expect(error(parseEntryInput('@2026-11-22 25:00 x', BERLIN_AFTERNOON))).toBe(`"@2026-11-22 25:00" is not a time ${HINT}`);
    expect(error(parseEntryInput('@2026-11-22 outage began', BERLIN_AFTERNOON))).toBe(`"@2026-11-22" is not a time ${HINT}`);
  });

  it('follows a DST change inside the zone function (Europe, spring forward)', () => {
    // 29 March 2026, 12:00 CEST (10:00 UTC); the clocks jumped from 02:00 CET to 03:00 CEST at 01:00 UTC.
    const spring = ctxUtc('2026-03-29T10:00Z', berlin2026);
    expect(eventAt('@11:00 x', spring)).toBe('2026-03-29T09:00:00.000Z');
    expect(eventAt('@03:10 x', spring)).toBe('2026-03-29T01:10:00.000Z');
    expect(eventAt('@01:50 x', spring)).toBe('2026-03-29T00:50:00.000Z'); // still CET
    expect(eventAt('@02:30 x', spring)).toBe('2026-03-29T01:30:00.000Z'); // never shown: read as 03:30 CEST
    // Just after midnight on 30 March, 23:50 is yesterday, already CEST.
    expect(eventAt('@23:50 x', ctxUtc('2026-03-29T22:10Z', berlin2026))).toBe('2026-03-29T21:50:00.000Z');
    // A day before the change, still CET.
    expect(eventAt('@2026-03-28 12:00 x', spring)).toBe('2026-03-28T11:00:00.000Z');
  });

  it('follows a DST change inside the zone function (Europe fall back, US spring forward)', () => {
    const fall = ctxUtc('2026-10-25T10:00Z', berlin2026); // 11:00 CET
    expect(eventAt('@02:30 x', fall)).toBe('2026-10-25T00:30:00.000Z'); // happened twice: the earlier
    expect(eventAt('@03:30 x', fall)).toBe('2026-10-25T02:30:00.000Z');
    expect(eventAt('@10:59 x', fall)).toBe('2026-10-25T09:59:00.000Z');
    expect(eventAt('@11:01 x', fall)).toBe('2026-10-25T10:01:00.000Z'); // within the grace minute
    expect(eventAt('@11:02 x', fall)).toBe('2026-10-24T09:02:00.000Z'); // yesterday, CEST
    const usSpring = ctxUtc('2026-03-08T15:00Z', newYork2026); // 11:00 EDT
    expect(eventAt('@01:30 x', usSpring)).toBe('2026-03-08T06:30:00.000Z');
    expect(eventAt('@03:10 x', usSpring)).toBe('2026-03-08T07:10:00.000Z');
    expect(eventAt('@2026-03-07 23:00 x', usSpring)).toBe('2026-03-08T04:00:00.000Z');
  });
});

describe('parseEntryInput: hashtags', () => {
  it('tags #words anywhere, lowercased and deduplicated, and keeps them in the text', () => {
    const value = ok(parseEntryInput('/f #DB primary down, see #db and #Deploy-42.\nAlso (#net) #ünïcode', BERLIN_AFTERNOON));
    expect(value.tags).toEqual(['db', 'deploy-42', 'net', 'ünïcode']);
    expect(value.text).toBe('#DB primary down, see #db and #Deploy-42.\nAlso (#net) #ünïcode');
  });

  it('leaves alone what is not a hashtag', () => {
    expect(hashtags('C# and F#, page#top, https://x.test/#frag, &#39;, #42, # heading, ##, #_-')).toEqual([]);
    expect(hashtags(`#${'a'.repeat(40)} #${'b'.repeat(41)}`)).toEqual(['a'.repeat(40)]);
    expect(hashtags('#2fa #v1.2.3 #a_b #x-')).toEqual(['2fa', 'v1.2.3', 'a_b', 'x']);
  });

  it('keeps at most 20 tags, in order of appearance', () => {
    const text = Array.from({ length: 25 }, (_, i) => `#t${i}`).join(' ');
    const tags = ok(parseEntryInput(text, BERLIN_AFTERNOON)).tags;
    expect(tags).toHaveLength(20);
    expect(tags[0]).toBe('t0');
    expect(tags[19]).toBe('t19');
  });

  it('never throws and only yields valid tags, whatever is typed', () => {
    const tokens = fc.constantFrom('/d', '/e', '/var', '@14:05', '@-5m', '@25:99', '@2026-11-22', '14:05', '#DB', '#', ' ', '\n', 'x');
    fc.assert(
      fc.property(fc.array(fc.oneof(tokens, fc.string({ unit: 'grapheme' })), { maxLength: 12 }), (parts) => {
        const result = parseEntryInput(parts.join(''), BERLIN_AFTERNOON);
        if (!result.ok) return;
        expect(result.value.text).toBe(result.value.text.trim());
        expect(result.value.text.length).toBeGreaterThan(0);
        expect(result.value.tags.length).toBeLessThanOrEqual(20);
        for (const tag of result.value.tags) expect(Tag.safeParse(tag).success).toBe(true);
        if (result.value.eventAt !== null) expect(result.value.eventAt).toBeLessThanOrEqual(BERLIN_AFTERNOON.now + 60_000);
      }),
      { numRuns: 500 },
    );
  });
});
