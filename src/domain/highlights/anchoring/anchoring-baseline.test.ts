import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleText } from '../../articles/article-text.ts';
import { parseSeed } from '../../articles/parse-seed.ts';
import { readStoredHighlights } from '../stored-highlights.ts';
import { anchorHighlight } from './anchor-highlight.ts';

const baseline = path.resolve(import.meta.dirname, '../../../../tests/fixtures/anchoring-baseline');
const read = (name: string) => readFileSync(path.join(baseline, name));

type Placement = { placed: false } | { placed: true; method: string; start: number; end: number; text: string };
const expected = JSON.parse(read('expected.json').toString('utf8')) as Record<string, Placement>;

function currentText(articleId: string): string {
  const parsed = parseSeed(read(`${articleId}.txt`));
  if (!parsed.ok) throw new Error(`${articleId}.txt does not parse: ${parsed.reason}`);
  return articleText(parsed.paragraphs);
}

describe.each(['stored-v1.json', 'stored-v2.json'])('highlights saved as %s', (file) => {
  const stored = readStoredHighlights(read(file).toString('utf8'));

  it('are all read back, none rejected', () => {
    expect(stored.problem).toBeNull();
    expect(stored.stored.highlights.length).toBeGreaterThan(0);
  });

  it('are placed in the current text of their articles exactly where the baseline says', () => {
    for (const highlight of stored.stored.highlights) {
      const text = currentText(highlight.articleId);
      const outcome = anchorHighlight(text, highlight.quote, highlight.position);
      const placement: Placement =
        outcome.kind === 'orphan'
          ? { placed: false }
          : { placed: true, method: outcome.method, start: outcome.span.start, end: outcome.span.end, text: text.slice(outcome.span.start, outcome.span.end) };
      expect(placement, highlight.id).toEqual(expected[highlight.id]);
    }
  });
});

it('the baseline has an expected placement for every stored highlight, and keeps one orphan', () => {
  const ids = ['stored-v1.json', 'stored-v2.json'].flatMap((file) => (JSON.parse(read(file).toString('utf8')) as { highlights: { id: string }[] }).highlights.map((h) => h.id));
  expect(ids.sort()).toEqual(Object.keys(expected).sort());
  expect(Object.values(expected).filter((p) => !p.placed)).toHaveLength(1);
  expect(new Set(Object.values(expected).map((p) => (p.placed ? p.method : 'orphan')))).toEqual(new Set(['position', 'exact', 'fuzzy', 'orphan']));
});
