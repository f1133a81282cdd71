import { describe, expect, it } from 'vitest';
import { bridgeLink, changedLogistics, describeLogisticsChange, Logistics, NO_LOGISTICS } from '../../../../shared/domain/logistics.ts';

describe('incident logistics', () => {
  it('trims each field and refuses a second line or an over-long value, naming the field', () => {
    expect(Logistics.parse({ bridge: ' https://meet.example.com/inc ', chatChannel: '#inc ', room: '' })).toEqual({ bridge: 'https://meet.example.com/inc', chatChannel: '#inc', room: '' });
    expect(Logistics.safeParse({ ...NO_LOGISTICS, room: 'Room 4\nInjected: line' }).error?.issues[0]).toMatchObject({ path: ['room'], message: 'one line' });
    expect(Logistics.safeParse({ ...NO_LOGISTICS, chatChannel: 'x'.repeat(101) }).success).toBe(false);
    expect(Logistics.safeParse({ ...NO_LOGISTICS, extra: 'x' }).success).toBe(false);
  });

  it('says what changed, for the timeline', () => {
    const before = { bridge: 'https://a.example', chatChannel: '#inc', room: 'Room 1' };
    const changed = changedLogistics(before, { bridge: 'https://b.example', chatChannel: '#inc', room: '' });
    expect(changed).toEqual({ bridge: 'https://b.example', room: '' });
    expect(describeLogisticsChange(before, changed)).toBe('Logistics: Bridge: "https://a.example" → "https://b.example"; Room: cleared');
    expect(describeLogisticsChange(NO_LOGISTICS, { chatChannel: '#inc' })).toBe('Logistics: Chat channel: "#inc"');
  });

  it('makes a link of an http(s) bridge only', () => {
    expect(bridgeLink('https://meet.example.com/inc')).toBe('https://meet.example.com/inc');
    expect(bridgeLink('HTTP://meet.example.com')).toBe('HTTP://meet.example.com');
    for (const text of ['javascript:alert(1)', ' jav\tascript:alert(1)', 'file:///etc/passwd', 'mailto:a@b.example', '+1 555 0100 PIN 4242', 'https://x.example/a b']) expect(bridgeLink(text)).toBeNull();
  });
});
