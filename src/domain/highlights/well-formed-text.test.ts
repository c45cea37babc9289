import { describe, expect, it } from 'vitest';
import { makeHighlight } from '../../../tests/fixtures/highlights.ts';
import { readStoredHighlights } from './stored-highlights.ts';
import { isWellFormedText } from './well-formed-text.ts';
import { describeSpan, trimSpan } from './anchoring/text-quote.ts';
import { parseHighlightsImport } from './web-annotation.ts';

const context = () => ({ makeId: () => 'new', now: new Date('2026-01-01T00:00:00.000Z'), findArticle: () => undefined });
const annotation = (overrides: Record<string, unknown>) => ({
  type: 'Annotation',
  target: { source: 'https://news.example/reader/article/a/', selector: { type: 'TextQuoteSelector', exact: 'words', prefix: '', suffix: '' } },
  ...overrides,
});

describe('strings that enter from a file or from storage', () => {
  it('rejects an imported id holding a lone surrogate, with a reason, and keeps the other records', () => {
    const result = parseHighlightsImport([annotation({ id: 'urn:broadsheet:highlight:\ud800' }), annotation({ id: 'fine' })], context());
    if ('error' in result) throw new Error(result.error);
    expect(result.highlights.map((h) => h.id)).toEqual(['fine']);
    expect(result.rejected).toEqual([{ record: 1, reason: 'id: not well-formed Unicode (a lone surrogate)' }]);
  });

  it('rejects lone surrogates in any text of a Broadsheet file: quote, context, note, headline, article id', () => {
    const bad = 'x\udc00x';
    const file = {
      version: 2,
      highlights: [
        makeHighlight({ id: 'q', quote: { type: 'TextQuoteSelector', exact: bad, prefix: '', suffix: '' } }),
        makeHighlight({ id: 'p', quote: { type: 'TextQuoteSelector', exact: 'x', prefix: bad, suffix: '' } }),
        makeHighlight({ id: 'n', note: bad }),
        makeHighlight({ id: 'h', articleHeadline: bad }),
        makeHighlight({ id: 'a', articleId: bad }),
      ],
    };
    const result = parseHighlightsImport(file, context());
    if ('error' in result) throw new Error(result.error);
    expect(result.highlights).toEqual([]);
    expect(result.rejected.map((r) => r.reason)).toEqual([
      'quote.exact: not well-formed Unicode (a lone surrogate)',
      'quote.prefix: not well-formed Unicode (a lone surrogate)',
      'note: not well-formed Unicode (a lone surrogate)',
      'articleHeadline: not well-formed Unicode (a lone surrogate)',
      'articleId: not well-formed Unicode (a lone surrogate)',
    ]);
  });

  it('bounds the length of article ids and headlines', () => {
    const result = parseHighlightsImport({ version: 2, highlights: [makeHighlight({ articleId: 'x'.repeat(1001) }), makeHighlight({ id: 'b', articleHeadline: 'x'.repeat(2001) })] }, context());
    if ('error' in result) throw new Error(result.error);
    expect(result.rejected.map((r) => r.reason)).toEqual(['articleId: longer than 1000 characters', 'articleHeadline: longer than 2000 characters']);
  });

  it('reads a stored record with a lone surrogate as unreadable (so the value is backed up), keeping the rest', () => {
    const raw = JSON.stringify({ version: 2, highlights: [makeHighlight({ id: '\ud800' }), makeHighlight({ id: 'ok' })], deleted: [{ id: '\udfff', deletedAt: '2026-01-01T00:00:00.000Z' }] });
    const { stored, problem } = readStoredHighlights(raw);
    expect(stored.highlights.map((h) => h.id)).toEqual(['ok']);
    expect(stored.deleted).toEqual([]);
    expect(problem).toMatch(/could not be read \(id: not well-formed Unicode/);
  });
});

describe('a new highlight’s quote and context', () => {
  const text = 'ab😀cd😀ef'; // each emoji is two UTF-16 code units

  it('never starts or ends inside a character', () => {
    expect(trimSpan(text, { start: 3, end: 7 })).toEqual({ start: 2, end: 8 });
  });

  it('shrinks its context rather than cut a character in two', () => {
    const long = `${'😀'.repeat(40)}axb${'😀'.repeat(40)}`;
    const at = long.indexOf('x');
    const { quote } = describeSpan(long, { start: at, end: at + 1 });
    expect(isWellFormedText(quote.prefix) && isWellFormedText(quote.suffix)).toBe(true);
    expect([quote.prefix.length, quote.suffix.length]).toEqual([31, 31]);
  });
});

describe('records earlier versions wrote with a context cut inside an emoji', () => {
  const legacy = makeHighlight({ id: 'legacy', quote: { type: 'TextQuoteSelector', exact: 'the win', prefix: '\udf89#Final ', suffix: ' #Istanbul2\ud83c' } });
  const repaired = { ...legacy, quote: { ...legacy.quote, prefix: '#Final ', suffix: ' #Istanbul2' } };

  it('are still read from storage, the half characters dropped', () => {
    const { stored, problem } = readStoredHighlights(JSON.stringify({ version: 2, highlights: [legacy], deleted: [] }));
    expect(problem).toBeNull();
    expect(stored.highlights).toEqual([repaired]);
  });

  it('are still imported from an old export', () => {
    const result = parseHighlightsImport({ version: 2, highlights: [legacy] }, context());
    if ('error' in result) throw new Error(result.error);
    expect(result.highlights).toEqual([repaired]);
  });
});
