import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, ICON_SIZES, renderIcon } from '../../../../build/icons/makeIcons.ts';

/** Width, height and RGBA pixels of a PNG as encodePng writes it (one IDAT, filter 0 rows). */
function decode(png: Buffer): { width: number; height: number; pixel: (x: number, y: number) => number[] } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([png[24], png[25]]).toEqual([8, 6]);
  const idatLength = png.readUInt32BE(33);
  expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
  const rows = inflateSync(png.subarray(41, 41 + idatLength));
  const pixel = (x: number, y: number) => {
    const at = y * (width * 4 + 1) + 1 + x * 4;
    return [...rows.subarray(at, at + 4)];
  };
  return { width, height, pixel };
}

describe('app icon', () => {
  it('draws the mark: transparent corners, dark square, red ring, white hands', () => {
    const { width, height, pixel } = decode(encodePng(64, 64, renderIcon(64)));
    expect([width, height]).toEqual([64, 64]);
    expect(pixel(0, 0)[3]).toBe(0);
    expect(pixel(4, 32)).toEqual([0x0f, 0x14, 0x19, 255]);
    expect(pixel(32, 12)).toEqual([0xff, 0x6b, 0x6b, 255]);
    expect(pixel(32, 26)).toEqual([0xf1, 0xf4, 0xf7, 255]);
  });

  it.each(ICON_SIZES)('the committed %ipx PNG is what makeIcons.ts draws', (size) => {
    const committed = readFileSync(new URL(`../../../../build/resources/icons/${size}x${size}.png`, import.meta.url));
    expect(committed.equals(encodePng(size, size, renderIcon(size)))).toBe(true);
  });
});
