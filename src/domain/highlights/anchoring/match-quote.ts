import approxSearch from 'approx-string-match';

/**
 * How much each piece of evidence counts when ranking candidate places for a quote.
 * Same scheme as Hypothesis's match-quote, tuned by `npm run anchoring-check`.
 */
export const MATCH_WEIGHTS = {
  /** The quote itself is the strongest evidence: it is what the reader saw and chose. */
  quote: 50,
  /** The 32 characters before and after tell repeated phrases apart ("in Iraq" occurs often). */
  prefix: 20,
  suffix: 20,
  /** Where it used to be only breaks ties: edits above a passage shift every offset below it. */
  position: 2,
} as const;

export interface QuoteContext {
  prefix: string;
  suffix: string;
  /** The offset where the quote used to start. */
  hint: number;
}

export interface ScoredMatch {
  start: number;
  end: number;
  /** 1 - errors / quote length: 1 for an exact match. */
  quoteScore: number;
  /** Mean similarity of the text around the match to the stored prefix and suffix, 0 to 1. */
  contextScore: number;
  /** Weighted score of all the evidence, 0 to 1. */
  score: number;
}

/** Similarity of two strings from 0 (nothing alike) to 1 (equal), by edit distance. */
export function similarity(text: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (text.length === 0) return 0;
  const [best] = approxSearch(text, pattern, pattern.length);
  return best ? Math.max(0, 1 - best.errors / pattern.length) : 0;
}

function contextScores(text: string, start: number, end: number, context: QuoteContext): { prefix: number; suffix: number } {
  // Empty stored context means the quote touched the start or end of the article.
  const prefix = context.prefix
    ? similarity(text.slice(Math.max(0, start - context.prefix.length), start), context.prefix)
    : start === 0 ? 1 : 0.5;
  const suffix = context.suffix
    ? similarity(text.slice(end, end + context.suffix.length), context.suffix)
    : end === text.length ? 1 : 0.5;
  return { prefix, suffix };
}

export function scoreMatch(text: string, match: { start: number; end: number; errors: number }, quoteLength: number, context: QuoteContext): ScoredMatch {
  const quoteScore = 1 - match.errors / quoteLength;
  const { prefix, suffix } = contextScores(text, match.start, match.end, context);
  const positionScore = 1 - Math.abs(match.start - context.hint) / Math.max(1, text.length);
  const weights = MATCH_WEIGHTS;
  const total = weights.quote + weights.prefix + weights.suffix + weights.position;
  const score = (weights.quote * quoteScore + weights.prefix * prefix + weights.suffix * suffix + weights.position * positionScore) / total;
  return { start: match.start, end: match.end, quoteScore, contextScore: (prefix + suffix) / 2, score };
}

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}_]/u;

function isWordCharacter(char: string | undefined): boolean {
  return char !== undefined && WORD_CHARACTER.test(char);
}

/** Which ends of a quote were word boundaries where it was taken: a reader who picked "a" picked a word, not a letter of "international". */
export interface QuoteBoundaries {
  start: boolean;
  end: boolean;
}

/** Whether the quote started and ended between words, judged from its first and last characters and its stored context. */
export function quoteBoundaries(quote: string, prefix: string, suffix: string): QuoteBoundaries {
  return {
    start: !(isWordCharacter(prefix.at(-1)) && isWordCharacter(quote[0])),
    end: !(isWordCharacter(quote.at(-1)) && isWordCharacter(suffix[0])),
  };
}

/** Whether text[start, end) is as much a whole word at each end as the quote was. */
export function keepsBoundaries(text: string, start: number, end: number, boundaries: QuoteBoundaries): boolean {
  const startSplitsWord = isWordCharacter(text[start - 1]) && isWordCharacter(text[start]);
  const endSplitsWord = isWordCharacter(text[end - 1]) && isWordCharacter(text[end]);
  return !(boundaries.start && startSplitsWord) && !(boundaries.end && endSplitsWord);
}

/** Every exact occurrence of `quote` in `text` that starts and ends between words where the quote did, scored and best first. */
export function exactMatches(text: string, quote: string, context: QuoteContext, boundaries: QuoteBoundaries = { start: false, end: false }): ScoredMatch[] {
  const matches: ScoredMatch[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (!keepsBoundaries(text, at, at + quote.length, boundaries)) continue;
    matches.push(scoreMatch(text, { start: at, end: at + quote.length, errors: 0 }, quote.length, context));
  }
  return matches.sort((a, b) => b.score - a.score);
}

/** The best approximate matches of `quote` with at most `maxErrors` edits, scored and best first. */
export function approximateMatches(text: string, quote: string, maxErrors: number, context: QuoteContext): ScoredMatch[] {
  return approxSearch(text, quote, maxErrors)
    .map((match) => scoreMatch(text, match, quote.length, context))
    .sort((a, b) => b.score - a.score);
}
