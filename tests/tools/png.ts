import { crc32, deflateSync } from 'node:zlib';

// The one PNG writer the tools share: the app icons (make-icons.ts) and the PNG renamed .txt among
// the hostile seeds (make-hostile-seeds.ts). No image library is needed for either.

export type Rgb = readonly [number, number, number];

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

const uint32 = (value: number): Uint8Array => Uint8Array.of(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typeAndData = concat(new TextEncoder().encode(type), data);
  return concat(uint32(data.length), typeAndData, uint32(crc32(typeAndData)));
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** zlib data as one "stored" (uncompressed) block: bytes that do not depend on the zlib version. Up to 65,535 bytes. */
export function storedZlib(raw: Uint8Array): Uint8Array {
  const length = Uint8Array.of(raw.length & 0xff, raw.length >>> 8, ~raw.length & 0xff, (~raw.length >>> 8) & 0xff);
  return concat(Uint8Array.of(0x78, 0x01, 0x01), length, raw, uint32(adler32(raw)));
}

/** An 8-bit RGB PNG of `width`×`height` pixels, its pixel data compressed by `compress` (deflate by default). */
export function rgbPng(width: number, height: number, pixel: (x: number, y: number) => Rgb, compress: (raw: Uint8Array) => Uint8Array = deflateSync): Uint8Array {
  const stride = width * 3 + 1;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y += 1) {
    rows[y * stride] = 0; // filter: none
    for (let x = 0; x < width; x += 1) rows.set(pixel(x, y), y * stride + 1 + x * 3);
  }
  const header = concat(uint32(width), uint32(height), Uint8Array.of(8, 2, 0, 0, 0)); // 8-bit RGB
  return concat(PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', compress(rows)), chunk('IEND', new Uint8Array()));
}
