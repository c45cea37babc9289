import { cachedSegmenter, type TextSpan } from './sentences.ts';

/**
 * What is handed to the speech engine for a sentence, and the way back: boundary events report
 * offsets in the spoken string, the follow-along mark needs offsets in the article text.
 * The spoken string drops what engines read aloud or stumble on (soft hyphens, zero-width
 * characters) and collapses runs of spaces, so the two strings differ and need this map.
 */
export interface Utterance {
  text: string;
  /** For each index of `text` (and one past its end), the index in the source it came from. */
  sourceIndex: readonly number[];
}

// Soft hyphen, zero-width space / non-joiner / joiner, word joiner, byte-order mark.
const SILENT_CHARACTERS = new Set(['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);

export function prepareUtterance(source: string): Utterance {
  let text = '';
  const sourceIndex: number[] = [];
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i] ?? '';
    if (SILENT_CHARACTERS.has(char)) continue;
    if (/\s/.test(char)) {
      if (text.endsWith(' ')) continue;
      text += ' ';
    } else {
      text += char;
    }
    sourceIndex.push(i);
  }
  sourceIndex.push(source.length);
  return { text, sourceIndex };
}

/**
 * The word a `boundary` event points at, as a span of the spoken text. Engines send `charIndex`
 * always and `charLength` only sometimes (0 or absent): then the word runs to the segmenter's
 * next word boundary. Null when the index is outside the text.
 */
export function spokenWordAt(utterance: Utterance, charIndex: number, charLength: number | undefined, lang: string | undefined): TextSpan | null {
  const { text } = utterance;
  if (!Number.isInteger(charIndex) || charIndex < 0 || charIndex >= text.length) return null;
  if (charLength && charLength > 0) return { start: charIndex, end: Math.min(text.length, charIndex + charLength) };
  const segment = cachedSegmenter(lang, 'word').segment(text).containing(charIndex);
  if (!segment) return null;
  return { start: segment.index, end: segment.index + segment.segment.length };
}

/** A span of the spoken text as a span of the source text, shifted to where the source starts. */
export function toSourceSpan(utterance: Utterance, spoken: TextSpan, sourceStart: number): TextSpan {
  const at = (index: number) => utterance.sourceIndex[Math.min(Math.max(0, index), utterance.sourceIndex.length - 1)] ?? 0;
  // The end is just past the last spoken character's source, so a dropped character after it stays out.
  const end = spoken.end > spoken.start ? at(spoken.end - 1) + 1 : at(spoken.start);
  return { start: sourceStart + at(spoken.start), end: sourceStart + end };
}
