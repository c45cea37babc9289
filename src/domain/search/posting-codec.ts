/**
 * Postings as short strings of JSON-safe characters: gzip shrinks them well, and decoding one is a
 * loop over characters, no JSON number parsing. Each posting is the gap from the previous article
 * position (a variable-length number, five bits a character) and an impact (one character, 0–63).
 */

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const VALUE = new Int8Array(128).fill(-1);
for (let index = 0; index < ALPHABET.length; index += 1) VALUE[ALPHABET.charCodeAt(index)] = index;

/** The highest impact a posting can carry. */
export const MAX_IMPACT = 63;
const CONTINUE = 32;

function pushNumber(out: string[], value: number): void {
  let rest = value;
  // Most significant group first, each but the last marked as continued.
  const groups: number[] = [];
  do {
    groups.push(rest & 31);
    rest = Math.floor(rest / 32);
  } while (rest > 0);
  for (let index = groups.length - 1; index > 0; index -= 1) out.push(ALPHABET[(groups[index] ?? 0) | CONTINUE] ?? '');
  out.push(ALPHABET[groups[0] ?? 0] ?? '');
}

/** Encodes postings sorted by position (each position once), with impacts of 0–63. */
export function encodePostings(positions: ArrayLike<number>, impacts: ArrayLike<number>): string {
  const out: string[] = [];
  let previous = -1;
  for (let index = 0; index < positions.length; index += 1) {
    const position = positions[index] ?? 0;
    pushNumber(out, position - previous - 1);
    out.push(ALPHABET[Math.max(0, Math.min(MAX_IMPACT, Math.round(impacts[index] ?? 0)))] ?? '');
    previous = position;
  }
  return out.join('');
}

/** Calls `visit` for each posting of an encoded string, in position order. Throws on a malformed string. */
export function decodePostings(encoded: string, visit: (position: number, impact: number) => void): void {
  let previous = -1;
  let index = 0;
  while (index < encoded.length) {
    let gap = 0;
    let digit: number;
    do {
      digit = VALUE[encoded.charCodeAt(index)] ?? -1;
      if (digit < 0) throw new Error('malformed postings');
      gap = gap * 32 + (digit & 31);
      index += 1;
    } while (digit & CONTINUE);
    const impact = VALUE[encoded.charCodeAt(index)] ?? -1;
    if (impact < 0) throw new Error('malformed postings');
    index += 1;
    previous += gap + 1;
    visit(previous, impact);
  }
}
