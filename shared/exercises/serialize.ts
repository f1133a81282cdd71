/**
 * Scenarios back to the Markdown of parse.ts: `parseScenario(serializeScenario(s))` gives `s`
 * back for every valid scenario whose item texts do not themselves end like a suffix
 * (`(severity: …)`, `(check: …)`, `{#…}`).
 */
import { checkFromPhrase, phraseOfCheck, sameCheck } from './format.ts';
import { expectedIdAt, injectIdAt, type Scenario } from './scenario.ts';

const pad = (minutes: number): string => String(minutes).padStart(2, '0');

export function serializeScenario(scenario: Scenario): string {
  const out: string[] = [
    '---',
    `id: ${scenario.id}`,
    `type: ${scenario.type}`,
    `severity: ${scenario.severity}`,
    `roles: ${scenario.roles.join(', ')}`,
    '---',
    `# ${scenario.title}`,
    '',
    '## Briefing',
    scenario.briefing,
    '',
    '## Injects',
  ];
  scenario.injects.forEach((inject, i) => {
    const severity = inject.severity === undefined ? '' : ` (severity: ${inject.severity})`;
    const id = inject.id === injectIdAt(i) ? '' : ` {#${inject.id}}`;
    out.push(`- T+${pad(inject.at)} ${inject.kind}: ${inject.text}${severity}${id}`);
  });
  out.push('', '## Expected actions');
  scenario.expected.forEach((action, i) => {
    const read = checkFromPhrase(action.text);
    const check = read.ok && sameCheck(read.check, action.check) ? '' : ` (check: ${phraseOfCheck(action.check)})`;
    const id = action.id === expectedIdAt(i) ? '' : ` {#${action.id}}`;
    out.push(`- ${action.text}${check}${id}`);
  });
  return `${out.join('\n')}\n`;
}
