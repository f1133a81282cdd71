/** Lower case, every run of anything but a–z and 0–9 turned into one `-`: "Post incident" → "post-incident". */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
