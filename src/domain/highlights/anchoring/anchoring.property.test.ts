import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../../../tests/fixtures/highlight-arbitraries.ts';
import { createRandom, randomWordSpan, simulateEdits } from '../../../../tests/tools/text-edits.ts';
import { loadCorpus } from '../../../build/in-memory-corpus.ts';
import { articleText } from '../../articles/article-text.ts';
import type { TextSpan } from '../highlight.ts';
import { describeSpan, trimSpan } from './text-quote.ts';
import { anchorHighlight, type AnchorOutcome } from './anchor-highlight.ts';
import { foldString, foldWhitespace } from './folded-text.ts';

// The bundled seed's committed copy: seeds/ is the user's to replace, and tests must not depend on it.
const SEEDS_DIR = path.resolve(import.meta.dirname, '../../../../tests/fixtures/e2e-seeds');

const BMP_WORDS = ['minister', 'Friday', 'coalition', 'Zürich', 'naïve', 'الحكومة', 'قال', 'שלום', 'ממשלה', '東京', '新聞', '30km', '“quoted”', '—', '2024.'];
const BMP_LETTERS = [...'abcdefghijklmnopqrstuvwxyzéßøأبتשבג日本'];

/** Words as articles have them: Latin with accents, Arabic, Hebrew, CJK, digits, punctuation and (unless `bmpOnly`) emoji. */
function wordArbitrary(bmpOnly = false): fc.Arbitrary<string> {
  const astral = bmpOnly ? [] : ['👍🏽', '🇺🇦', '😀'];
  return fc.oneof(
    fc.constantFrom(...BMP_WORDS, ...astral),
    fc.string({ unit: fc.constantFrom(...BMP_LETTERS, ...astral), minLength: 1, maxLength: 9 }),
  );
}

/** An article's text: paragraphs of words, joined as articleText joins them. */
function articleTextArbitrary(bmpOnly = false): fc.Arbitrary<string> {
  return fc
    .array(fc.array(wordArbitrary(bmpOnly), { minLength: 1, maxLength: 30 }).map((words) => words.join(' ')), { minLength: 1, maxLength: 6 })
    .map((paragraphs) => articleText(paragraphs));
}

/** How often the quote occurs in the text, whitespace folded as anchoring folds it. */
function occurrences(text: string, quote: string): number {
  const haystack = foldWhitespace(text).text;
  const needle = foldString(quote).trim();
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count += 1;
  return count;
}

function describeOutcome(text: string, outcome: AnchorOutcome): string {
  return outcome.kind === 'orphan' ? 'orphan' : `${outcome.method} ${outcome.span.start}–${outcome.span.end} «${text.slice(outcome.span.start, outcome.span.end)}»`;
}

/** Placed exactly where expected, or an orphan: anything else is a highlight shown on the wrong words. Returns whether it was placed. */
function expectExpectedOrOrphan(text: string, outcome: AnchorOutcome, expected: TextSpan): boolean {
  if (outcome.kind === 'orphan') return false;
  expect(outcome.span, `expected ${expected.start}–${expected.end} «${text.slice(expected.start, expected.end)}», got ${describeOutcome(text, outcome)}`).toEqual(expected);
  return true;
}

/**
 * Runs and placements of a property that allows orphans: orphaning every highlight would pass such a
 * property, so each also holds the share placed exactly to a floor.
 */
function placementTally() {
  const tally = { runs: 0, placed: 0, count: (placed: boolean) => ((tally.runs += 1), placed && (tally.placed += 1)), share: () => tally.placed / tally.runs };
  return tally;
}

/** A random word span of `text`, described as a highlight, and the text after random edits. */
function highlightThenEdit(text: string, seed: number, edits: number) {
  const random = createRandom(seed);
  const span = randomWordSpan(text, random);
  return { ...describeSpan(text, span), edited: simulateEdits(text, span, edits, random) };
}

describe('anchoring, for any text and span', () => {
  it('places a highlight on the unchanged text exactly where it was made (any string, any span)', () => {
    fc.assert(
      fc.property(anyText({ minLength: 1, maxLength: 300 }), fc.nat(), fc.nat(), (text, a, b) => {
        const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y) as [number, number];
        const span = trimSpan(text, { start, end });
        fc.pre(span !== null && span.end > span.start);
        if (!span) return;
        const { quote, position } = describeSpan(text, span);
        expect(anchorHighlight(text, quote, position)).toEqual({ kind: 'anchored', span, method: 'position' });
      }),
      { numRuns: 300 },
    );
  });

  it('places a highlight of whole words on the unchanged text exactly where it was made', () => {
    fc.assert(
      fc.property(articleTextArbitrary(), fc.integer(), (text, seed) => {
        const span = randomWordSpan(text, createRandom(seed));
        const { quote, position } = describeSpan(text, span);
        expect(anchorHighlight(text, quote, position)).toEqual({ kind: 'anchored', span, method: 'position' });
      }),
      { numRuns: 200 },
    );
  });

  // When the quote's words occur more than once in the new text, which copy is "the" highlighted one
  // can be undecidable from the text alone ("a a a" after deleting one "a"), so the exact-place
  // properties hold the quote to a single occurrence; the last property covers repeats. A known bug
  // breaks the exact place even with distinguishable copies: see "does not trust the old position…"
  // in anchor-highlight.test.ts.
  it('follows the quote when text is inserted before it, or orphans it, never placing it elsewhere', () => {
    const tally = placementTally();
    fc.assert(
      fc.property(articleTextArbitrary(), fc.array(wordArbitrary(), { minLength: 1, maxLength: 8 }), fc.integer(), (text, inserted, seed) => {
        const span = randomWordSpan(text, createRandom(seed));
        const { quote, position } = describeSpan(text, span);
        const added = `${inserted.join(' ')} `;
        const edited = added + text;
        fc.pre(occurrences(edited, quote.exact) === 1);
        tally.count(expectExpectedOrOrphan(edited, anchorHighlight(edited, quote, position), { start: span.start + added.length, end: span.end + added.length }));
      }),
      { numRuns: 200 },
    );
    expect(tally.share()).toBeGreaterThanOrEqual(0.95);
  });

  // simulateEdits (tests/tools/text-edits.ts) mixes UTF-16 offsets with code-point indices, so its
  // `expected` span is only right for text without astral characters (emoji): hence BMP-only text here.
  it('after random edits, places a surviving quote that occurs once where its words now are, or orphans it', () => {
    const tally = placementTally();
    fc.assert(
      fc.property(articleTextArbitrary(true), fc.integer(), fc.integer({ min: 1, max: 4 }), (text, seed, edits) => {
        const { quote, position, edited } = highlightThenEdit(text, seed, edits);
        fc.pre(edited.quoteSurvived && occurrences(edited.text, quote.exact) === 1);
        tally.count(expectExpectedOrOrphan(edited.text, anchorHighlight(edited.text, quote, position), edited.expected));
      }),
      { numRuns: 300 },
    );
    expect(tally.share()).toBeGreaterThanOrEqual(0.9);
  });

  it('after random edits, never places a surviving quote on other words, even where its words repeat', () => {
    const tally = placementTally();
    fc.assert(
      fc.property(articleTextArbitrary(true), fc.integer(), fc.integer({ min: 1, max: 4 }), (text, seed, edits) => {
        const { quote, position, edited } = highlightThenEdit(text, seed, edits);
        fc.pre(edited.quoteSurvived);
        const outcome = anchorHighlight(edited.text, quote, position);
        tally.count(outcome.kind === 'anchored');
        if (outcome.kind === 'anchored') {
          expect(foldString(edited.text.slice(outcome.span.start, outcome.span.end)).trim()).toBe(foldString(quote.exact).trim());
        }
      }),
      { numRuns: 300 },
    );
    expect(tally.share()).toBeGreaterThanOrEqual(0.9);
  });
});

describe('anchoring over the real seed article', () => {
  it('places at least 99.5% of surviving quotes correctly after random edits, and none wrongly (fixed seed)', () => {
    const { articles } = loadCorpus(SEEDS_DIR);
    const article = articles.find((a) => a.id === '000_5e039f83c282c0c8');
    expect(article, 'tests/fixtures/e2e-seeds/000_5e039f83c282c0c8.txt should load').toBeDefined();
    if (!article) return;
    const text = articleText(article.paragraphs);
    const random = createRandom(20261126);
    let survived = 0;
    let correct = 0;
    const wrong: string[] = [];
    for (let trial = 0; trial < 800; trial += 1) {
      const span = randomWordSpan(text, random);
      const { quote, position } = describeSpan(text, span);
      const edited = simulateEdits(text, span, 1 + Math.floor(random() * 3), random);
      if (!edited.quoteSurvived) continue;
      survived += 1;
      const outcome = anchorHighlight(edited.text, quote, position);
      if (outcome.kind === 'orphan') continue;
      if (outcome.span.start === edited.expected.start && outcome.span.end === edited.expected.end) correct += 1;
      else wrong.push(`«${quote.exact}» expected ${edited.expected.start}–${edited.expected.end}, got ${describeOutcome(edited.text, outcome)}`);
    }
    expect(survived).toBeGreaterThan(600);
    expect(wrong).toEqual([]);
    expect(correct / survived).toBeGreaterThanOrEqual(0.995);
  });
});
