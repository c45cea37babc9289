/**
 * `npx tsx tests/tools/make-icons.ts`: draws the app icons (a page with lines of text, one of them
 * highlighted) as PNG files in public/icons/, so no image tool is needed. Run again after a change.
 */
import { writeFileSync } from 'node:fs';
import { rgbPng, type Rgb } from './png.ts';

const BACKGROUND: Rgb = [0x1c, 0x19, 0x17];
const PAPER: Rgb = [0xfa, 0xfa, 0xf9];
const INK: Rgb = [0x78, 0x71, 0x6c];
const HIGHLIGHT: Rgb = [0xfc, 0xd3, 0x4d];

const png = (size: number, pixel: (x: number, y: number) => Rgb) => rgbPng(size, size, pixel);

/** The icon in unit coordinates; `inset` shrinks the drawing into a maskable icon's safe zone. */
function icon(size: number, inset: number) {
  return (px: number, py: number): Rgb => {
    const x = (px / size - inset) / (1 - 2 * inset);
    const y = (py / size - inset) / (1 - 2 * inset);
    const inPage = x > 0.2 && x < 0.8 && y > 0.14 && y < 0.86;
    if (!inPage) return BACKGROUND;
    const lines = [0.28, 0.4, 0.52, 0.64, 0.74];
    for (const [index, top] of lines.entries()) {
      const right = index === lines.length - 1 ? 0.56 : 0.7;
      if (y > top && y < top + 0.05 && x > 0.3 && x < right) return index === 1 || index === 2 ? HIGHLIGHT : INK;
    }
    return PAPER;
  };
}

for (const size of [192, 512]) writeFileSync(`public/icons/icon-${size}.png`, png(size, icon(size, 0)));
writeFileSync('public/icons/icon-maskable-512.png', png(512, icon(512, 0.1)));
writeFileSync('public/icons/apple-touch-icon.png', png(180, icon(180, 0.06)));
console.log('icons written to public/icons/');
