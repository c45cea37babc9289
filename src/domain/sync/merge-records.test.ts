import { describe, expect, it } from 'vitest';
import { at, makeHighlight, storedOf, tombstone } from '../../../tests/fixtures/highlights.ts';
import { highlightsToSend, mergeIncomingHighlights, mergeReadingProgress, readingToSend, winningRecord } from './merge-records.ts';
import type { HighlightRecord } from './remote-documents.ts';

const NOW = new Date(at(60_000));
const highlightRecord = (overrides: Parameters<typeof makeHighlight>[0]): HighlightRecord => ({ kind: 'highlight', highlight: makeHighlight(overrides) });
const deletedRecord = (id: string, deletedAt: string): HighlightRecord => ({ kind: 'deleted', tombstone: tombstone(id, deletedAt) });

describe('merging synced highlights', () => {
  it('keeps the later edit of a highlight', () => {
    const older = highlightRecord({ note: 'old', updatedAt: at(1) });
    const newer = highlightRecord({ note: 'new', updatedAt: at(2) });
    expect(winningRecord(older, newer, NOW)).toEqual(newer);
    expect(winningRecord(newer, older, NOW)).toEqual(newer);
  });

  it('lets a deletion win over edits made before it, and an edit made after it (an undo) win over it', () => {
    expect(winningRecord(highlightRecord({ updatedAt: at(1) }), deletedRecord('h1', at(2)), NOW)).toEqual(deletedRecord('h1', at(2)));
    expect(winningRecord(highlightRecord({ updatedAt: at(3) }), deletedRecord('h1', at(2)), NOW)).toEqual(highlightRecord({ updatedAt: at(3) }));
  });

  it('never brings back a highlight deleted here when an older copy arrives', () => {
    const local = storedOf([], [tombstone('h1', at(5))]);
    const merged = mergeIncomingHighlights(local, [highlightRecord({ note: 'stale', updatedAt: at(4) })], NOW);
    expect(merged.highlights).toEqual([]);
  });

  it('sends what storage lacks or holds older, and nothing it already has', () => {
    const local = storedOf([makeHighlight({ id: 'same' }), makeHighlight({ id: 'newer', updatedAt: at(2) }), makeHighlight({ id: 'missing' })], [tombstone('gone', at(3))]);
    const remote = new Map<string, HighlightRecord>([
      ['same', highlightRecord({ id: 'same' })],
      ['newer', highlightRecord({ id: 'newer', updatedAt: at(1) })],
      ['gone', highlightRecord({ id: 'gone', updatedAt: at(1) })],
    ]);
    expect(highlightsToSend(local, remote, NOW).map((r) => (r.kind === 'highlight' ? r.highlight.id : `deleted ${r.tombstone.id}`))).toEqual(['deleted gone', 'newer', 'missing']);
  });

  it('does not send a local version older than the stored one', () => {
    const local = storedOf([makeHighlight({ updatedAt: at(1) })]);
    expect(highlightsToSend(local, new Map([['h1', highlightRecord({ updatedAt: at(2) })]]), NOW)).toEqual([]);
  });
});

describe('merging synced reading positions', () => {
  const entry = (updatedAt: string, progress: number) => ({ progress, paragraph: 0, read: false, updatedAt });

  it('keeps the later position of each article', () => {
    const merged = mergeReadingProgress({ a: entry(at(1), 0.1), b: entry(at(5), 0.5) }, [
      { articleId: 'a', entry: entry(at(2), 0.2) },
      { articleId: 'b', entry: entry(at(4), 0.4) },
    ]);
    expect({ ...merged }).toEqual({ a: entry(at(2), 0.2), b: entry(at(5), 0.5) });
  });

  it('treats an article id such as __proto__ as an ordinary key', () => {
    const merged = mergeReadingProgress({}, [{ articleId: '__proto__', entry: entry(at(1), 0.3) }]);
    expect(Object.keys(merged)).toEqual(['__proto__']);
  });

  it('sends only the positions storage lacks or holds older', () => {
    const local = { a: entry(at(2), 0.2), b: entry(at(1), 0.1), c: entry(at(1), 0.1) };
    const remote = new Map([
      ['a', entry(at(1), 0.1)],
      ['b', entry(at(2), 0.9)],
    ]);
    expect(readingToSend(local, remote).map((r) => r.articleId)).toEqual(['a', 'c']);
  });
});
