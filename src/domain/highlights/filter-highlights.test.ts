import { describe, expect, it } from 'vitest';
import { at, makeHighlight } from '../../../tests/fixtures/highlights.ts';
import {
  filterHighlights,
  HIGHLIGHT_SORTS,
  isHighlightColor,
  isHighlightSort,
  sortHighlights,
  type HighlightFilter,
} from './filter-highlights.ts';
import type { Highlight } from './highlight.ts';

const quoted = (exact: string) => ({ type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' });
const positioned = (start: number) => ({ type: 'TextPositionSelector' as const, start, end: start + 5 });
const ids = (highlights: readonly Highlight[]) => highlights.map((h) => h.id);
const NO_FILTER: HighlightFilter = { query: '', color: null, articleId: null };

const HIGHLIGHTS = [
  makeHighlight({ id: 'cafe', articleId: 'a1', color: 'yellow', quote: quoted('The Café opened in Zürich'), note: '' }),
  makeHighlight({ id: 'minister', articleId: 'a1', color: 'green', quote: quoted('The minister resigned'), note: 'Check the DATE' }),
  makeHighlight({ id: 'troops', articleId: 'a2', color: 'green', quote: quoted('Troops stay in Iraq'), note: 'follow up' }),
  makeHighlight({ id: 'hebrew', articleId: 'a3', color: 'pink', quote: quoted('שלום עולם'), note: '' }),
];

describe('filterHighlights', () => {
  it('keeps everything, in order, for an empty filter or a blank query', () => {
    expect(ids(filterHighlights(HIGHLIGHTS, NO_FILTER))).toEqual(['cafe', 'minister', 'troops', 'hebrew']);
    expect(ids(filterHighlights(HIGHLIGHTS, { ...NO_FILTER, query: '  \n\t ' }))).toEqual(['cafe', 'minister', 'troops', 'hebrew']);
  });

  it('gives a new list, leaving the given one alone', () => {
    const given = [...HIGHLIGHTS];
    const filtered = filterHighlights(given, NO_FILTER);
    expect(filtered).not.toBe(given);
    expect(given).toEqual(HIGHLIGHTS);
  });

  it('finds words in the quote or in the note', () => {
    expect(ids(filterHighlights(HIGHLIGHTS, { ...NO_FILTER, query: 'resigned' }))).toEqual(['minister']);
    expect(ids(filterHighlights(HIGHLIGHTS, { ...NO_FILTER, query: 'follow' }))).toEqual(['troops']);
  });

  it('needs every word of the query, from the quote and the note together', () => {
    expect(ids(filterHighlights(HIGHLIGHTS, { ...NO_FILTER, query: 'minister date' }))).toEqual(['minister']);
    expect(ids(filterHighlights(HIGHLIGHTS, { ...NO_FILTER, query: 'minister iraq' }))).toEqual([]);
  });

  it('does not match a word made of the end of the quote and the start of the note', () => {
    expect(ids(filterHighlights(HIGHLIGHTS, { ...NO_FILTER, query: 'iraqfollow' }))).toEqual([]);
  });

  it('ignores case and accents on either side', () => {
    expect(ids(filterHighlights(HIGHLIGHTS, { ...NO_FILTER, query: 'CAFE zurich' }))).toEqual(['cafe']);
    expect(ids(filterHighlights(HIGHLIGHTS, { ...NO_FILTER, query: 'café ZÜRICH' }))).toEqual(['cafe']);
    expect(ids(filterHighlights(HIGHLIGHTS, { ...NO_FILTER, query: 'Date' }))).toEqual(['minister']);
  });

  it('matches parts of words and text in any script', () => {
    expect(ids(filterHighlights(HIGHLIGHTS, { ...NO_FILTER, query: 'resign' }))).toEqual(['minister']);
    expect(ids(filterHighlights(HIGHLIGHTS, { ...NO_FILTER, query: 'עולם' }))).toEqual(['hebrew']);
  });

  it('keeps only the chosen colour', () => {
    expect(ids(filterHighlights(HIGHLIGHTS, { ...NO_FILTER, color: 'green' }))).toEqual(['minister', 'troops']);
    expect(ids(filterHighlights(HIGHLIGHTS, { ...NO_FILTER, color: 'blue' }))).toEqual([]);
  });

  it('keeps only the chosen article', () => {
    expect(ids(filterHighlights(HIGHLIGHTS, { ...NO_FILTER, articleId: 'a1' }))).toEqual(['cafe', 'minister']);
  });

  it('applies query, colour and article together', () => {
    expect(ids(filterHighlights(HIGHLIGHTS, { query: 'the', color: 'green', articleId: 'a1' }))).toEqual(['minister']);
    expect(ids(filterHighlights(HIGHLIGHTS, { query: 'troops', color: 'green', articleId: 'a1' }))).toEqual([]);
  });
});

describe('sortHighlights', () => {
  const made = [
    makeHighlight({ id: 'middle', articleId: 'b', createdAt: at(2000), position: positioned(50) }),
    makeHighlight({ id: 'oldest', articleId: 'a', createdAt: at(1000), position: positioned(90) }),
    makeHighlight({ id: 'newest', articleId: 'a', createdAt: at(3000), position: positioned(10) }),
    makeHighlight({ id: 'unknown', articleId: 'gone', createdAt: at(1500), position: positioned(0) }),
  ];
  const order = new Map([
    ['a', 0],
    ['b', 1],
  ]);

  it('puts the newest first', () => {
    expect(ids(sortHighlights(made, 'newest', order))).toEqual(['newest', 'middle', 'unknown', 'oldest']);
  });

  it('puts the oldest first', () => {
    expect(ids(sortHighlights(made, 'oldest', order))).toEqual(['oldest', 'unknown', 'middle', 'newest']);
  });

  it('orders by article, then by place in the text, with unknown articles last', () => {
    expect(ids(sortHighlights(made, 'article', order))).toEqual(['newest', 'oldest', 'middle', 'unknown']);
  });

  it('keeps the given order of highlights made at the same moment', () => {
    const same = [makeHighlight({ id: 'x' }), makeHighlight({ id: 'y' }), makeHighlight({ id: 'z' })];
    expect(ids(sortHighlights(same, 'newest', order))).toEqual(['x', 'y', 'z']);
    expect(ids(sortHighlights(same, 'oldest', order))).toEqual(['x', 'y', 'z']);
  });

  it('leaves the given list alone', () => {
    const given = [...made];
    sortHighlights(given, 'newest', order);
    expect(given).toEqual(made);
  });
});

describe('isHighlightSort', () => {
  it('accepts exactly the listed sorts', () => {
    expect(HIGHLIGHT_SORTS.map((s) => s.value)).toEqual(['newest', 'oldest', 'article']);
    for (const { value } of HIGHLIGHT_SORTS) expect(isHighlightSort(value)).toBe(true);
    for (const value of [null, '', 'Newest', 'random']) expect(isHighlightSort(value)).toBe(false);
  });
});

describe('isHighlightColor', () => {
  it('accepts exactly the four colours', () => {
    for (const value of ['yellow', 'green', 'blue', 'pink']) expect(isHighlightColor(value)).toBe(true);
    for (const value of [null, '', 'Yellow', 'red']) expect(isHighlightColor(value)).toBe(false);
  });
});
