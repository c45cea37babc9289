/**
 * Highlight import and saving at scale, measured in Node on the real domain modules (no browser):
 * parsing a file of N highlights, adding them to a store that already holds N others (the
 * duplicate check), and one edit's save with 2N stored. Run alone with
 * `npx tsx tests/bench/highlights-bench.ts [--count N]`; `npm run bench` includes it.
 */
import { createHighlightStorage } from '../../src/domain/highlights/highlight-storage.ts';
import { createHighlightStore } from '../../src/domain/highlights/highlight-store.ts';
import type { Highlight } from '../../src/domain/highlights/highlight.ts';
import { parseHighlightsImport } from '../../src/domain/highlights/web-annotation.ts';
import { createFakeStorage } from '../fixtures/fake-storage.ts';

function highlights(count: number, idPrefix: string): Highlight[] {
  return Array.from({ length: count }, (_, index) => {
    const exact = `passage ${idPrefix}${index} of a long article about harbours and trade`;
    const at = new Date(Date.parse('2026-01-01T00:00:00.000Z') + index * 1000).toISOString();
    return {
      id: `${idPrefix}${index.toString(16).padStart(8, '0')}`,
      articleId: `article-${index % 500}`,
      articleHeadline: `Article ${index % 500}`,
      quote: { type: 'TextQuoteSelector', exact, prefix: 'The committee heard that ', suffix: ' had been kept.' },
      position: { type: 'TextPositionSelector', start: index * 10, end: index * 10 + exact.length },
      color: 'yellow',
      note: index % 3 === 0 ? `A note on passage ${index}` : '',
      createdAt: at,
      updatedAt: at,
    };
  });
}

/** The median of `runs` timings of `work`, in milliseconds: one run on a shared machine is noise. */
function median(runs: number, work: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

export interface HighlightFigure {
  what: string;
  ms: number;
}

export function measureHighlights(count: number): HighlightFigure[] {
  const file = JSON.parse(JSON.stringify({ version: 2, highlights: highlights(count, 'f'), deleted: [] })) as unknown;
  const context = { makeId: () => 'new', now: new Date('2026-06-01T00:00:00.000Z'), findArticle: () => undefined };
  const parsed = parseHighlightsImport(file, context);
  if ('error' in parsed) throw new Error(parsed.error);

  const parse = median(3, () => void parseHighlightsImport(file, context));

  // Adding to a store that already has as many: every candidate is checked against what is there.
  const fresh = () => {
    const area = createFakeStorage();
    const store = createHighlightStore(createHighlightStorage(() => area));
    store.importHighlights(highlights(count, 'e'));
    return store;
  };
  let store = fresh();
  const importOnly: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    store = fresh();
    const started = performance.now();
    const summary = store.importHighlights(parsed.highlights);
    importOnly.push(performance.now() - started);
    if (summary.imported !== count) throw new Error(`imported ${summary.imported} of ${count}`);
  }
  importOnly.sort((a, b) => a - b);

  const target = store.getSnapshot().highlights[0]?.id ?? '';
  let note = 0;
  const save = median(5, () => store.update(target, { note: `edit ${(note += 1)}` }));

  const n = count.toLocaleString('en');
  return [
    { what: `highlights import: read and validate a file of ${n}`, ms: parse },
    { what: `highlights import: add ${n} to a store holding ${n} (duplicate check, one save)`, ms: importOnly[1] ?? NaN },
    { what: `highlights save: one edit with ${(2 * count).toLocaleString('en')} stored`, ms: save },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[process.argv.indexOf('--count') + 1] || 10_000) || 10_000;
  for (const { what, ms } of measureHighlights(count)) console.log(`${what}: ${Math.round(ms)} ms`);
}
