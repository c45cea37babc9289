import { describe, expect, it } from 'vitest';
import { articleText, paragraphStarts } from '../../articles/article-text.ts';
import { segmentParagraph, type AnchoredSpan, type ParagraphSegment } from './text-segments.ts';

const joined = (segments: readonly ParagraphSegment[]) => segments.map((s) => s.text).join('');
const span = (id: string, start: number, end: number): AnchoredSpan => ({ id, start, end });

describe('segmentParagraph', () => {
  const paragraph = 'The quick brown fox jumps.';
  const at = 100; // the paragraph's offset in the article text

  it('gives one plain segment when no highlight touches the paragraph', () => {
    expect(segmentParagraph(paragraph, at, [])).toEqual([{ text: paragraph, start: 100, highlightIds: [], startingIds: [] }]);
    expect(segmentParagraph(paragraph, at, [span('before', 10, 100), span('after', 126, 140)])).toEqual([
      { text: paragraph, start: 100, highlightIds: [], startingIds: [] },
    ]);
  });

  it('gives no segments for an empty paragraph', () => {
    expect(segmentParagraph('', at, [])).toEqual([]);
  });

  it('splits around one highlight inside the paragraph', () => {
    expect(segmentParagraph(paragraph, at, [span('h1', 104, 109)])).toEqual([
      { text: 'The ', start: 100, highlightIds: [], startingIds: [] },
      { text: 'quick', start: 104, highlightIds: ['h1'], startingIds: ['h1'] },
      { text: ' brown fox jumps.', start: 109, highlightIds: [], startingIds: [] },
    ]);
  });

  it('gives a single highlighted segment for a highlight covering exactly the paragraph', () => {
    expect(segmentParagraph(paragraph, at, [span('all', 100, 126)])).toEqual([
      { text: paragraph, start: 100, highlightIds: ['all'], startingIds: ['all'] },
    ]);
  });

  it('splits overlapping highlights into runs covered by one, both, then the other', () => {
    expect(segmentParagraph(paragraph, at, [span('a', 104, 115), span('b', 110, 119)])).toEqual([
      { text: 'The ', start: 100, highlightIds: [], startingIds: [] },
      { text: 'quick ', start: 104, highlightIds: ['a'], startingIds: ['a'] },
      { text: 'brown', start: 110, highlightIds: ['a', 'b'], startingIds: ['b'] },
      { text: ' fox', start: 115, highlightIds: ['b'], startingIds: [] },
      { text: ' jumps.', start: 119, highlightIds: [], startingIds: [] },
    ]);
  });

  it('lists covering highlights in the order given', () => {
    const segments = segmentParagraph(paragraph, at, [span('z', 104, 109), span('a', 104, 109)]);
    expect(segments[1]).toEqual({ text: 'quick', start: 104, highlightIds: ['z', 'a'], startingIds: ['z', 'a'] });
  });

  it('handles a highlight nested inside another', () => {
    const segments = segmentParagraph(paragraph, at, [span('outer', 100, 126), span('inner', 110, 115)]);
    expect(segments.map((s) => [s.text, s.highlightIds, s.startingIds])).toEqual([
      ['The quick ', ['outer'], ['outer']],
      ['brown', ['outer', 'inner'], ['inner']],
      [' fox jumps.', ['outer'], []],
    ]);
  });

  it('marks a highlight as starting only in the paragraph where it really starts', () => {
    const paragraphs = ['First paragraph ends here.', 'Second paragraph goes on.', 'Third paragraph.'];
    const text = articleText(paragraphs);
    const starts = paragraphStarts(paragraphs);
    const from = text.indexOf('ends');
    const to = text.indexOf('paragraph.') + 'paragraph'.length;
    const across = span('across', from, to);
    const segmented = paragraphs.map((p, index) => segmentParagraph(p, starts[index] ?? 0, [across]));

    expect(segmented[0]).toEqual([
      { text: 'First paragraph ', start: 0, highlightIds: [], startingIds: [] },
      { text: 'ends here.', start: from, highlightIds: ['across'], startingIds: ['across'] },
    ]);
    expect(segmented[1]).toEqual([{ text: paragraphs[1], start: starts[1], highlightIds: ['across'], startingIds: [] }]);
    expect(segmented[2]).toEqual([
      { text: 'Third paragraph', start: starts[2], highlightIds: ['across'], startingIds: [] },
      { text: '.', start: to, highlightIds: [], startingIds: [] },
    ]);
    const startingEverywhere = segmented.flat().flatMap((s) => s.startingIds);
    expect(startingEverywhere).toEqual(['across']);
  });

  it('ignores a highlight that ends exactly where the paragraph starts or starts where it ends', () => {
    expect(segmentParagraph(paragraph, at, [span('x', 90, 100), span('y', 126, 130)])).toHaveLength(1);
  });

  it('always rebuilds the paragraph exactly from its segments, with contiguous offsets', () => {
    const text = 'Alpha beta gamma — delta “epsilon” مرحبا 🎉 end.';
    const start = 7;
    let checked = 0;
    for (let a = start - 3; a <= start + text.length + 3; a += 2) {
      for (let b = a + 1; b <= start + text.length + 3; b += 3) {
        const spans = [span('one', a, b), span('two', Math.max(0, a - 5), a + 4), span('three', b - 2, b + 6)];
        const segments = segmentParagraph(text, start, spans);
        expect(joined(segments)).toBe(text);
        let offset = start;
        for (const segment of segments) {
          expect(segment.start).toBe(offset);
          expect(segment.text.length).toBeGreaterThan(0);
          const end = offset + segment.text.length;
          const covering = spans.filter((s) => s.start < end && s.end > offset);
          expect(segment.highlightIds).toEqual(covering.map((s) => s.id));
          expect(segment.startingIds).toEqual(covering.filter((s) => s.start >= offset).map((s) => s.id));
          // A highlight covers the whole segment or none of it.
          expect(covering.every((s) => s.start <= offset && s.end >= end)).toBe(true);
          offset = end;
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
