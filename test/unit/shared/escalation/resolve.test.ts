import { describe, expect, it } from 'vitest';
import { EMPTY_CONTACT } from '../../../../shared/contacts/contact.ts';
import { DEFAULT_ROSTER } from '../../../../shared/contacts/roster.ts';
import { escalatedLine, notifyLabel, resolveNotify, type EscalationContext } from '../../../../shared/escalation/resolve.ts';

const person = (id: string, name: string, over: object) => ({ id, ...EMPTY_CONTACT, kind: 'person' as const, name, ...over });
const contacts = [
  person('c1', 'Dana Lee', { roles: ['CTO'], phone: '+44 20 7946 0000', email: 'dana@example.com' }),
  person('c2', 'Ana Pereira', { roles: ['Technical lead'], chat: '@ana' }),
  person('c3', 'Raj Patel', { roles: ['Technical lead', 'DBA on call'], phone: '+1 555 0101' }),
  person('c4', 'Old Boss', { roles: ['CTO'], phone: '1', removed: true }),
];
const DBA = { id: 'dba-on-call', name: 'DBA on call', description: '' };
const NOW = Date.parse('2026-11-24T12:00:00Z');
const ctx = (over: Partial<EscalationContext> = {}): EscalationContext => ({
  contacts,
  teamRoles: [DBA],
  roster: { ...DEFAULT_ROSTER, weeks: [{ start: '2026-11-23', primary: 'Ana Pereira', secondary: 'Sam Nobody' }] },
  incident: { roles: {}, teamRoles: {} },
  ...over,
});

describe('who an escalation step brings in', () => {
  it('a role nobody holds: every live contact who can fill it, as written in the directory (CTO) or as a built-in role', () => {
    expect(resolveNotify([{ role: 'CTO', via: 'phone' }], ctx(), NOW)).toEqual([{ label: 'Dana Lee (CTO)', how: 'phone +44 20 7946 0000', reach: ['phone +44 20 7946 0000', 'email dana@example.com'] }]);
    expect(resolveNotify([{ role: 'tech lead', via: 'preferred' }], ctx(), NOW).map((p) => `${p.label}: ${p.how}`)).toEqual(['Ana Pereira (tech lead): chat @ana', 'Raj Patel (tech lead): phone +1 555 0101']);
  });

  it("a role held on the incident: its holder, when the directory knows them; a team role likewise", () => {
    const held = ctx({ incident: { roles: { 'technical-lead': 'raj patel' }, teamRoles: { 'dba-on-call': { person: 'Ana Pereira' } } } });
    expect(resolveNotify([{ role: 'Technical lead', via: 'phone' }], held, NOW).map((p) => p.label)).toEqual(['Raj Patel (Technical lead)']);
    expect(resolveNotify([{ role: 'DBA on call', via: 'chat' }], held, NOW).map((p) => `${p.label}, ${p.how}`)).toEqual(['Ana Pereira (DBA on call), chat @ana']);
    // A holder the directory does not know: the role's contacts instead.
    const stranger = ctx({ incident: { roles: { 'technical-lead': 'Zed Unknown' } } });
    expect(resolveNotify([{ role: 'Technical lead', via: 'phone' }], stranger, NOW).map((p) => p.label)).toEqual(['Ana Pereira (Technical lead)', 'Raj Patel (Technical lead)']);
  });

  it('the way asked for, else the first way recorded; a contact by name; the on-call through the roster', () => {
    expect(resolveNotify([{ role: 'CTO', via: 'chat' }], ctx(), NOW)[0]?.how).toBe('phone +44 20 7946 0000');
    expect(resolveNotify([{ contact: 'dana lee', via: 'email' }], ctx(), NOW)[0]).toMatchObject({ label: 'Dana Lee', how: 'email dana@example.com' });
    expect(resolveNotify([{ onCall: 'primary', via: 'preferred' }], ctx(), NOW)[0]).toMatchObject({ label: 'Ana Pereira (on-call primary)', how: 'chat @ana' });
  });

  it('what cannot be resolved is shown as the role with "(no contact in the directory)"', () => {
    const people = resolveNotify(
      [
        { role: 'CEO', via: 'phone' },
        { contact: 'Nobody Known', via: 'phone' },
        { onCall: 'secondary', via: 'phone' },
      ],
      ctx(),
      NOW,
    );
    expect(people.map((p) => p.label)).toEqual(['CEO (no contact in the directory)', 'Nobody Known (no contact in the directory)', 'Sam Nobody (on-call secondary) (no contact in the directory)']);
    expect(resolveNotify([{ onCall: 'primary', via: 'phone' }], ctx({ roster: DEFAULT_ROSTER }), NOW)[0]?.label).toBe('On-call primary (no contact in the directory)');
  });

  it('the timeline line and the label', () => {
    const people = resolveNotify([{ role: 'CTO', via: 'phone' }, { role: 'CEO', via: 'phone' }], ctx(), NOW);
    expect(escalatedLine(people)).toBe('Escalated: Dana Lee (CTO), phone +44 20 7946 0000; CEO (no contact in the directory)');
    expect(notifyLabel([{ role: 'CTO', via: 'phone' }, { onCall: 'primary', via: 'phone' }, { contact: 'Dana Lee', via: 'phone' }])).toBe('CTO + on-call primary + Dana Lee');
  });
});
