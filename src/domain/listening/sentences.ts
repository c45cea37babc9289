/**
 * Sentences to speak one at a time, as spans of a paragraph. Sentence by sentence because some
 * engines cut long utterances short (Chrome's stops after about fifteen seconds), and because the
 * follow-along mark, skipping and resuming all work in sentences.
 */
export interface TextSpan {
  start: number;
  end: number;
}

/** Past this many characters a sentence is spoken in parts, split at a clause or a space. */
export const MAX_SPOKEN_LENGTH = 240;

// Abbreviations after which Intl.Segmenter (ICU, without its suppression lists) ends a sentence
// although the sentence goes on: a title before a name, a Latin short form. Lower-case, no dot.
const ABBREVIATIONS: Record<string, readonly string[]> = {
  en: ['dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'mt', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep', 'rev', 'jr', 'sr', 'vs', 'no', 'approx', 'fig', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec'],
  de: ['dr', 'prof', 'hr', 'fr', 'nr', 'st', 'bzw', 'ca', 'vgl', 'ggf', 'sog', 'evtl', 'inkl', 'abs', 'bd', 'jh', 'mio', 'mrd'],
};
// Words that begin a new sentence after an initialism such as "U.S.", where ICU is right to split.
const SENTENCE_OPENERS = new Set(['the', 'a', 'an', 'it', 'he', 'she', 'we', 'they', 'this', 'that', 'these', 'those', 'but', 'and', 'in', 'on', 'at', 'its', 'his', 'her', 'their', 'there', 'i', 'you', 'der', 'die', 'das', 'er', 'sie', 'es', 'wir', 'ein', 'eine', 'aber']);
const GERMAN_MONTHS = /^(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b/i;

const segmenters = new Map<string, Intl.Segmenter>();
/** One segmenter per language and granularity: building one loads ICU data, so it is kept. */
export function cachedSegmenter(lang: string | undefined, granularity: 'sentence' | 'word'): Intl.Segmenter {
  const key = `${granularity}:${lang ?? ''}`;
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

function primaryLanguage(lang: string | undefined): string {
  return (lang ?? 'en').split('-')[0]?.toLowerCase() ?? 'en';
}

/** Whether ICU's break between `before` and `after` falls inside a sentence, after an abbreviation. */
function continuesAfterAbbreviation(before: string, after: string, language: string): boolean {
  const tail = before.trimEnd();
  const nextWord = /^[\s“"„«‘'(]*([\p{L}\p{N}]+)/u.exec(after)?.[1] ?? '';
  const lowerNext = nextWord.toLowerCase();
  // "U.S. Army", "z.B. am": letters with dots. A capitalised common opener means a real new sentence.
  if (/(?:^|[\s(“"„])(?:\p{L}\.){2,}$/u.test(tail)) return !SENTENCE_OPENERS.has(lowerNext);
  const word = /(?:^|[\s(“"„])(\p{L}+)\.$/u.exec(tail)?.[1]?.toLowerCase();
  if (word && (ABBREVIATIONS[language] ?? ABBREVIATIONS.en ?? []).includes(word)) {
    // "No. 5" but "said no. Then": only a number follows an abbreviated "No."
    return word === 'no' ? /^\d/.test(nextWord) : nextWord !== '';
  }
  // German ordinals: "am 3. Oktober".
  if (language === 'de' && /(?:^|\s)\d{1,2}\.$/.test(tail)) return GERMAN_MONTHS.test(nextWord) || /^\p{Ll}/u.test(nextWord);
  return false;
}

/** Splits a span longer than MAX_SPOKEN_LENGTH at the last clause mark (or else space) before the limit. */
function splitLong(text: string, span: TextSpan, max: number): TextSpan[] {
  const parts: TextSpan[] = [];
  let start = span.start;
  while (span.end - start > max) {
    const window = text.slice(start, start + max);
    const clause = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '), window.lastIndexOf(': '), window.lastIndexOf(' – '), window.lastIndexOf(' — '), window.lastIndexOf('، '));
    const space = window.lastIndexOf(' ');
    const cut = clause > max / 3 ? clause + 1 : space > 0 ? space : max;
    parts.push({ start, end: start + cut });
    start += cut;
    while (start < span.end && /\s/.test(text[start] ?? '')) start += 1;
  }
  if (start < span.end) parts.push({ start, end: span.end });
  return parts;
}

/**
 * The sentences of `text` in language `lang`, as spans without their trailing spaces. Joins the
 * breaks ICU makes after abbreviations ("Dr. Smith", "the U.S. Army", "am 3. Oktober") and splits
 * sentences too long to speak in one utterance.
 */
export function segmentSentences(text: string, lang: string | undefined, max = MAX_SPOKEN_LENGTH): TextSpan[] {
  const language = primaryLanguage(lang);
  const raw = [...cachedSegmenter(lang, 'sentence').segment(text)].map((s) => ({ start: s.index, end: s.index + s.segment.length }));
  const joined: TextSpan[] = [];
  for (const span of raw) {
    const previous = joined[joined.length - 1];
    if (previous && continuesAfterAbbreviation(text.slice(previous.start, previous.end), text.slice(span.start, span.end), language)) previous.end = span.end;
    else joined.push({ ...span });
  }
  const sentences: TextSpan[] = [];
  for (const span of joined) {
    let { start, end } = span;
    while (start < end && /\s/.test(text[start] ?? '')) start += 1;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
    if (end > start) sentences.push(...splitLong(text, { start, end }, max));
  }
  return sentences;
}
