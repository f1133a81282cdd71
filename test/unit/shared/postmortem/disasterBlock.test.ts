import { describe, expect, it } from 'vitest';
import { disasterBlock } from '../../../../shared/postmortem/disasterBlock.ts';
import { incident, iso } from '../../support/incidentFields.ts';

const declared = { disasterDeclaredAt: iso(30), disasterApprovedBy: 'Dana | CTO', disasterRtoMinutes: 60, disasterRpoMinutes: 5 };

describe('disasterBlock', () => {
  it('is empty when no disaster was declared', () => {
    expect(disasterBlock(incident())).toEqual([]);
  });

  it('lists the approval, the objectives and a restoration after the RTO', () => {
    const lines = disasterBlock(incident({ ...declared, disasterRestoredAt: iso(95) }));
    expect(lines[0]).toBe('## Disaster recovery');
    expect(lines).toContain('| Approved by | Dana \\| CTO |');
    expect(lines).toContain('| RTO | 60 min |');
    expect(lines).toContain('| RPO | 5 min |');
    expect(lines.find((l) => l.startsWith('| Services restored'))).toMatch(/after the RTO \|$/);
  });

  it('records a stand-down and its reason', () => {
    const lines = disasterBlock(incident({ ...declared, disasterStoodDownAt: iso(45), disasterStandDownReason: 'Primary came back' }));
    expect(lines).toContain('| Stand-down reason | Primary came back |');
    expect(lines.find((l) => l.startsWith('| Services restored'))).toBe('| Services restored | not restored |');
  });
});
