import { describe, expect, it } from 'vitest';
import { forPlatform } from '../../../../../renderer/features/palette/platformKeys.ts';

describe('shortcuts shown for the platform', () => {
  it('shows ⌘ for Ctrl on a Mac and leaves the others as written', () => {
    expect(forPlatform('Ctrl+J', 'MacIntel')).toBe('⌘J');
    expect(forPlatform('Ctrl+Shift+L', 'MacIntel')).toBe('⌘Shift+L');
    expect(forPlatform('Ctrl+J', 'Win32')).toBe('Ctrl+J');
    expect(forPlatform('Alt+N', 'MacIntel')).toBe('Alt+N');
  });
});
