import { describe, expect, it } from 'vitest';
import { escapeHtml, STATUS_PAGE_CSP, statusPageHtml, statusPageMarkdown, statusPageOf, type StatusPageIncident } from '../../../../shared/comms/statusPage.ts';

const customers = { id: 'customers', name: 'Customers', channel: 'status page', customerFacing: true };
const staff = { id: 'stakeholders', name: 'Stakeholders', channel: '#incidents', customerFacing: false };
const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

const checkout: StatusPageIncident = {
  incident: { id: 'inc-aaaaaa', ref: 'INC-2026-K7QM-0042', title: 'Checkout is slow', status: 'monitoring' },
  entries: [
    { text: 'We are investigating slow checkout.', eventAt: at(5), struck: null, audience: customers },
    { text: 'Internal: the DB primary failed over', eventAt: at(10), struck: null, audience: staff },
    { text: 'A fix is rolling out.', eventAt: at(20), struck: null, audience: customers },
    { text: 'Wrong incident', eventAt: at(25), struck: { actor: 'Ana', reason: 'wrong incident' }, audience: customers },
    { text: 'A note', eventAt: at(26), struck: null },
  ],
};
const quiet: StatusPageIncident = { incident: { id: 'inc-bbbbbb', title: 'Internal only', status: 'investigating' }, entries: [{ text: 'x', eventAt: at(1), struck: null, audience: staff }] };

describe('the status page', () => {
  it('takes only customer-facing updates that stand, newest first, and leaves out incidents with none', () => {
    expect(statusPageOf([checkout, quiet])).toEqual({
      incidents: [{ label: 'INC-2026-K7QM-0042', title: 'Checkout is slow', status: 'Monitoring', updates: [{ at: at(20), text: 'A fix is rolling out.' }, { at: at(5), text: 'We are investigating slow checkout.' }] }],
      leftOut: ['inc-bbbbbb'],
    });
  });

  it('is one static HTML page with the CSP, no script and no remote asset', () => {
    const html = statusPageHtml(statusPageOf([checkout]), { generatedAt: at(30) });
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${STATUS_PAGE_CSP}">`);
    expect(STATUS_PAGE_CSP).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|\bsrc=|\bhref=|@import|url\(/i);
    expect(html).toContain('<time datetime="2026-03-01T10:20:00.000Z">2026-03-01 10:20 UTC</time><p class="text">A fix is rolling out.</p>');
    expect(html.indexOf('A fix is rolling out.')).toBeLessThan(html.indexOf('We are investigating'));
    expect(html).not.toContain('Internal');
  });

  it('escapes every text: a crafted title or update cannot inject markup', () => {
    const crafted: StatusPageIncident = {
      incident: { id: 'inc-cccccc', title: '<img src=x onerror=alert(1)>', status: 'resolved' },
      entries: [{ text: '</p><script>alert(1)</script>"\'&', eventAt: at(1), struck: null, audience: customers }],
    };
    const html = statusPageHtml(statusPageOf([crafted]), { title: '<b>Status</b>', generatedAt: at(2) });
    expect(html).not.toMatch(/<img|<script|<b>/);
    expect(html).toContain('<h2>&lt;img src=x onerror=alert(1)&gt;</h2>');
    expect(html).toContain('&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    expect(escapeHtml('a&<>"\'b')).toBe('a&amp;&lt;&gt;&quot;&#39;b');
  });

  it('says so when no picked incident had a customer-facing update', () => {
    expect(statusPageHtml(statusPageOf([quiet]), { generatedAt: at(2) })).toContain('<p>No incidents to report.</p>');
  });

  it('writes the same page as Markdown, text shown literally', () => {
    const md = statusPageMarkdown(statusPageOf([checkout, { ...quiet, incident: { ...quiet.incident, title: '# x' } }]), { generatedAt: at(30) });
    expect(md).toBe(
      [
        '# Service status',
        '',
        'Updated 2026-03-01 10:30 UTC',
        '',
        '## Checkout is slow',
        '',
        '**Monitoring** · INC-2026-K7QM-0042',
        '',
        '- **2026-03-01 10:20 UTC**: A fix is rolling out.',
        '- **2026-03-01 10:05 UTC**: We are investigating slow checkout.',
        '',
      ].join('\n'),
    );
    const crafted = statusPageMarkdown(statusPageOf([{ incident: { id: 'inc-dddddd', title: '<img src=x onerror=alert(1)>', status: 'resolved' }, entries: [{ text: '<script>x</script>\n[a](javascript:x)', eventAt: at(1), struck: null, audience: customers }] }]), { generatedAt: at(2) });
    expect(crafted).not.toMatch(/<img|<script|[^\\]\]\(javascript/);
    expect(crafted).toContain('&lt;script&gt;x&lt;/script&gt;<br>\\[a\\](javascript:x)');
  });
});
