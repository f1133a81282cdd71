/**
 * A template body cut into text and `{{placeholder}}`s, in one left-to-right pass with no pattern
 * (team templates are synced text: a crafted body must not make a regular expression backtrack).
 *
 * A placeholder opens with `{{` and closes with the next `}}` on the same line; its name is what
 * lies between, trimmed. A `{{` with no `}}` after it on its line is "unclosed"; a lone `}}` is text.
 */
export type TemplatePiece =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; name: string; line: number }
  | { kind: 'unclosed'; text: string; line: number };

export function scanPlaceholders(body: string): TemplatePiece[] {
  const pieces: TemplatePiece[] = [];
  let at = 0;
  let line = 1;
  let lineCountedTo = 0;
  // The next `}}` found so far: reused while it lies ahead, so no stretch is searched twice.
  let close = -2;
  let lineEnd = -1;
  const lineAt = (index: number): number => {
    for (let i = lineCountedTo; i < index; i++) if (body.charCodeAt(i) === 10) line++;
    lineCountedTo = Math.max(lineCountedTo, index);
    return line;
  };
  while (at < body.length) {
    const open = body.indexOf('{{', at);
    if (open === -1) break;
    if (open > at) pieces.push({ kind: 'text', text: body.slice(at, open) });
    const openLine = lineAt(open);
    if (close !== -1 && close < open + 2) close = body.indexOf('}}', open + 2);
    if (lineEnd < open) {
      lineEnd = body.indexOf('\n', open);
      if (lineEnd === -1) lineEnd = body.length;
    }
    if (close === -1 || close > lineEnd) {
      pieces.push({ kind: 'unclosed', text: body.slice(open, lineEnd), line: openLine });
      at = lineEnd;
      continue;
    }
    pieces.push({ kind: 'placeholder', name: body.slice(open + 2, close).trim(), line: openLine });
    at = close + 2;
  }
  if (at < body.length) pieces.push({ kind: 'text', text: body.slice(at) });
  return pieces;
}
