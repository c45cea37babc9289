import type { TextPositionSelector, TextQuoteSelector, TextSpan } from '../highlight.ts';
import { foldString, foldWhitespace, originalSpan, type FoldedText } from './folded-text.ts';
import { trimSpan } from './text-quote.ts';
import { approximateMatches, exactMatches, quoteBoundaries, scoreMatch, type QuoteContext, type ScoredMatch } from './match-quote.ts';

/**
 * When a candidate is trusted. A wrong place is worse than no place: a highlight that cannot be
 * placed with confidence becomes an orphan, which is kept and shown, never deleted.
 */
export const ANCHOR_THRESHOLDS = {
  /** Context similarity (0–1) an exact occurrence needs away from the stored position. */
  exactContext: 0.5,
  /**
   * A quote shorter than this (folded characters: one to three short words) recurs by chance, so an
   * exact occurrence of it needs `shortQuoteContext`: half-alike surroundings are a coincidence.
   */
  shortQuoteLength: 16,
  shortQuoteContext: 0.8,
  /** A quote this long (folded characters) rarely recurs by chance: if it occurs once, that is it. */
  distinctiveQuoteLength: 40,
  /** Share of the quote's characters an approximate match may get wrong. */
  fuzzyErrorShare: 0.2,
  /** Context similarity an approximate match needs: the words changed, so their surroundings must not have. */
  fuzzyContext: 0.7,
  /** The best candidate must beat the next one by this much (0–1 score), or the choice is a guess. */
  ambiguityMargin: 0.02,
  /** Candidates whose context is this alike are the same passage repeated: the nearest to the old position wins. */
  repeatedPassageContext: 0.95,
  /** A short quote still at its stored position is trusted there only if its context is this unchanged. */
  positionContext: 0.95,
} as const;

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export type AnchorOutcome = { kind: 'anchored'; span: TextSpan; method: AnchorMethod } | { kind: 'orphan' };

function foldedOffset(folded: FoldedText, originalOffset: number): number {
  // First folded character at or after the original offset (toOriginal is ascending).
  let low = 0;
  let high = folded.toOriginal.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((folded.toOriginal[middle] ?? 0) < originalOffset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Keeps the best candidate of each group of overlapping ones: they are one place, not rivals. */
function distinctPlaces(candidates: readonly ScoredMatch[]): ScoredMatch[] {
  const kept: ScoredMatch[] = [];
  for (const candidate of candidates) {
    if (!kept.some((other) => candidate.start < other.end && other.start < candidate.end)) kept.push(candidate);
  }
  return kept;
}

/** The candidate to trust among distinct places, best first, or null when the evidence does not single one out. */
function choose(places: readonly ScoredMatch[], hint: number): ScoredMatch | null {
  const [best, second] = places;
  if (!best) return null;
  if (!second || best.score - second.score >= ANCHOR_THRESHOLDS.ambiguityMargin) return best;
  const repeats = places.filter((p) => best.score - p.score < ANCHOR_THRESHOLDS.ambiguityMargin);
  if (repeats.every((p) => p.contextScore >= ANCHOR_THRESHOLDS.repeatedPassageContext)) {
    return repeats.reduce((nearest, p) => (Math.abs(p.start - hint) < Math.abs(nearest.start - hint) ? p : nearest));
  }
  return null;
}

function toOriginal(folded: FoldedText, match: ScoredMatch, text: string): TextSpan | null {
  return trimSpan(text, originalSpan(folded, match.start, match.end));
}

/**
 * Places a highlight in the current text of its article, trying in turn:
 * 1. the stored position, if the text there is still the quote;
 * 2. exact occurrences of the quote (whitespace-insensitive), ranked by their context;
 * 3. approximate occurrences, for quotes whose words were lightly edited.
 * The first strategy that yields a trusted place wins; otherwise the highlight is an orphan.
 */
export function anchorHighlight(text: string, quote: TextQuoteSelector, position: TextPositionSelector): AnchorOutcome {
  if (text.slice(position.start, position.end) === quote.exact) {
    // A short quote ("in") may now be another copy of the same word: its context must agree too.
    const distinctive = quote.exact.length >= ANCHOR_THRESHOLDS.distinctiveQuoteLength;
    const here = scoreMatch(text, { start: position.start, end: position.end, errors: 0 }, quote.exact.length, { prefix: quote.prefix, suffix: quote.suffix, hint: position.start });
    if (distinctive || here.contextScore >= ANCHOR_THRESHOLDS.positionContext) {
      return { kind: 'anchored', span: { start: position.start, end: position.end }, method: 'position' };
    }
  }
  const folded = foldWhitespace(text);
  const foldedQuote = foldString(quote.exact).trim();
  if (!foldedQuote) return { kind: 'orphan' };
  const context: QuoteContext = { prefix: foldString(quote.prefix), suffix: foldString(quote.suffix), hint: foldedOffset(folded, position.start) };

  // Trimming the quote moved its ends onto words, so judge its boundaries from the untrimmed ends.
  const boundaries = quoteBoundaries(foldString(quote.exact), context.prefix, context.suffix);
  const exact = distinctPlaces(exactMatches(folded.text, foldedQuote, context, boundaries));
  const exactChoice = choose(exact, context.hint);
  const distinctive = exact.length === 1 && foldedQuote.length >= ANCHOR_THRESHOLDS.distinctiveQuoteLength;
  // A quote stored with no context at all (imported from a tool that keeps none) has no surroundings to
  // agree or disagree: it is judged as before, by its whole-word occurrences and its position.
  const storedContext = quote.prefix !== '' || quote.suffix !== '';
  const neededContext =
    storedContext && foldedQuote.length < ANCHOR_THRESHOLDS.shortQuoteLength ? ANCHOR_THRESHOLDS.shortQuoteContext : ANCHOR_THRESHOLDS.exactContext;
  if (exactChoice && (exactChoice.contextScore >= neededContext || distinctive)) {
    const span = toOriginal(folded, exactChoice, text);
    if (span) return { kind: 'anchored', span, method: 'exact' };
  }

  const maxErrors = Math.floor(foldedQuote.length * ANCHOR_THRESHOLDS.fuzzyErrorShare);
  if (maxErrors > 0) {
    const fuzzy = distinctPlaces(approximateMatches(folded.text, foldedQuote, maxErrors, context)).filter(
      (m) => m.contextScore >= ANCHOR_THRESHOLDS.fuzzyContext,
    );
    const fuzzyChoice = choose(fuzzy, context.hint);
    if (fuzzyChoice) {
      const span = toOriginal(folded, fuzzyChoice, text);
      if (span) return { kind: 'anchored', span, method: fuzzyChoice.quoteScore === 1 ? 'exact' : 'fuzzy' };
    }
  }
  return { kind: 'orphan' };
}

/**
 * Where a highlight's passage is in the article's current text, or null for an orphan (kept and
 * listed, never deleted). See anchorHighlight for the strategies tried in turn.
 */
export function anchorQuote(text: string, quote: TextQuoteSelector, position: TextPositionSelector): TextSpan | null {
  const outcome = anchorHighlight(text, quote, position);
  return outcome.kind === 'anchored' ? outcome.span : null;
}
