import { describe, expect, it } from 'vitest';
import { EMPTY_CONTACT, type ContactFields } from '../../../../shared/contacts/contact.ts';
import { contactsToCsv, guardFormula, parseContactsCsv, planContactsImport, unguardFormula, type ContactExport } from '../../../../shared/contacts/contactsCsv.ts';

const person = (over: Partial<ContactFields> = {}): ContactFields => ({ ...EMPTY_CONTACT, kind: 'person', name: 'Ana Pereira', ...over });

describe('contacts CSV', () => {
  it('reads a partial header in any order, roles split on ;', () => {
    const result = parseContactsCsv('Name,roles,phone,type\nAna Pereira,IC; on-call engineer,+44 20 7946 0001,\nOpenAI,,,vendor\n');
    expect(result).toEqual({
      ok: true,
      contacts: [
        { line: 2, fields: person({ roles: ['IC', 'on-call engineer'], phone: '+44 20 7946 0001' }) },
        { line: 3, fields: { ...EMPTY_CONTACT, kind: 'vendor', name: 'OpenAI' } },
      ],
    });
  });

  it('exports what it imports, formula-guarded, and the export re-imports to the same contacts', () => {
    const contacts: ContactExport[] = [
      { id: 'con-vendor1', ...EMPTY_CONTACT, kind: 'vendor', name: 'AWS', supportUrl: 'https://console.aws.amazon.com/support', tier: 'business' },
      { id: 'con-person1', ...person({ roles: ['DBA', 'on-call'], phone: '+1 555 0100', notes: '=HYPERLINK("http://evil")', chat: "'@ana" }) },
      { id: 'con-gone001', ...person({ name: 'Gone', removed: true }) },
    ];
    const csv = contactsToCsv(contacts);
    expect(csv.split('\r\n')[0]).toBe('id,type,name,roles,phone,email,chat,timezone,provides,support_url,account_id,tier,notes');
    expect(csv).toContain(`'+1 555 0100`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).not.toContain('Gone');
    const back = parseContactsCsv(csv);
    expect(back.ok && back.contacts.map((c) => ({ id: c.id, ...c.fields }))).toEqual([contacts[1], contacts[0]]);
    expect(planContactsImport(back.ok ? back.contacts : [], contacts)).toEqual({ create: [], update: [], unchanged: 2 });
  });

  it('guards every formula start and keeps a leading quote exact', () => {
    for (const value of ['=1', '+1', '-1', '@a', '\tx', "'=1", "''+x", "'plain", 'plain', '']) expect(unguardFormula(guardFormula(value))).toBe(value);
    expect(guardFormula('-5')).toBe("'-5");
    expect(guardFormula("'plain")).toBe("'plain");
  });

  it.each([
    ['name,phone\nAna,1\nBen\n', 3, /1 fields where the header has 2/],
    ['name,colour\nAna,red\n', 1, /unknown column "colour"/],
    ['phone\n1\n', 1, /no "name" column/],
    ['name,type\nAna,robot\n', 2, /neither person nor vendor/],
    ['name,email\nAna,ana@x.io\nBen,not an email\n', 3, /email: an email address/],
    ['name,support_url\nEvil,javascript:alert(1)\n', 2, /support URL starts with http/],
    ['name\nAna\n,\nana\n', 4, /same contact as line 2/],
    ['name\n""\n', null, null],
    ['id,name\nNOT AN ID,Ana\n', 2, /not an id/],
    ['', 1, /empty/],
  ])('refuses a malformed file naming its line: %j', (text, line, error) => {
    const result = parseContactsCsv(text);
    if (line === null) return expect(result).toEqual({ ok: true, contacts: [] });
    expect(result).toMatchObject({ ok: false, line });
    if (!result.ok) expect(result.error).toMatch(error!);
  });

  it('plans updates for known contacts (by id, or type and name) and creates the rest', () => {
    const existing: ContactExport[] = [{ id: 'con-person1', ...person({ phone: '1' }) }];
    const parsed = parseContactsCsv('type,name,phone\nperson,ana pereira,2\nvendor,Ana Pereira,3\n');
    const plan = planContactsImport(parsed.ok ? parsed.contacts : [], existing);
    expect(plan.update).toEqual([{ id: 'con-person1', fields: { name: 'ana pereira', phone: '2' } }]);
    expect(plan.create.map((c) => c.fields.kind)).toEqual(['vendor']);
  });
});
