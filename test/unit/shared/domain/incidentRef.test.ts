import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deviceTag, formatIncidentRef, incidentLabel, IncidentRef, nextIncidentRef, parseIncidentRef, refBelongsTo } from '../../../../shared/domain/incidentRef.ts';
import { foldOps, createOp } from '../../../../shared/entities/index.ts';
import { freshDeviceState } from '../../../../shared/ops/createOp.ts';

const A = '0123456789abcdef';
const B = 'fedcba9876543210';

describe('readable incident ids', () => {
  it('tags a laptop with four Crockford characters of its device id', () => {
    expect(deviceTag(A)).toBe('04HM'); // 0x01234 = 00000 00100 10001 10100
    expect(deviceTag(B)).toBe('ZVEB');
    expect(deviceTag('0000000000000000')).toBe('0000');
    expect(() => deviceTag('not-a-device-id!')).toThrow(/not a device id/);
  });

  it('never uses I, L, O or U, so an id read aloud is unambiguous', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{16}$/), (device) => {
        expect(deviceTag(device)).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
      }),
    );
  });

  it('numbers each laptop from one past its own highest id that year', () => {
    const tag = deviceTag(A);
    expect(nextIncidentRef([], tag, 2026)).toBe(`INC-2026-${tag}-0001`);
    const known = [`INC-2026-${tag}-0041`, `INC-2026-${tag}-0007`, `INC-2025-${tag}-0900`, 'INC-2026-ZVEB-0500', null, 'garbage'];
    expect(nextIncidentRef(known, tag, 2026)).toBe(`INC-2026-${tag}-0042`);
    expect(nextIncidentRef(known, tag, 2027)).toBe(`INC-2027-${tag}-0001`);
    expect(nextIncidentRef([`INC-2026-${tag}-9999`], tag, 2026)).toBe(`INC-2026-${tag}-10000`);
  });

  it('two laptops declaring offline at the same moment mint different ids', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{16}$/), fc.stringMatching(/^[0-9a-f]{16}$/), fc.nat(50), (a, b, already) => {
        fc.pre(a.slice(0, 5) !== b.slice(0, 5) || a === b);
        fc.pre(a !== b);
        const history = Array.from({ length: already }, (_, i) => formatIncidentRef({ year: 2026, tag: deviceTag(a), number: i + 1 }));
        expect(nextIncidentRef(history, deviceTag(a), 2026)).not.toBe(nextIncidentRef(history, deviceTag(b), 2026));
      }),
    );
  });

  it('parses only the exact shape, fast on hostile input', () => {
    expect(parseIncidentRef('INC-2026-0J8T-0042')).toEqual({ year: 2026, tag: '0J8T', number: 42 });
    for (const bad of ['inc-2026-0J8T-0042', 'INC-2026-0I8T-0042', 'INC-2026-0J8T-42', 'INC-2026-0J8T-0042 ', `INC-2026-0J8T-${'9'.repeat(100_000)}`]) {
      expect(parseIncidentRef(bad)).toBeNull();
      expect(IncidentRef.safeParse(bad).success).toBe(false);
    }
  });

  it('a ref counts only when it carries the signing laptop’s own tag', () => {
    expect(refBelongsTo(`INC-2026-${deviceTag(A)}-0001`, A)).toBe(true);
    expect(refBelongsTo(`INC-2026-${deviceTag(B)}-0001`, A)).toBe(false);
  });

  it('the fold drops an id minted in another laptop’s name, keeping the rest of the declaration', () => {
    const declare = (device: string, ref: string) =>
      createOp(freshDeviceState(device), { actor: 'Ana', incident: `inc-${device.slice(0, 6)}`, kind: 'incident.declare', data: { title: 'Checkout down', severity: 'P1', type: 'availability', declaredAt: '2026-12-05T08:00:00.000Z', ref } }, Date.UTC(2026, 11, 5, 8)).op;
    const honest = foldOps([declare(A, `INC-2026-${deviceTag(A)}-0001`)]);
    const forged = foldOps([declare(B, `INC-2026-${deviceTag(A)}-0002`)]);
    const view = (docs: ReturnType<typeof foldOps>) => [...docs.values()].find((doc) => doc.table === 'incidents');
    expect(JSON.stringify(view(honest))).toContain(`INC-2026-${deviceTag(A)}-0001`);
    const forgedDoc = view(forged);
    expect(forgedDoc).toBeDefined();
    expect(JSON.stringify(forgedDoc)).not.toContain('INC-2026');
    expect(JSON.stringify(forgedDoc)).toContain('Checkout down');
  });

  it('an incident declared before readable ids is called by its record id', () => {
    expect(incidentLabel({ id: 'inc-0a1b2c3d', ref: null })).toBe('inc-0a1b2c3d');
    expect(incidentLabel({ id: 'inc-0a1b2c3d', ref: 'INC-2026-0J8T-0003' })).toBe('INC-2026-0J8T-0003');
  });
});
