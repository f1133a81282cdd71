/**
 * Which link targets War Room keeps (in exported Markdown) and hands to the OS (the desktop
 * app's shell.openExternal): web pages (http, https) and plain e-mail (mailto:).
 *
 * The scheme is read as a browser's URL parser reads it (WHATWG URL): leading and trailing
 * control characters and spaces are dropped, tabs and line breaks anywhere are removed, and
 * case does not matter, so ` JaVa\tScRiPt:` is `javascript:`. Callers pass the URL already
 * decoded from its Markdown (entities such as `jav&#x61;script:` resolved by the parser).
 */

/** Header fields a mailto: link may set. Others (attach, bcc, from, …) can attach local files or add hidden recipients. */
const MAILTO_FIELDS = new Set(['to', 'cc', 'subject', 'body']);

/** The URL as a browser's parser sees it before reading the scheme. */
function normalized(url: string): string {
  let start = 0;
  let end = url.length;
  while (start < end && url.charCodeAt(start) <= 0x20) start++;
  while (end > start && url.charCodeAt(end - 1) <= 0x20) end--;
  return url.slice(start, end).replace(/[\t\n\r]/g, '');
}

/** The lower-cased scheme (`https`, `mailto`, …); null for a relative URL. */
export function urlScheme(url: string): string | null {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(normalized(url));
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * A mailto: URL whose query sets only to, cc, subject and body (names in any case, even
 * percent-encoded). A `;` in the query is refused: some mail clients split fields on it too.
 */
export function isPlainMailto(url: string): boolean {
  if (urlScheme(url) !== 'mailto') return false;
  // Everything after the first `?`, a `#` included: a mail client may not read fragments as a browser does.
  const text = normalized(url);
  const question = text.indexOf('?');
  if (question === -1) return true;
  const query = text.slice(question + 1);
  if (query.includes(';')) return false;
  return query.split('&').every((field) => {
    if (field === '') return true;
    const equals = field.indexOf('=');
    try {
      return MAILTO_FIELDS.has(decodeURIComponent(equals === -1 ? field : field.slice(0, equals)).toLowerCase());
    } catch {
      return false; // malformed percent-encoding: a mail client might read it any way
    }
  });
}

/** A link War Room keeps: http, https, or a plain mailto:. Relative links and every other scheme are not. */
export function isSafeLinkUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === 'http' || scheme === 'https' || (scheme === 'mailto' && isPlainMailto(url));
}
