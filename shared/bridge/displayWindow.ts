/**
 * The second window a commander puts on a projector or a second monitor: the live board, or one
 * incident's timeline, in projector style, read from the same database as the laptop's window.
 * The desktop opens it as a second hardened window (`app.openWindow`); the web preview as a tab.
 */
import { z } from 'zod';
import { RecordId } from '../ops/ids.ts';

export const DisplayView = z.discriminatedUnion('view', [
  z.object({ view: z.literal('board') }).strict(),
  z.object({ view: z.literal('incident'), incident: RecordId }).strict(),
]);
export type DisplayView = z.infer<typeof DisplayView>;

/** The query parameter that makes a page the display window. */
export const DISPLAY_PARAM = 'window';
export const DISPLAY_VALUE = 'display';

/** Whether this page was opened as the display window (from its `location.search`). */
export function isDisplayWindow(search: string): boolean {
  return search.replace(/^\?/, '').split('&').includes(`${DISPLAY_PARAM}=${DISPLAY_VALUE}`);
}

/**
 * The display window's address: the app's own page (`entryUrl`, with its other parameters, such
 * as the profile's `db`, kept), marked as the display, on the board or the incident's route.
 */
export function displayWindowUrl(entryUrl: string, view: DisplayView): string {
  const [base = '', query = ''] = entryUrl.split('#', 1)[0]!.split('?', 2);
  const params = query.split('&').filter((param) => param !== '' && !param.startsWith(`${DISPLAY_PARAM}=`));
  params.push(`${DISPLAY_PARAM}=${DISPLAY_VALUE}`);
  const route = view.view === 'incident' ? `#/incident/${view.incident}` : '#/';
  return `${base}?${params.join('&')}${route}`;
}
