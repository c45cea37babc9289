import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../tests/fixtures/seeds');
const fixture = (name: string): Uint8Array => readFileSync(path.join(FIXTURES, name));
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('reads plain UTF-8 as UTF-8 without warnings', () => {
    expect(decodeText(utf8('Zürich — “quoted” 東京'))).toEqual({ text: 'Zürich — “quoted” 東京', encoding: 'utf-8', warnings: [] });
  });

  it('drops a leading UTF-8 byte-order mark', () => {
    const decoded = decodeText(fixture('01-utf8-bom.txt'));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.startsWith('Headline after a byte-order mark\n')).toBe(true);
    expect(decoded.warnings).toEqual([]);
  });

  it('keeps a second, stray byte-order mark as text', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41)).text).toBe('\uFEFFA');
  });

  it('gives an empty string for zero bytes', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', warnings: [] });
  });

  it('gives an empty string for a file that is only a UTF-8 byte-order mark', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf)).text).toBe('');
  });

  it('reads UTF-16 LE when the file starts with FF FE', () => {
    const decoded = decodeText(fixture('07-utf16le.txt'));
    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.text).toBe('Zürich headline in UTF-16\nFirst paragraph: “quoted” and naïve.\nSecond paragraph — with a dash.\n');
    expect(decoded.warnings).toEqual([]);
  });

  it('reads UTF-16 BE when the file starts with FE FF', () => {
    const decoded = decodeText(fixture('08-utf16be.txt'));
    expect(decoded.encoding).toBe('utf-16be');
    expect(decoded.text).toBe('Zürich headline in UTF-16\nFirst paragraph: “quoted” and naïve.\nSecond paragraph — with a dash.\n');
  });

  it('does not treat a lone FF or FE byte as a UTF-16 byte-order mark', () => {
    expect(decodeText(bytes(0xff, 0x41)).encoding).toBe('windows-1252');
    expect(decodeText(bytes(0xfe, 0x41)).encoding).toBe('windows-1252');
  });

  it('reads bytes that are not valid UTF-8 as Windows-1252, with a warning', () => {
    const decoded = decodeText(fixture('06-windows-1252.txt'));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.warnings).toEqual(['not valid UTF-8; read as Windows-1252']);
    expect(decoded.text.split('\r\n')[1]).toBe('The café on the corner raised its prices again.');
  });

  it('maps the Windows-1252 curly-quote bytes 0x93 and 0x94 to “ and ”', () => {
    expect(decodeText(fixture('06-windows-1252.txt')).text.split('\r\n')[0]).toBe('Café owners say “enough”');
  });

  it('maps the Windows-1252 bytes 0x80, 0x85, 0x92 and 0x96 to €, …, ’ and –', () => {
    expect(decodeText(bytes(0x80, 0x85, 0x92, 0x96)).text).toBe('€…’–');
  });

  it('maps every byte as the WHATWG Windows-1252 index does', () => {
    // 0x80–0x9F per https://encoding.spec.whatwg.org/index-windows-1252.txt; every other byte is its own code point.
    const high = [
      0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
      0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
    ];
    const all = Array.from({ length: 256 }, (_, byte) => byte);
    // 0x80 first makes the bytes invalid UTF-8 at once.
    const order = [...all.slice(0x80), ...all.slice(0, 0x80)];
    const decoded = decodeText(Uint8Array.from(order));
    expect(decoded.encoding).toBe('windows-1252');
    const expected = order.map((byte) => (byte >= 0x80 && byte <= 0x9f ? (high[byte - 0x80] ?? -1) : byte));
    expect([...decoded.text].map((char) => char.codePointAt(0))).toEqual(expected);
  });

  it('reads a UTF-8 file with a truncated multi-byte sequence as Windows-1252', () => {
    const decoded = decodeText(bytes(0x63, 0x61, 0x66, 0xc3));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe('cafÃ');
  });
});
