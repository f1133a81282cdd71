import { create } from 'zustand';

export type Route =
  | { name: 'incidents' }
  | { name: 'incident'; id: string }
  | { name: 'postmortem'; id: string }
  | { name: 'exercise'; id: string }
  | { name: 'exercises' }
  | { name: 'actions' }
  | { name: 'contacts' }
  | { name: 'metrics' };
export type Theme = 'dark' | 'light';

/** Hash routes survive a reload: #/, #/incident/<id>, #/incident/<id>/postmortem, #/incident/<id>/exercise, #/exercises, #/actions, #/contacts, #/metrics. */
export function parseRoute(hash: string): Route {
  const match = /^#\/incident\/([0-9a-z-]+)(\/postmortem|\/exercise)?$/.exec(hash);
  if (match) {
    if (match[2] === '/postmortem') return { name: 'postmortem', id: match[1]! };
    if (match[2] === '/exercise') return { name: 'exercise', id: match[1]! };
    return { name: 'incident', id: match[1]! };
  }
  if (hash === '#/exercises') return { name: 'exercises' };
  if (hash === '#/actions') return { name: 'actions' };
  if (hash === '#/contacts') return { name: 'contacts' };
  if (hash === '#/metrics') return { name: 'metrics' };
  return { name: 'incidents' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'incident':
      return `#/incident/${route.id}`;
    case 'postmortem':
      return `#/incident/${route.id}/postmortem`;
    case 'exercise':
      return `#/incident/${route.id}/exercise`;
    case 'exercises':
      return '#/exercises';
    case 'actions':
      return '#/actions';
    case 'contacts':
      return '#/contacts';
    case 'metrics':
      return '#/metrics';
    case 'incidents':
      return '#/';
  }
}

const storedTheme = (): Theme => (localStorage.getItem('warroom.theme') === 'light' ? 'light' : 'dark');

interface UiState {
  route: Route;
  theme: Theme;
  declareOpen: boolean;
  /** Timeline clocks in UTC instead of this laptop's local time. */
  utc: boolean;
  /** Full screen, large type, high contrast: the board on a wall. */
  projector: boolean;
  navigate(route: Route): void;
  syncRouteFromHash(): void;
  toggleTheme(): void;
  setDeclareOpen(open: boolean): void;
  toggleUtc(): void;
  toggleProjector(): void;
}

/** UI-only state (docs/architecture.md#data-path): what is selected and open. Data lives in IndexedDB. */
export const useUi = create<UiState>((set, get) => ({
  route: parseRoute(window.location.hash),
  theme: storedTheme(),
  declareOpen: false,
  utc: localStorage.getItem('warroom.utc') === '1',
  projector: false,
  navigate(route) {
    if (window.location.hash !== routeHash(route)) window.location.hash = routeHash(route);
    set({ route });
  },
  syncRouteFromHash() {
    set({ route: parseRoute(window.location.hash) });
  },
  toggleTheme() {
    const theme: Theme = get().theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem('warroom.theme', theme);
    set({ theme });
  },
  setDeclareOpen(declareOpen) {
    set({ declareOpen });
  },
  toggleProjector() {
    const projector = !get().projector;
    set({ projector });
    // Fullscreen needs a user gesture and may be refused (e.g. in a test browser): the large,
    // high-contrast layout applies either way.
    if (projector && !document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => undefined);
    if (!projector && document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  },
  toggleUtc() {
    const utc = !get().utc;
    localStorage.setItem('warroom.utc', utc ? '1' : '0');
    set({ utc });
  },
}));
