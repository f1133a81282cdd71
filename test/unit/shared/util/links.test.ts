import { describe, expect, it } from 'vitest';
import { isPlainMailto, isSafeLinkUrl, urlScheme } from '../../../../shared/util/links.ts';

describe('urlScheme', () => {
  it.each([
    ['https://example.com', 'https'],
    ['HTTPS://example.com', 'https'],
    [' \u0001JaVa\tScRiPt:alert(1)', 'javascript'],
    ['java\nscript:alert(1)', 'javascript'],
    ['vbscript:msgbox', 'vbscript'],
    ['data:text/html,<script>', 'data'],
    ['/relative', null],
    ['#anchor', null],
    ['', null],
    ['1http:x', null],
  ])('%j has scheme %j', (url, scheme) => {
    expect(urlScheme(url)).toBe(scheme);
  });
});

describe('isPlainMailto', () => {
  it.each(['mailto:a@example.com', 'mailto:?to=a@example.com&subject=x', 'mailto:a@example.com?Subject=x&Body=y&CC=b@example.com&TO=c@example.com', 'mailto:a@example.com?&subject=x&'])(
    'keeps %s',
    (url) => expect(isPlainMailto(url)).toBe(true),
  );
  it.each([
    'mailto:?attach=/etc/passwd',
    'mailto:a@example.com?subject=x&attach=~/.ssh/id_rsa',
    'mailto:a@example.com?%41ttach=x',
    'mailto:a@example.com?bcc=b@example.com',
    'mailto:a@example.com?subject=x;attach=y',
    'mailto:a@example.com?%ZZ=1',
    'https://example.com/?to=a',
  ])('refuses %s', (url) => expect(isPlainMailto(url)).toBe(false));
});

describe('isSafeLinkUrl', () => {
  it.each(['http://example.com', 'https://example.com/a?b#c', ' HTTPS://example.com', 'mailto:a@example.com?subject=x'])('keeps %s', (url) =>
    expect(isSafeLinkUrl(url)).toBe(true),
  );
  it.each(['javascript:alert(1)', 'jav\tascript:alert(1)', 'vbscript:x', 'file:///etc/passwd', 'data:text/html,<script>alert(1)</script>', 'mailto:?attach=x', '/relative', '#top', 'xmpp:a@example.com', ''])(
    'refuses %j',
    (url) => expect(isSafeLinkUrl(url)).toBe(false),
  );
});
