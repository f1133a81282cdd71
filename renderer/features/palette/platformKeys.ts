/** A Mac shows ⌘ where the other systems show Ctrl; the page's own keys accept either. */
export function forPlatform(shortcut: string, platform: string = navigator.platform): string {
  return /^Mac/i.test(platform) ? shortcut.replaceAll('Ctrl+', '⌘') : shortcut;
}
