import { describe, expect, it } from 'vitest';
import { summarizeImport, type ImportContext } from '../../../../shared/backup/importSummary.ts';
import { chainOf, DEV_A, DEV_B } from '../../support/chains.ts';
import { CRAFTER, craftedArchive } from '../../support/craftedArchive.ts';

const VICTIM = 'ab12ab12ab12ab12';
const context = (changes: Partial<ImportContext> = {}): ImportContext => ({
  ownDevice: VICTIM,
  ownDeviceName: 'Ana’s laptop',
  known: new Set(),
  incidentTitles: new Map(),
  existingSettings: new Set(['severity-scheme', 'phase-names', 'runbook:security-incident']),
  ...changes,
});

describe('summarizeImport: what a .warroom file would change, before anything is written', () => {
  it('a crafted file: the op under this laptop’s own id is refused by op id; the rest is named by device, person, incident and team setting', () => {
    const { ops } = craftedArchive(VICTIM, 'Ana Scribe');
    const forged = ops[3]!;
    expect(summarizeImport(ops, context())).toEqual({
      total: 4,
      alreadyHere: 0,
      adding: 3,
      devices: [{ id: CRAFTER, ops: 3, actors: ['Mallory'] }],
      actors: [{ name: 'Mallory', ops: 3 }],
      incidents: [{ id: 'inc-crafted1', title: 'Crafted outage', ops: 1 }],
      settings: [
        { key: 'phase-names', kind: 'phase names', id: null, change: 'replaces' },
        { key: 'runbook:security-incident', kind: 'runbook', id: 'security-incident', change: 'replaces' },
      ],
      refused: [{ id: forged.id, hash: forged.hash, reason: `claims this laptop’s own device id ${VICTIM} (“Ana’s laptop”), under which only this laptop writes` }],
    });
  });

  it('an op of this laptop’s own that is already here is no forgery: it counts as already here, like any other', () => {
    const own = chainOf(VICTIM, 3);
    const other = chainOf(DEV_A, 2);
    const summary = summarizeImport([...own, ...other], context({ known: new Set([...own, other[0]!].map((op) => op.hash)) }));
    expect(summary).toMatchObject({ total: 5, alreadyHere: 4, adding: 1, refused: [], devices: [{ id: DEV_A, ops: 1, actors: ['Ana'] }] });
  });

  it('names incidents by the title known here, else the file’s, else by id; settings added, replaced and removed are told apart', () => {
    const { ops } = craftedArchive(VICTIM, 'Ana Scribe');
    const entries = chainOf(DEV_B, 2); // entries of inc-aaaaaa, which nothing here or in the file names
    const summary = summarizeImport([...entries, ...ops.slice(0, 3)], context({ existingSettings: new Set(), incidentTitles: new Map([['inc-crafted1', 'Known here']]) }));
    expect(summary.incidents).toEqual([
      { id: 'inc-aaaaaa', title: null, ops: 2 },
      { id: 'inc-crafted1', title: 'Known here', ops: 1 },
    ]);
    expect(summary.settings.map((s) => s.change)).toEqual(['adds', 'adds']);
    const removal = { ...ops[1]!, data: { id: 'security-incident', source: null } };
    expect(summarizeImport([removal], context()).settings).toEqual([{ key: 'runbook:security-incident', kind: 'runbook', id: 'security-incident', change: 'removes' }]);
  });

  it('names status templates: replacing a built-in, and removing the team\'s edit', () => {
    const { ops } = craftedArchive(VICTIM, 'Ana Scribe');
    const edit = { ...ops[1]!, kind: 'settings.status-template', data: { id: 'customer-update', template: { name: 'Customer update', source: 'All fine {{status}}' } } };
    const removal = { ...edit, data: { id: 'customer-update', template: null } };
    const here = context({ existingSettings: new Set(['status-template:customer-update']) });
    expect(summarizeImport([edit], here).settings).toEqual([{ key: 'status-template:customer-update', kind: 'status template', id: 'customer-update', change: 'replaces' }]);
    expect(summarizeImport([removal], here).settings).toEqual([{ key: 'status-template:customer-update', kind: 'status template', id: 'customer-update', change: 'removes' }]);
  });
});
