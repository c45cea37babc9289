/**
 * Text with every run of whitespace folded to a single space, and a map back to the original.
 * Anchoring matches on folded text so that splitting or merging paragraphs (a newline becoming a
 * space, or the reverse) and re-wrapped whitespace do not stop a quote from matching exactly.
 */
export interface FoldedText {
  text: string;
  /** Offset in the original text of each folded character, plus one entry for the end. */
  toOriginal: number[];
}

export function foldWhitespace(original: string): FoldedText {
  let text = '';
  const toOriginal: number[] = [];
  let inWhitespace = false;
  for (let index = 0; index < original.length; index += 1) {
    const char = original[index] as string;
    if (/\s/u.test(char)) {
      if (inWhitespace) continue;
      inWhitespace = true;
      text += ' ';
    } else {
      inWhitespace = false;
      text += char;
    }
    toOriginal.push(index);
  }
  toOriginal.push(original.length);
  return { text, toOriginal };
}

/** The original span covered by folded offsets [start, end). */
export function originalSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  const from = folded.toOriginal[start] ?? 0;
  if (end <= start) return { start: from, end: from };
  return { start: from, end: (folded.toOriginal[end - 1] ?? from) + 1 };
}

/** The folded form of a short string: each whitespace run becomes one space (ends are kept). */
export function foldString(value: string): string {
  return value.replace(/\s+/gu, ' ');
}
