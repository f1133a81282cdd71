import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

/**
 * Draws the app icon for the installers: build/resources/icons/{512x512,256x256}.png.
 * Run `npx tsx build/icons/makeIcons.ts` after changing the drawing; commit the PNGs it writes.
 *
 * The mark is the one the window already shows (renderer/public/icon.svg, a 64-unit box): a dark
 * rounded square, a red ring and white clock hands — the live clocks of the commander's board.
 * Shapes are signed distance functions, so each pixel gets its exact, anti-aliased coverage;
 * the PNG is written with zlib alone (RGBA, 8 bits a channel), and the same input always gives
 * the same bytes.
 */

type Rgb = readonly [number, number, number];

const BACKGROUND: Rgb = [0x0f, 0x14, 0x19];
const RING: Rgb = [0xff, 0x6b, 0x6b];
const HANDS: Rgb = [0xf1, 0xf4, 0xf7];

/** Distance from (x, y) to a rounded square filling the 64-unit box with corner radius r. */
function roundedSquare(x: number, y: number, r: number): number {
  const qx = Math.abs(x - 32) - (32 - r);
  const qy = Math.abs(y - 32) - (32 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance from (x, y) to a stroke of width w along the segment a–b, with round caps. */
function stroke(x: number, y: number, ax: number, ay: number, bx: number, by: number, w: number): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy) - w / 2;
}

/** The icon as straight (not premultiplied) RGBA rows, size × size pixels. */
export function renderIcon(size: number): Buffer {
  const scale = size / 64;
  const pixels = Buffer.alloc(size * size * 4);
  // Coverage of a pixel by a shape whose edge is d units away from the pixel's centre.
  const cover = (d: number) => Math.min(1, Math.max(0, 0.5 - d * scale));
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / scale;
      const y = (py + 0.5) / scale;
      const layers: [Rgb, number][] = [
        [RING, cover(Math.abs(Math.hypot(x - 32, y - 32) - 20) - 2.5)],
        [HANDS, cover(Math.min(stroke(x, y, 32, 18, 32, 34, 5), stroke(x, y, 32, 34, 42, 40, 5)))],
      ];
      let [r, g, b] = BACKGROUND;
      for (const [[lr, lg, lb], a] of layers) {
        r += (lr - r) * a;
        g += (lg - g) * a;
        b += (lb - b) * a;
      }
      const alpha = cover(roundedSquare(x, y, 12));
      const at = (py * size + px) * 4;
      pixels[at] = Math.round(r);
      pixels[at + 1] = Math.round(g);
      pixels[at + 2] = Math.round(b);
      pixels[at + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file of RGBA pixels: one IHDR, one IDAT (every row filter 0), IEND. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, no filter, no interlace
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The sizes written; electron-builder reads the folder as the Linux icon set (NxN.png). */
export const ICON_SIZES = [512, 256] as const;

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const dir = new URL('../resources/icons/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = new URL(`${size}x${size}.png`, dir);
    const png = encodePng(size, size, renderIcon(size));
    writeFileSync(file, png);
    console.warn(`wrote ${file.pathname} (${png.length} bytes)`);
  }
}
