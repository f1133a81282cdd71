/**
 * The status page export: the customer-facing updates of the incidents the team picks, as one
 * self-contained static HTML page and as Markdown, to publish wherever the team hosts its page.
 *
 * Only updates posted to a customer-facing audience (`entry.audience.customerFacing`) and not
 * struck are shown, newest first, each with its UTC time. An incident with no such update is
 * left out: a status page must not reveal an incident that was never announced publicly
 * (`leftOut` names them, for the person exporting).
 *
 * The HTML carries no script and loads nothing: inline CSS only, and a Content-Security-Policy
 * that forbids everything else, so even a page someone tampers with cannot run or fetch. Every
 * piece of text is HTML-escaped; a crafted title or update shows as text.
 */
import type { IncidentStatus } from '../domain/incident.ts';
import { incidentLabel } from '../domain/incidentRef.ts';
import type { PostedAudience } from './audience.ts';
import { utcOffset } from '../timeline/localTime.ts';
import { formatClock } from '../timeline/timeFormat.ts';
import { markdownCell, markdownInline } from '../timeline/exportTimeline.ts';

export const STATUS_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export interface StatusPageIncident {
  incident: { id: string; ref?: string | null; title: string; status: IncidentStatus };
  entries: readonly { text: string; eventAt: string; struck: unknown; audience?: PostedAudience | null }[];
}

export interface StatusPageUpdate {
  at: string;
  text: string;
}

export interface StatusPage {
  incidents: { label: string; title: string; status: string; updates: StatusPageUpdate[] }[];
  /** The picked incidents that had no customer-facing update, so are not on the page. */
  leftOut: string[];
}

const STATUS_WORDS: Record<IncidentStatus, string> = { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved', closed: 'Resolved' };

const utc = (iso: string) => formatClock(iso, { utc: true, offsetMinutes: utcOffset, withDate: true });

/** What the page shows, before it is written as HTML or Markdown. */
export function statusPageOf(picked: readonly StatusPageIncident[]): StatusPage {
  const page: StatusPage = { incidents: [], leftOut: [] };
  for (const { incident, entries } of picked) {
    const updates = entries
      .filter((entry) => entry.audience?.customerFacing === true && !entry.struck)
      .map((entry) => ({ at: entry.eventAt, text: entry.text.trim() }))
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    if (updates.length === 0) page.leftOut.push(incidentLabel(incident));
    else page.incidents.push({ label: incidentLabel(incident), title: incident.title, status: STATUS_WORDS[incident.status], updates });
  }
  return page;
}

/** Text as HTML: the five characters that can start markup or end an attribute, escaped. */
export function escapeHtml(text: string): string {
  let out = '';
  for (const ch of text) {
    out += ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : ch === "'" ? '&#39;' : ch;
  }
  return out;
}

const STYLE = [
  'body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff;line-height:1.5}',
  'h1{font-size:1.6rem}h2{font-size:1.25rem;margin-bottom:.25rem}',
  '.status{font-weight:600}.id,.generated{color:#555;font-size:.9rem}',
  'ol{list-style:none;padding:0}li{border-left:3px solid #999;padding:.25rem .75rem;margin:.75rem 0}',
  'time{font-weight:600;display:block}.text{white-space:pre-wrap;margin:.25rem 0 0}',
].join('');

/** The page as one static HTML document (no script, no remote asset). */
export function statusPageHtml(page: StatusPage, { title = 'Service status', generatedAt }: { title?: string; generatedAt: string }): string {
  const incidents = page.incidents.map((incident) =>
    [
      '<section>',
      `<h2>${escapeHtml(incident.title)}</h2>`,
      `<p><span class="status">${escapeHtml(incident.status)}</span> <span class="id">${escapeHtml(incident.label)}</span></p>`,
      '<ol>',
      ...incident.updates.map((u) => `<li><time datetime="${escapeHtml(u.at)}">${escapeHtml(utc(u.at))}</time><p class="text">${escapeHtml(u.text)}</p></li>`),
      '</ol>',
      '</section>',
    ].join('\n'),
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${STATUS_PAGE_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="generated">Updated ${escapeHtml(utc(generatedAt))}</p>`,
    ...(incidents.length > 0 ? incidents : ['<p>No incidents to report.</p>']),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The same page as Markdown (text shown literally: no markup from an update survives). */
export function statusPageMarkdown(page: StatusPage, { title = 'Service status', generatedAt }: { title?: string; generatedAt: string }): string {
  const lines = [`# ${markdownCell(title)}`, '', `Updated ${utc(generatedAt)}`];
  if (page.incidents.length === 0) lines.push('', 'No incidents to report.');
  for (const incident of page.incidents) {
    lines.push('', `## ${markdownCell(incident.title)}`, '', `**${incident.status}** · ${markdownCell(incident.label)}`, '');
    for (const update of incident.updates) lines.push(`- **${utc(update.at)}**: ${markdownInline(update.text)}`);
  }
  return `${lines.join('\n')}\n`;
}
