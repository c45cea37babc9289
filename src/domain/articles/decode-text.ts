/**
 * Turns the bytes of a seed file into text. Scraped files arrive in whatever encoding the scraper
 * wrote, so this never throws: UTF-8 is expected, a byte-order mark picks UTF-16, and bytes that are
 * not valid UTF-8 are read as Windows-1252 (what most mislabelled "ANSI" text on the web is).
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  warnings: string[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (curly quotes, dashes, €…). Node built
 * without full ICU decodes 'windows-1252' as Latin-1 and turns them into control characters, so the
 * table is spelled out here. Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as their code points.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] as string) : String.fromCharCode(byte);
  }
  return text;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warnings: [] };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warnings: [] };
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    // ignoreBOM keeps a second, stray BOM as text instead of silently eating it.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8', warnings: [] };
  } catch {
    return {
      text: decodeWindows1252(body),
      encoding: 'windows-1252',
      warnings: ['not valid UTF-8; read as Windows-1252'],
    };
  }
}
