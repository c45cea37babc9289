// Adults read news prose at roughly 200–260 words a minute; 230 is the middle most reader apps use.
export const WORDS_PER_MINUTE = 230;
// Chinese and Japanese text has no spaces between words: count characters, read about 500 a minute.
const CJK_CHARACTERS_PER_MINUTE = 500;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g;
const EXCERPT_LENGTH = 220;

export function countWords(paragraphs: readonly string[]): number {
  let words = 0;
  for (const paragraph of paragraphs) {
    const withoutCjk = paragraph.replace(CJK, ' ');
    words += withoutCjk.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  }
  return words;
}

/** `words` may be given when already counted: counting is a good part of a large build's time. */
export function readingMinutes(paragraphs: readonly string[], words = countWords(paragraphs)): number {
  const cjkCharacters = paragraphs.reduce((sum, p) => sum + (p.match(CJK)?.length ?? 0), 0);
  const minutes = words / WORDS_PER_MINUTE + cjkCharacters / CJK_CHARACTERS_PER_MINUTE;
  return Math.max(1, Math.round(minutes));
}

/** The start of the first paragraph, cut at a word boundary. */
export function excerptOf(paragraphs: readonly string[], maxLength = EXCERPT_LENGTH): string {
  const first = paragraphs[0] ?? '';
  if (first.length <= maxLength) return first;
  const cut = first.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  const atWord = lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${atWord.replace(/[\s,;:.–—-]+$/u, '')}…`;
}
