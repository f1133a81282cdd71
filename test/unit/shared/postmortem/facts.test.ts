import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../../../shared/entities/index.ts';
import { rolesText } from '../../../../shared/postmortem/facts.ts';

describe('rolesText', () => {
  it('lists the built-in roles in the plans’ order, then the team’s own under their assigned names', () => {
    const incident = { roles: { scribe: 'Carol', 'incident-commander': 'Alice' }, teamRoles: { 'database-administrator': { name: 'Database administrator', person: 'Dee' } } } as unknown as IncidentView;
    expect(rolesText(incident)).toBe('Incident commander: Alice; Scribe: Carol; Database administrator: Dee');
    expect(rolesText({ roles: {} } as unknown as IncidentView)).toBe('none assigned');
  });
});
