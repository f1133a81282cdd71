import { describe, expect, it } from 'vitest';
import { STATUS_TEMPLATES } from '../../../../shared/comms/statusTemplates.ts';
import { checkTemplateBody, MAX_TEMPLATE_BODY, MAX_TEMPLATE_LINE, parseTemplateFile, serializeTemplateFile, statusTemplateLibrary } from '../../../../shared/comms/templateSource.ts';

describe('a team status template body', () => {
  it('accepts plain text and Markdown with known placeholders', () => {
    expect(checkTemplateBody('# Update\n\n- Status: {{ status }}\n- Updates: {{channel}}')).toEqual({ ok: true });
  });

  it('refuses an unknown placeholder, naming its line', () => {
    expect(checkTemplateBody('Status: {{status}}\nOwner: {{owner}}')).toEqual({ ok: false, errors: [{ line: 2, message: 'unknown placeholder {{owner}}' }] });
  });

  it('refuses a {{ not closed on its line, even when a later line closes one', () => {
    const checked = checkTemplateBody('Status: {{status\nNext: }} {{eta}}');
    expect(checked).toEqual({ ok: false, errors: [{ line: 1, message: '"{{status" opens {{ with no }} on the same line' }] });
  });

  it('refuses an over-long line by its number, and an over-long or empty body', () => {
    const long = checkTemplateBody(`ok\n${'x'.repeat(MAX_TEMPLATE_LINE + 1)}`);
    expect(long).toEqual({ ok: false, errors: [{ line: 2, message: `the line is over ${MAX_TEMPLATE_LINE} characters` }] });
    expect(checkTemplateBody('x'.repeat(MAX_TEMPLATE_BODY + 1)).ok).toBe(false);
    expect(checkTemplateBody(' \n ').ok).toBe(false);
  });

  it('scans a hostile body in linear time (many {{ with one }} at the end)', () => {
    const body = `${'{{\n'.repeat(2_600)}}}`;
    const started = performance.now();
    for (let i = 0; i < 20; i++) checkTemplateBody(body);
    // A budget, like the parser fuzz's, generous for a loaded CI machine (about 30 ms here when
    // idle); a backtracking scan of this body takes seconds per run.
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('a status template file', () => {
  const file = serializeTemplateFile({ id: 'customer-update', name: 'Customer update', body: 'Status: {{status}}\nUpdates: {{channel}}' });

  it('reads back what was written', () => {
    expect(parseTemplateFile(file)).toEqual({ ok: true, template: { id: 'customer-update', name: 'Customer update', body: 'Status: {{status}}\nUpdates: {{channel}}' } });
  });

  it('names the file line of a body problem (under the header)', () => {
    const bad = '---\nid: notice\nname: Notice\n---\nStatus: {{status}}\nOwner: {{owner}}\n';
    expect(parseTemplateFile(bad)).toEqual({ ok: false, errors: [{ line: 6, message: 'unknown placeholder {{owner}}' }] });
  });

  it('refuses a file with no header, a bad id or no name', () => {
    expect(parseTemplateFile('Status: {{status}}')).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    expect(parseTemplateFile('---\nid: Not A Slug\nname: X\n---\nbody')).toMatchObject({ ok: false, errors: [{ line: 2 }] });
    expect(parseTemplateFile('---\nid: x\n---\nbody')).toMatchObject({ ok: false, errors: [{ line: 1, message: expect.stringContaining('no name') }] });
  });
});

describe('the status template library', () => {
  it('lets the team override a built-in by id, keeping its place, and add its own after', () => {
    const library = statusTemplateLibrary([
      { id: 'customer-update', name: 'Our customer update', source: 'We are on it. {{status}}' },
      { id: 'vendor-notice', name: 'Vendor notice', source: 'Ticket for {{services}}' },
    ]);
    expect(library.map((t) => t.id)).toEqual([...STATUS_TEMPLATES.map((t) => t.id), 'vendor-notice']);
    expect(library.find((t) => t.id === 'customer-update')).toEqual({ id: 'customer-update', name: 'Our customer update', body: 'We are on it. {{status}}', builtIn: false });
  });

  it('leaves out a synced body that does not validate, so filling never throws', () => {
    const library = statusTemplateLibrary([{ id: 'update', name: 'Broken', source: '{{owner}}' }, { id: 'Bad Id', name: 'x', source: '{{status}}' }]);
    expect(library).toEqual(STATUS_TEMPLATES);
  });
});
