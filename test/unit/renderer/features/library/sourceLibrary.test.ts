import { describe, expect, it } from 'vitest';
import { sourceLibrary } from '../../../../../renderer/features/library/sourceLibrary.ts';
import { parseRunbook } from '../../../../../shared/runbooks/parse.ts';

const source = (id: string) => `---\nid: ${id}\n---\n# Runbook ${id}\n\n## Triage\n- [ ] Look (role: ic)\n`;

/** A runbook library whose parser counts its calls. */
function counted() {
  const calls: string[] = [];
  const library = sourceLibrary('settings.runbook', [], (text: string) => (calls.push(text), parseRunbook(text)), (parsed) => (parsed.ok ? parsed.runbook : null));
  return { library, calls };
}

describe('a source library', () => {
  it('parses each synced source once, however often the page renders', () => {
    const { library, calls } = counted();
    const sources = [source('aa'), source('bb')];
    for (let render = 0; render < 50; render++) expect(library.entries(sources).map((e) => e.item.id)).toEqual(['aa', 'bb']);
    expect(calls).toHaveLength(2);
  });

  it('parses a changed source again, and a source that does not parse only once too', () => {
    const { library, calls } = counted();
    library.entries([source('aa'), 'not a runbook']);
    library.entries([source('aa'), 'not a runbook']);
    expect(library.entries([source('ab'), 'not a runbook']).map((e) => e.item.id)).toEqual(['ab']);
    expect(calls).toEqual([source('aa'), 'not a runbook', source('ab')]);
  });

  it('remembers a bounded number of sources, the oldest forgotten first', () => {
    const { library, calls } = counted();
    const many = Array.from({ length: 300 }, (_, i) => source(`r${i}`));
    library.entries(many);
    library.entries(many.slice(-200));
    expect(calls).toHaveLength(300);
    library.entries(many.slice(0, 1));
    expect(calls).toHaveLength(301);
  });
});
