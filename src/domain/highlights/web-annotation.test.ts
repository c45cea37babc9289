import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../../tests/fixtures/articles.ts';
import { highlightArbitrary } from '../../../tests/fixtures/highlight-arbitraries.ts';
import { at, highlightOf, makeHighlight, sequentialIds } from '../../../tests/fixtures/highlights.ts';
import { groupLocatedHighlights, locateHighlights } from './group-highlights.ts';
import type { Highlight } from './highlight.ts';
import { parseHighlightsImport, toWebAnnotations, type ArticleRef, type ImportContext, type ParsedImport } from './web-annotation.ts';

const harbour = makeArticle('010_harbour', 'Harbour reopens after storm', ['The harbour reopened on Monday.', 'Boats returned at dawn.']);
const election = makeArticle('020_election', 'Election called', ['The prime minister called an early election.']);
const ARTICLES = [harbour, election];
const urlOf = (slug: string) => `https://news.example/reader/article/${slug}`;
const EXPORTED_AT = new Date('2024-06-01T12:00:00.000Z');
const NOW = new Date('2024-07-01T00:00:00.000Z');

/** What the app passes for articles of this build. */
const articleRef = (articleId: string): ArticleRef | undefined => {
  const article = ARTICLES.find((a) => a.id === articleId);
  return article && { id: article.id, headline: article.headline, url: urlOf(article.slug) };
};

function context(): ImportContext {
  return {
    findArticle: ({ articleId, source }) => {
      const article = ARTICLES.find((a) => a.id === articleId) ?? ARTICLES.find((a) => urlOf(a.slug) === source);
      return article && { id: article.id, headline: article.headline };
    },
    makeId: sequentialIds('imported-'),
    now: NOW,
  };
}

function parsed(value: unknown): ParsedImport {
  const result = parseHighlightsImport(value, context());
  if ('error' in result) throw new Error(`unexpected error: ${result.error}`);
  return result;
}

/** Through a file: what the reader downloads is JSON text. */
const viaFile = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

const quoteSelector = { type: 'TextQuoteSelector', exact: 'reopened on Monday', prefix: 'The harbour ', suffix: '.\nBoats' };
const foreignAnnotation = (overrides: Record<string, unknown> = {}) => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'Annotation',
  target: { source: urlOf(harbour.slug), selector: quoteSelector },
  ...overrides,
});

describe('toWebAnnotations', () => {
  it('exports a W3C AnnotationCollection with one page of annotations', () => {
    const collection = toWebAnnotations([highlightOf(harbour, 'harbour')], articleRef, EXPORTED_AT);
    expect(collection).toMatchObject({
      '@context': ['http://www.w3.org/ns/anno.jsonld', { bs: 'urn:broadsheet:' }],
      type: 'AnnotationCollection',
      label: 'Broadsheet highlights',
      generated: '2024-06-01T12:00:00.000Z',
      total: 1,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    expect(collection.first.items).toHaveLength(1);
  });

  it('exports a highlight as a highlighting Annotation targeting the article URL with both selectors', () => {
    const h = highlightOf(harbour, 'reopened on Monday', { id: 'abc', color: 'green', createdAt: at(0), updatedAt: at(5) });
    expect(toWebAnnotations([h], articleRef, EXPORTED_AT).first.items[0]).toEqual({
      id: 'urn:broadsheet:highlight:abc',
      type: 'Annotation',
      motivation: 'highlighting',
      created: at(0),
      modified: at(5),
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'green' }],
      target: { source: urlOf(harbour.slug), selector: [h.quote, h.position] },
      'bs:articleId': harbour.id,
      'bs:articleHeadline': harbour.headline,
    });
  });

  it('exports a note as a commenting TextualBody, and the annotation as commenting', () => {
    const h = highlightOf(harbour, 'harbour', { note: 'Line one\nline two' });
    const [annotation] = toWebAnnotations([h], articleRef, EXPORTED_AT).first.items;
    expect(annotation?.motivation).toBe('commenting');
    expect(annotation?.body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: 'Line one\nline two' },
      { type: 'TextualBody', purpose: 'tagging', value: 'yellow' },
    ]);
  });

  it('names the article by its current headline', () => {
    const h = highlightOf(harbour, 'harbour', { articleHeadline: 'Headline when highlighted' });
    expect(toWebAnnotations([h], articleRef, EXPORTED_AT).first.items[0]?.['bs:articleHeadline']).toBe(harbour.headline);
  });

  it('gives a highlight whose article is gone an own URN as source and its stored headline', () => {
    const h = makeHighlight({ articleId: '999_gone', articleHeadline: 'A removed story' });
    const [annotation] = toWebAnnotations([h], articleRef, EXPORTED_AT).first.items;
    expect(annotation?.target.source).toBe('urn:broadsheet:highlight:article:999_gone');
    expect(annotation?.['bs:articleId']).toBe('999_gone');
    expect(annotation?.['bs:articleHeadline']).toBe('A removed story');
  });

  it('exports no highlights as an empty collection', () => {
    const collection = toWebAnnotations([], articleRef, EXPORTED_AT);
    expect(collection.total).toBe(0);
    expect(collection.first.items).toEqual([]);
  });
});

describe('parseHighlightsImport', () => {
  const mine = () => [
    highlightOf(harbour, 'reopened on Monday', { id: 'h1', color: 'pink', note: 'Check the date', createdAt: at(0), updatedAt: at(9) }),
    highlightOf(harbour, 'Boats returned', { id: 'h2', createdAt: at(1), updatedAt: at(1) }),
    highlightOf(election, 'early election', { id: 'h3', color: 'blue', note: 'Ünïcødé — «quotes» 🗳️\n\nSecond paragraph', createdAt: at(2), updatedAt: at(2) }),
    makeHighlight({ id: 'h4', articleId: '999_gone', articleHeadline: 'A removed story', createdAt: at(3), updatedAt: at(3) }),
  ];

  describe('W3C Web Annotation files', () => {
    it('gives an imported highlight whose id holds whitespace a new id, keeping the rest', () => {
      const [first] = mine();
      if (!first) throw new Error('no sample highlight');
      const file = viaFile(toWebAnnotations([{ ...first, id: 'has space' }], articleRef, EXPORTED_AT));
      const result = parsed(file);
      expect(result.highlights[0]?.id).not.toBe('has space');
      expect(result.highlights[0]?.id).toMatch(/^\S+$/);
      expect(result.highlights[0]?.quote).toEqual(first.quote);
    });

    it('gives back equal highlights from its own export', () => {
      const result = parsed(viaFile(toWebAnnotations(mine(), articleRef, EXPORTED_AT)));
      expect(result).toEqual({ highlights: mine(), rejected: [], format: 'web-annotation' });
    });

    it('gives back equal highlights from its own export, for any valid highlights', () => {
      fc.assert(
        // Ids without whitespace: an id with a space is replaced on import (the page joins ids with spaces).
        fc.property(fc.array(highlightArbitrary({ id: fc.string({ minLength: 1, maxLength: 40 }).filter((id) => /^\S+$/u.test(id)) }), { maxLength: 5 }), (highlights) => {
          // No article of the build matches: every highlight travels on its own reference.
          const exported = viaFile(toWebAnnotations(highlights, () => undefined, EXPORTED_AT));
          expect(parsed(exported)).toEqual({ highlights, rejected: [], format: 'web-annotation' });
        }),
        { numRuns: 100 },
      );
    });

    it('reads an AnnotationPage', () => {
      const page = toWebAnnotations(mine(), articleRef, EXPORTED_AT).first;
      expect(parsed(viaFile(page)).highlights).toEqual(mine());
    });

    it('reads a single Annotation', () => {
      const [annotation] = toWebAnnotations(mine(), articleRef, EXPORTED_AT).first.items;
      expect(parsed(viaFile(annotation)).highlights).toEqual([mine()[0]]);
    });

    it('reads an array of Annotations', () => {
      const items = toWebAnnotations(mine(), articleRef, EXPORTED_AT).first.items;
      expect(parsed(viaFile(items)).highlights).toEqual(mine());
    });

    it('reads an annotation made by another tool: article by URL, note from an untyped body, defaults for the rest', () => {
      const result = parsed([foreignAnnotation({ body: { type: 'TextualBody', value: 'Interesting' } })]);
      expect(result).toEqual({
        highlights: [
          {
            id: 'imported-1',
            articleId: harbour.id,
            articleHeadline: harbour.headline,
            quote: quoteSelector,
            position: { type: 'TextPositionSelector', start: 0, end: quoteSelector.exact.length },
            color: 'yellow',
            note: 'Interesting',
            createdAt: NOW.toISOString(),
            updatedAt: NOW.toISOString(),
          },
        ],
        rejected: [],
        format: 'web-annotation',
      });
    });

    it('keeps a foreign annotation’s own id, times and TextPositionSelector', () => {
      const [h] = parsed([
        foreignAnnotation({
          id: 'https://tool.example/anno/1',
          created: at(0),
          modified: at(10),
          target: { source: urlOf(harbour.slug), selector: [{ type: 'RangeSelector' }, quoteSelector, { type: 'TextPositionSelector', start: 12, end: 30 }] },
        }),
      ]).highlights;
      expect(h).toMatchObject({ id: 'https://tool.example/anno/1', createdAt: at(0), updatedAt: at(10), position: { start: 12, end: 30 } });
    });

    it('takes the colour from a tagging body naming one of its colours, and yellow otherwise', () => {
      const tagged = (value: string) => foreignAnnotation({ body: [{ type: 'TextualBody', purpose: 'tagging', value }] });
      expect(parsed([tagged('blue'), tagged('important'), tagged('Blue')]).highlights.map((h) => [h.color, h.note])).toEqual([
        ['blue', ''],
        ['yellow', ''],
        ['yellow', ''],
      ]);
    });

    it('falls back to a position covering the quote when the TextPositionSelector is invalid', () => {
      const [h] = parsed([
        foreignAnnotation({ target: { source: 'https://elsewhere.example/', selector: [quoteSelector, { type: 'TextPositionSelector', start: 9, end: 2 }] } }),
      ]).highlights;
      expect(h?.position).toEqual({ type: 'TextPositionSelector', start: 0, end: quoteSelector.exact.length });
    });

    it('keeps an annotation of an article not in this build with its reference, so it is listed as an orphan', () => {
      const exported = viaFile(toWebAnnotations(mine(), articleRef, EXPORTED_AT));
      const [gone] = parsed(exported).highlights.filter((h) => h.id === 'h4');
      expect(gone).toMatchObject({ articleId: '999_gone', articleHeadline: 'A removed story' });
      const foreign = parsed([foreignAnnotation({ target: { source: 'https://other.example/story', selector: quoteSelector } })]).highlights;
      expect(foreign[0]).toMatchObject({ articleId: 'https://other.example/story', articleHeadline: '' });
      const listed = [...(gone ? [gone] : []), ...foreign];
      const { groups, orphans } = groupLocatedHighlights(listed, ARTICLES, locateHighlights(listed, ARTICLES));
      expect(groups).toEqual([]);
      expect(orphans.map((h) => h.articleId)).toEqual(['999_gone', 'https://other.example/story']);
    });

    it('rejects each invalid record with its 1-based number and a reason, keeping the valid ones', () => {
      const valid = foreignAnnotation();
      const result = parsed([
        valid,
        { type: 'Annotation' },
        foreignAnnotation({ target: { source: urlOf(harbour.slug), selector: { type: 'CssSelector', value: 'p' } } }),
        valid,
        foreignAnnotation({ target: { source: urlOf(harbour.slug), selector: { ...quoteSelector, exact: '' } } }),
        foreignAnnotation({ modified: 'last Tuesday' }),
        foreignAnnotation({ body: { value: 'n'.repeat(10_001) } }),
        'not an annotation',
      ]);
      expect(result.highlights).toHaveLength(2);
      expect(result.rejected).toEqual([
        { record: 2, reason: 'target: Invalid key: Expected "target" but received undefined' },
        { record: 3, reason: 'target.selector: no valid TextQuoteSelector (Invalid type: Expected Object but received undefined)' },
        { record: 5, reason: 'target.selector: no valid TextQuoteSelector (exact: the quote is empty)' },
        { record: 6, reason: 'updatedAt: not an ISO 8601 date and time' },
        { record: 7, reason: 'note: the note is longer than 10000 characters' },
        { record: 8, reason: 'Invalid type: Expected Object but received "not an annotation"' },
      ]);
    });

    it('numbers rejected records within the page of a collection', () => {
      const collection = viaFile(toWebAnnotations(mine(), articleRef, EXPORTED_AT)) as { first: { items: unknown[] } };
      collection.first.items.splice(1, 0, { type: 'Annotation', target: { source: '' } });
      const result = parsed(collection);
      expect(result.highlights).toEqual(mine());
      expect(result.rejected).toEqual([{ record: 2, reason: 'target.source: the target has no source' }]);
    });

    it('reads an empty page as no highlights', () => {
      expect(parsed({ type: 'AnnotationPage', items: [] })).toEqual({ highlights: [], rejected: [], format: 'web-annotation' });
    });

    it.each([null, 'text', 42, {}, { type: 'AnnotationCollection', first: 'https://tool.example/page/1' }])(
      'refuses %j as neither format',
      (value) => {
        expect(parseHighlightsImport(value, context())).toEqual({ error: 'this is neither a Web Annotation file nor a Broadsheet highlights file' });
      },
    );
  });

  describe('Broadsheet’s own format', () => {
    it('reads {version, highlights}, keeping valid records and rejecting the others with 1-based numbers', () => {
      const [one, two] = mine();
      const result = parseHighlightsImport({ version: 2, highlights: [one, { ...two, color: 'purple' }, 5, two] }, context());
      expect(result).toEqual({
        highlights: [one, two],
        rejected: [
          { record: 2, reason: 'color: not one of yellow, green, blue or pink' },
          { record: 3, reason: 'Invalid type: Expected Object but received 5' },
        ],
        format: 'broadsheet',
      });
    });

    it('upgrades a version-1 file', () => {
      const { articleHeadline: _h, color: _c, note: _n, updatedAt: _u, ...v1 } = makeHighlight({ id: 'old' });
      expect(parsed({ version: 1, highlights: [v1] }).highlights).toEqual([
        makeHighlight({ id: 'old', articleHeadline: '', color: 'yellow', note: '', updatedAt: v1.createdAt }),
      ]);
    });

    it('refuses a file of an unknown version or without a list, saying why', () => {
      expect(parseHighlightsImport({ version: 9, highlights: [] }, context())).toEqual({ error: 'the saved highlights have an unknown version (9), from a newer version of the reader' });
      expect(parseHighlightsImport({ version: 2 }, context())).toEqual({ error: 'the saved highlights have no list of highlights' });
    });
  });
});

describe('export then import', () => {
  it('keeps ids, so importing a file twice is recognisable as the same highlights', () => {
    const highlights: Highlight[] = [highlightOf(harbour, 'harbour', { id: 'same' })];
    const once = parsed(viaFile(toWebAnnotations(highlights, articleRef, EXPORTED_AT))).highlights;
    const twice = parsed(viaFile(toWebAnnotations(once, articleRef, EXPORTED_AT))).highlights;
    expect(twice).toEqual(highlights);
  });
});
