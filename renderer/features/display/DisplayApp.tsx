import { useEffect } from 'react';
import { routeHash, useUi } from '../../app/store.ts';
import { useOperator } from '../../db/hooks.ts';
import { ThemeToggle } from '../../ui/ThemeToggle.tsx';
import { Board } from '../board/Board.tsx';
import { DisplayIncident } from './DisplayIncident.tsx';

/**
 * The display window (projector, second monitor): the live board or one incident's timeline,
 * large, from the same database as the laptop's window. It only reads: no sync, backups,
 * exercise injects or reminders run here (the laptop's window runs them once).
 */
export function DisplayApp() {
  const operator = useOperator();
  const { route, theme, projector, toggleTheme, syncRouteFromHash } = useUi();
  // Projector style from the start (no chrome, large type); the board's "Projector mode" turns it off.
  useEffect(() => useUi.setState({ projector: true }), []);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
    document.documentElement.classList.toggle('projector', projector);
    document.title = 'War Room · display';
  }, [theme, projector]);
  useEffect(() => {
    window.addEventListener('hashchange', syncRouteFromHash);
    return () => window.removeEventListener('hashchange', syncRouteFromHash);
  }, [syncRouteFromHash]);

  if (operator === undefined) return null;
  return (
    <div className="display-app">
      <header className="topbar">
        <a className="brand" href={routeHash({ name: 'incidents' })}>
          War Room · display
        </a>
        <span className="spacer" />
        <ThemeToggle theme={theme} onToggle={toggleTheme} />
      </header>
      <main className="content display">{route.name === 'incident' ? <DisplayIncident id={route.id} /> : <Board operator={operator ?? ''} display />}</main>
    </div>
  );
}
