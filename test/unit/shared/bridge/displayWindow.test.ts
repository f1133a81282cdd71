import { describe, expect, it } from 'vitest';
import { DisplayView, displayWindowUrl, isDisplayWindow } from '../../../../shared/bridge/displayWindow.ts';

describe('the display window', () => {
  it("is the app's own page marked as the display, on the board or an incident, keeping the profile", () => {
    expect(displayWindowUrl('app://warroom/index.html', { view: 'board' })).toBe('app://warroom/index.html?window=display#/');
    expect(displayWindowUrl('http://localhost:5173/?db=warroom-ben#/actions', { view: 'incident', incident: 'inc-abcdef' })).toBe('http://localhost:5173/?db=warroom-ben&window=display#/incident/inc-abcdef');
    expect(displayWindowUrl('http://localhost:5173/?window=display', { view: 'board' })).toBe('http://localhost:5173/?window=display#/');
  });

  it('is recognised by its query, and only by it', () => {
    expect(isDisplayWindow('?window=display')).toBe(true);
    expect(isDisplayWindow('?db=x&window=display')).toBe(true);
    expect(isDisplayWindow('?window=displayed')).toBe(false);
    expect(isDisplayWindow('')).toBe(false);
  });

  it('takes only a board or a well-formed incident id from the page (nothing that could leave the app)', () => {
    expect(DisplayView.safeParse({ view: 'incident', incident: 'inc-abcdef' }).success).toBe(true);
    for (const bad of [{ view: 'incident', incident: '../../etc' }, { view: 'incident', incident: 'x#/y' }, { view: 'url', url: 'https://evil.example' }, { view: 'board', extra: 1 }]) {
      expect(DisplayView.safeParse(bad).success).toBe(false);
    }
  });
});
