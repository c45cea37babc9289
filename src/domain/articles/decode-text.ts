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
      text: new TextDecoder('windows-1252').decode(body),
      encoding: 'windows-1252',
      warnings: ['not valid UTF-8; read as Windows-1252'],
    };
  }
}
