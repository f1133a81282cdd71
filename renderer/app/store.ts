import { create } from 'zustand';

export type Route = { name: 'incidents' } | { name: 'incident'; id: string };
export type Theme = 'dark' | 'light';

/** Hash routes survive a reload: #/ and #/incident/<id>. */
export function parseRoute(hash: string): Route {
  const match = /^#\/incident\/([0-9a-z-]+)$/.exec(hash);
  return match ? { name: 'incident', id: match[1]! } : { name: 'incidents' };
}

export function routeHash(route: Route): string {
  return route.name === 'incident' ? `#/incident/${route.id}` : '#/';
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

/** UI-only state (DESIGN.md §2): what is selected and open. Data lives in IndexedDB. */
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
