import type { TextSpan } from '../../src/domain/highlights/highlight.ts';

/** mulberry32: a small seeded PRNG, so every run of a check can be repeated exactly. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = ['the', 'reported', 'officials', 'Iraq', 'on', 'Friday', 'said', 'a', 'new', 'statement', 'in', 'military', 'and', 'its', 'troops', 'coalition'];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function words(text: string): TextSpan[] {
  return [...text.matchAll(/\S+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** A span of 1 to 25 whole words, possibly across paragraphs: the kind of passage readers highlight. */
export function randomWordSpan(text: string, random: () => number): TextSpan {
  const all = words(text);
  const first = Math.floor(random() * all.length);
  const last = Math.min(all.length - 1, first + Math.floor(random() * 25));
  return { start: all[first]!.start, end: all[last]!.end };
}

interface TrackedChar {
  char: string;
  /** Index in the original text; null for inserted characters. */
  origin: number | null;
}

export interface EditedText {
  text: string;
  /** All the quote's words are still there, in order, with nothing inserted between them. */
  quoteSurvived: boolean;
  /** Where the quote's surviving characters now are (empty where all of them were deleted). */
  expected: TextSpan;
}

/**
 * Applies random edits (insert, delete or replace a word; split or merge paragraphs) and tracks
 * every original character, so the check knows exactly where the highlighted words went.
 */
export function simulateEdits(text: string, quote: TextSpan, edits: number, random: () => number): EditedText {
  let chars: TrackedChar[] = [...text].map((char, origin) => ({ char, origin }));
  const current = () => chars.map((c) => c.char).join('');
  const insertAt = (index: number, inserted: string) => {
    chars = [...chars.slice(0, index), ...[...inserted].map((char) => ({ char, origin: null })), ...chars.slice(index)];
  };

  for (let n = 0; n < edits; n += 1) {
    const all = words(current());
    const word = pick(all, random);
    const kind = pick(['insert', 'delete', 'replace', 'split', 'merge'] as const, random);
    if (kind === 'insert') insertAt(word.start, `${pick(VOCABULARY, random)} `);
    else if (kind === 'delete' && all.length > 1) chars.splice(word.start, word.end - word.start + (chars[word.end]?.char === ' ' ? 1 : 0));
    else if (kind === 'replace') {
      chars.splice(word.start, word.end - word.start);
      insertAt(word.start, pick(VOCABULARY, random));
    } else if (kind === 'split') {
      const spaces = chars.flatMap((c, i) => (c.char === ' ' ? [i] : []));
      if (spaces.length) chars[pick(spaces, random)]!.char = '\n';
    } else if (kind === 'merge') {
      const breaks = chars.flatMap((c, i) => (c.char === '\n' ? [i] : []));
      if (breaks.length) chars[pick(breaks, random)]!.char = ' ';
    }
  }

  const inQuote = (c: TrackedChar) => c.origin !== null && c.origin >= quote.start && c.origin < quote.end;
  const positions = chars.flatMap((c, i) => (inQuote(c) && /\S/u.test(c.char) ? [i] : []));
  const originalVisible = [...text.slice(quote.start, quote.end)].filter((c) => /\S/u.test(c)).length;
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (first === undefined || last === undefined) {
    const after = chars.findIndex((c) => c.origin !== null && c.origin >= quote.end);
    const at = after === -1 ? chars.length : after;
    return { text: current(), quoteSurvived: false, expected: { start: at, end: at } };
  }
  const between = chars.slice(first, last + 1);
  const intact = positions.length === originalVisible && between.every((c) => inQuote(c) || /\s/u.test(c.char));
  return { text: current(), quoteSurvived: intact, expected: { start: first, end: last + 1 } };
}

/** Each sentence of `text`: up to a full stop, question or exclamation mark (and a closing quote), or a line's end. */
export function sentenceSpans(text: string): TextSpan[] {
  return [...text.matchAll(/[^\n]+?(?:[.!?][”"’']?(?=\s|$)|(?=\n|$))/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Every span of `minWords` to `maxWords` consecutive words: all the short passages a reader could highlight. */
export function allShortWordSpans(text: string, maxWords: number): TextSpan[] {
  const all = words(text);
  const spans: TextSpan[] = [];
  for (let first = 0; first < all.length; first += 1) {
    for (let last = first; last < Math.min(all.length, first + maxWords); last += 1) spans.push({ start: all[first]!.start, end: all[last]!.end });
  }
  return spans;
}

/** The text without the sentence(s) holding `span` (and the spaces after them): the quoted words are gone. */
export function deleteSentencesAround(text: string, span: TextSpan): string {
  const sentences = sentenceSpans(text);
  const first = sentences.find((s) => s.start <= span.start && span.start < s.end);
  const last = sentences.find((s) => s.start < span.end && span.end <= s.end);
  if (!first || !last) throw new Error(`no sentence holds ${span.start}–${span.end}`);
  let end = last.end;
  while (text[end] === ' ') end += 1;
  return text.slice(0, first.start) + text.slice(end);
}
