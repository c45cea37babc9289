import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFakeStorage } from '../../../tests/fixtures/fake-storage.ts';
import { highlightArbitrary, isoTimestampArbitrary } from '../../../tests/fixtures/highlight-arbitraries.ts';
import { manualEvents, TEXT } from '../../../tests/fixtures/highlight-store-harness.ts';
import { manualClock, sequentialIds } from '../../../tests/fixtures/highlights.ts';
import { propertySeed } from '../../../tests/fixtures/property-seed.ts';
import { HIGHLIGHT_COLORS, type Highlight } from './highlight.ts';
import { createHighlightStorage, HIGHLIGHTS_STORAGE_KEY } from './highlight-storage.ts';
import { createHighlightStore, type HighlightStore } from './highlight-store.ts';
import { parseHighlightsImport } from './web-annotation.ts';

/**
 * Times an imported file may carry: ordinary ones, and the edges of what a date can be, where
 * "one millisecond later" used to step out of the ISO form the schema reads back.
 */
const importedTimestamp = fc.oneof(
  isoTimestampArbitrary(),
  fc.constantFrom('9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.998Z', '2999-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'),
);

type Op =
  | { kind: 'add'; tab: number; start: number; length: number; color: (typeof HIGHLIGHT_COLORS)[number] }
  | { kind: 'edit'; tab: number; pick: number; note: string }
  | { kind: 'recolour'; tab: number; pick: number; color: (typeof HIGHLIGHT_COLORS)[number] }
  | { kind: 'delete'; tab: number; pick: number }
  | { kind: 'undo'; tab: number }
  | { kind: 'import'; tab: number; records: Highlight[] }
  | { kind: 'tick'; ms: number };

const tabIndex = fc.integer({ min: 0, max: 1 });
const color = fc.constantFrom(...HIGHLIGHT_COLORS);
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), tab: tabIndex, start: fc.nat({ max: TEXT.length - 1 }), length: fc.integer({ min: 1, max: 20 }), color }),
  fc.record({ kind: fc.constant('edit' as const), tab: tabIndex, pick: fc.nat(), note: fc.string({ maxLength: 20 }) }),
  fc.record({ kind: fc.constant('recolour' as const), tab: tabIndex, pick: fc.nat(), color }),
  fc.record({ kind: fc.constant('delete' as const), tab: tabIndex, pick: fc.nat() }),
  fc.record({ kind: fc.constant('undo' as const), tab: tabIndex }),
  fc.record({
    kind: fc.constant('import' as const),
    tab: tabIndex,
    records: fc.array(
      fc
        .tuple(highlightArbitrary({ id: fc.constantFrom('i1', 'i2', 'i3', 'i4') }), importedTimestamp, importedTimestamp)
        .map(([h, createdAt, updatedAt]) => ({ ...h, createdAt, updatedAt })),
      { maxLength: 3 },
    ),
  }),
  fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 5_000 }) }),
);

const byId = (highlights: readonly Highlight[]) => [...highlights].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

describe('the highlight store, for any sequence of operations in two tabs', () => {
  it('reads back exactly what it wrote: after every operation a fresh load gives each tab’s highlights, and every edit shows', () => {
    const seed = propertySeed('highlight store round trip');
    fc.assert(
      fc.property(fc.array(opArbitrary, { minLength: 1, maxLength: 25 }), (ops) => {
        const area = createFakeStorage();
        const clock = manualClock('2026-03-01T00:00:00.000Z');
        const channels = [manualEvents(), manualEvents()];
        const tabs: HighlightStore[] = channels.map(({ events }, index) =>
          createHighlightStore(createHighlightStorage(() => area, events, clock.now), { now: clock.now, makeId: sequentialIds(`t${index}-`) }),
        );
        const removed: (Highlight | undefined)[] = [undefined, undefined];
        const pick = (store: HighlightStore, n: number) => {
          const { highlights } = store.getSnapshot();
          return highlights.length > 0 ? highlights[n % highlights.length] : undefined;
        };
        for (const op of ops) {
          if (op.kind === 'tick') {
            clock.advance(op.ms);
            continue;
          }
          const store = tabs[op.tab] as HighlightStore;
          if (op.kind === 'add') store.add({ articleId: 'a1', articleHeadline: 'Minister resigns', text: TEXT, span: { start: op.start, end: op.start + op.length }, color: op.color });
          else if (op.kind === 'edit' || op.kind === 'recolour') {
            const target = pick(store, op.pick);
            if (!target) continue;
            const change = op.kind === 'edit' ? { note: op.note } : { color: op.color };
            store.update(target.id, change);
            // The change is what the tab now shows, and what storage now holds.
            expect(store.getSnapshot().highlights.find((h) => h.id === target.id)).toMatchObject(change);
          } else if (op.kind === 'delete') {
            const target = pick(store, op.pick);
            if (target) removed[op.tab] = store.remove(target.id);
            if (target) expect(store.getSnapshot().highlights.some((h) => h.id === target.id)).toBe(false);
          } else if (op.kind === 'undo') {
            const last = removed[op.tab];
            if (!last) continue;
            removed[op.tab] = undefined;
            store.restore(last);
            expect(store.getSnapshot().highlights.some((h) => h.id === last.id)).toBe(true);
          } else {
            const parsed = parseHighlightsImport({ version: 2, highlights: op.records, deleted: [] }, { makeId: () => 'fresh', now: clock.now(), findArticle: () => undefined });
            if ('error' in parsed) throw new Error(parsed.error);
            store.importHighlights(parsed.highlights);
          }
          // The browser tells the other tab that storage changed.
          channels[1 - op.tab]?.fire(HIGHLIGHTS_STORAGE_KEY);
          const loaded = createHighlightStorage(() => area, undefined, clock.now).load();
          expect(loaded.problem).toBeNull();
          for (const each of tabs) expect(byId(loaded.stored.highlights)).toEqual(byId(each.getSnapshot().highlights));
        }
      }),
      { seed, numRuns: 200 },
    );
    // Two hundred runs of up to 25 operations in two tabs: about a second alone, longer on a busy machine.
  }, 30_000);
});
