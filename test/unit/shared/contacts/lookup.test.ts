import { describe, expect, it } from 'vitest';
import { EMPTY_CONTACT } from '../../../../shared/contacts/contact.ts';
import { approverCandidates, contactByName, contactsByRole, reachLine, searchContacts } from '../../../../shared/contacts/lookup.ts';

const DBA = { id: 'database-administrator', name: 'Database administrator', description: '' };
const ONCALL = { id: 'on-call-engineer', name: 'On-call engineer', description: '' };

describe('contact look-ups', () => {
  const contacts = [
    { id: 'c1', ...EMPTY_CONTACT, kind: 'person' as const, name: 'Ana Pereira', roles: ['IC', 'On-call engineer'], phone: '+1 555 0100' },
    { id: 'c2', ...EMPTY_CONTACT, kind: 'person' as const, name: 'Dee Okafor', roles: ['Database Administrator'], email: 'dee@example.com' },
    { id: 'c3', ...EMPTY_CONTACT, kind: 'vendor' as const, name: 'OpenAI', provides: 'LLM API', supportUrl: 'https://help.openai.com' },
    { id: 'c4', ...EMPTY_CONTACT, kind: 'person' as const, name: 'Gone', roles: ['IC'], removed: true },
  ];
  it('find contacts by role key or name, skipping removed ones', () => {
    expect(contactsByRole(contacts, 'incident-commander', [DBA]).map((c) => c.id)).toEqual(['c1']);
    expect(contactsByRole(contacts, 'team:database-administrator', [DBA]).map((c) => c.id)).toEqual(['c2']);
    expect(contactsByRole(contacts, 'on-call engineer', [ONCALL]).map((c) => c.id)).toEqual(['c1']);
    expect(contactsByRole(contacts, 'nobody', [])).toEqual([]);
  });
  it('search by name, role or what a vendor provides', () => {
    expect(searchContacts(contacts, 'dee', []).map((c) => c.id)).toEqual(['c2']);
    expect(searchContacts(contacts, 'commander', []).map((c) => c.id)).toEqual(['c1']);
    expect(searchContacts(contacts, 'llm', []).map((c) => c.id)).toEqual(['c3']);
    expect(searchContacts(contacts, '', []).map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(contactByName(contacts, 'ana  pereira')?.id).toBe('c1');
    expect(reachLine(contacts[0]!)).toBe('phone +1 555 0100');
  });
});

describe('disaster approver suggestions', () => {
  it('people only, those who can act as CTO first, then by name; removed ones left out', () => {
    const contacts = [
      { id: 'a', ...EMPTY_CONTACT, kind: 'person' as const, name: 'Ana', roles: ['IC'] },
      { id: 'z', ...EMPTY_CONTACT, kind: 'person' as const, name: 'Zoe', roles: ['Deputy CTO'] },
      { id: 'c', ...EMPTY_CONTACT, kind: 'person' as const, name: 'Cyd', roles: ['Chief Technology Officer'] },
      { id: 'v', ...EMPTY_CONTACT, kind: 'vendor' as const, name: 'AWS' },
      { id: 'g', ...EMPTY_CONTACT, kind: 'person' as const, name: 'Gone', roles: ['CTO'], removed: true },
      { id: 'd', ...EMPTY_CONTACT, kind: 'person' as const, name: 'Dan', roles: ['Director'] },
    ];
    expect(approverCandidates(contacts).map((c) => c.id)).toEqual(['c', 'z', 'a', 'd']);
  });
});
