import { describe, expect, it } from 'vitest';
import { allRoleKeys, newTeamRole, resolveRole, TeamRoles } from '../../../../shared/contacts/teamRoles.ts';

const DBA = { id: 'database-administrator', name: 'Database administrator', description: '' };

describe('team roles', () => {
  it('are validated: id from the name, no built-in name, no duplicate', () => {
    expect(newTeamRole('Database administrator', '', [])).toEqual({ ok: true, roles: [DBA] });
    expect(newTeamRole('IC', '', [])).toEqual({ ok: false, error: '"IC" is a built-in role' });
    expect(newTeamRole('database  Administrator', '', [DBA])).toMatchObject({ ok: false, error: /twice/ });
    expect(newTeamRole('!!', '', [])).toMatchObject({ ok: false });
    expect(TeamRoles.safeParse([{ ...DBA, id: 'dba' }]).success).toBe(false);
  });

  it('resolve by name beside the built-in ones', () => {
    expect(resolveRole('database administrator', [DBA])).toEqual({ team: DBA });
    expect(resolveRole('comms', [DBA])).toEqual({ builtin: 'communications-lead' });
    expect(resolveRole('legal', [DBA])).toBeNull();
    expect(allRoleKeys([DBA])).toContain('team:database-administrator');
  });
});
