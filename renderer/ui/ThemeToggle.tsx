/**
 * The light/dark switch as one glyph: the top bar must fit one line at 1280 px. Its name says
 * what a press does ("Light theme" while dark), as the palette's command does.
 */
export function ThemeToggle({ theme, onToggle }: { theme: 'dark' | 'light'; onToggle(): void }) {
  const name = theme === 'dark' ? 'Light theme' : 'Dark theme';
  return (
    <button type="button" className="icon-button" onClick={onToggle} aria-label={name} title={name}>
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
    </button>
  );
}
