import { describe, expect, it, vi } from 'vitest';
import { createFakeStorage } from '../../../tests/fixtures/fake-storage.ts';
import { at, CREATED_AT, makeHighlight, manualClock, storedOf, tombstone } from '../../../tests/fixtures/highlights.ts';
import { MAX_QUOTE_LENGTH, type Highlight } from './highlight.ts';
import { HIGHLIGHTS_STORAGE_KEY } from './highlight-storage.ts';
import { createHighlightStore, newHighlightId } from './highlight-store.ts';
import { readStoredHighlights } from './stored-highlights.ts';
import { QUOTE_CONTEXT_LENGTH } from './anchoring/text-quote.ts';
import { ids, memoryStorage, newHighlight, setup, tab, TEXT } from '../../../tests/fixtures/highlight-store-harness.ts';

describe('newHighlightId', () => {
  it('gives 32 lower-case hex characters', () => {
    expect(newHighlightId()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives a different id on every call', () => {
    expect(new Set(Array.from({ length: 50 }, () => newHighlightId())).size).toBe(50);
  });

  it('does not need crypto.randomUUID (which only exists in secure contexts)', () => {
    vi.spyOn(crypto, 'randomUUID').mockImplementation(() => {
      throw new Error('randomUUID is not available over plain HTTP');
    });
    expect(newHighlightId()).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('createHighlightStore', () => {
  it('starts with the loaded highlights and no notice', () => {
    const existing = makeHighlight({ id: 'old' });
    const { store } = setup({ stored: storedOf([existing]) });
    expect(store.getSnapshot()).toEqual({ highlights: [existing], notice: null });
  });

  describe('add', () => {
    it('stores the quote, position, headline, default colour, empty note and times, and saves', () => {
      const { store, saves } = setup();
      const added = store.add(newHighlight(4, 21));
      expect(added).toEqual({
        id: 'id-1',
        articleId: 'a1',
        articleHeadline: 'Minister resigns',
        quote: { type: 'TextQuoteSelector', exact: 'minister resigned', prefix: 'The ', suffix: ' on Friday.\n  Troops stay in Ira' },
        position: { type: 'TextPositionSelector', start: 4, end: 21 },
        color: 'yellow',
        note: '',
        createdAt: CREATED_AT,
        updatedAt: CREATED_AT,
      });
      expect(added?.quote.suffix).toHaveLength(QUOTE_CONTEXT_LENGTH);
      expect(store.getSnapshot().highlights).toEqual([added]);
      expect(saves).toEqual([storedOf([added as Highlight])]);
    });

    it('keeps a colour and a note given with the new highlight', () => {
      const { store } = setup();
      const added = store.add({ ...newHighlight(4, 12), color: 'blue', note: 'Check this' });
      expect(added).toMatchObject({ color: 'blue', note: 'Check this' });
    });

    it('trims whitespace and line breaks from both ends of the span', () => {
      const { store } = setup();
      const added = store.add(newHighlight(TEXT.indexOf('Friday.'), TEXT.indexOf('Iraq') - 1));
      expect(added?.quote.exact).toBe('Friday.\n  Troops stay in');
      const overBreak = store.add(newHighlight(TEXT.indexOf('.\n') + 1, TEXT.length));
      expect(overBreak?.quote.exact).toBe('Troops stay in Iraq for now.');
      expect(overBreak?.position).toEqual({ type: 'TextPositionSelector', start: TEXT.indexOf('Troops'), end: TEXT.lastIndexOf('.') + 1 });
    });

    it('returns null and neither saves nor notifies for a whitespace-only or empty span', () => {
      const { store, saves } = setup();
      const listener = vi.fn();
      store.subscribe(listener);
      const newline = TEXT.indexOf('\n');
      expect(store.add(newHighlight(newline, newline + 3))).toBeNull();
      expect(store.add(newHighlight(5, 5))).toBeNull();
      expect(store.getSnapshot().highlights).toEqual([]);
      expect(saves).toEqual([]);
      expect(listener).not.toHaveBeenCalled();
    });

    it('appends highlights in the order they are added, each with a fresh id', () => {
      const { store } = setup();
      store.add(newHighlight(4, 12));
      store.add(newHighlight(0, 3, 'a2'));
      expect(store.getSnapshot().highlights.map((h) => [h.id, h.articleId])).toEqual([
        ['id-1', 'a1'],
        ['id-2', 'a2'],
      ]);
    });

    it('creates highlights that the storage reads back unchanged', () => {
      const area = createFakeStorage();
      const added = tab(area).add(newHighlight(4, 21));
      expect(readStoredHighlights(area.getItem(HIGHLIGHTS_STORAGE_KEY))).toEqual({ stored: storedOf([added as Highlight]), problem: null });
    });

    it('uses the real clock and random ids by default', () => {
      const store = createHighlightStore(memoryStorage().storage);
      const before = Date.now();
      const added = store.add(newHighlight(4, 12));
      expect(added?.id).toMatch(/^[0-9a-f]{32}$/);
      expect(Date.parse(added?.createdAt ?? '')).toBeGreaterThanOrEqual(before);
      expect(Date.parse(added?.createdAt ?? '')).toBeLessThanOrEqual(Date.now());
      expect(added?.updatedAt).toBe(added?.createdAt);
    });
  });

  describe('update', () => {
    it('changes the colour and the note, moves updatedAt to now, and keeps the rest', () => {
      const { store, saves, clock } = setup();
      const added = store.add(newHighlight(4, 12)) as Highlight;
      clock.advance(5000);
      store.update(added.id, { color: 'green', note: 'A note' });
      const expected = { ...added, color: 'green', note: 'A note', updatedAt: at(5000) };
      expect(store.getSnapshot().highlights).toEqual([expected]);
      expect(saves.at(-1)).toEqual(storedOf([expected as Highlight]));
    });

    it('changes only what is given', () => {
      const { store, clock } = setup();
      const added = store.add({ ...newHighlight(4, 12), color: 'pink', note: 'Keep me' }) as Highlight;
      clock.advance(1);
      store.update(added.id, { color: 'blue' });
      expect(store.getSnapshot().highlights[0]).toMatchObject({ color: 'blue', note: 'Keep me' });
      store.update(added.id, { note: '' });
      expect(store.getSnapshot().highlights[0]).toMatchObject({ color: 'blue', note: '' });
    });

    it('does nothing, and neither saves nor notifies, for an unknown id', () => {
      const { store, saves } = setup();
      store.add(newHighlight(4, 12));
      const snapshot = store.getSnapshot();
      const listener = vi.fn();
      store.subscribe(listener);
      store.update('nope', { color: 'green' });
      expect(store.getSnapshot()).toBe(snapshot);
      expect(saves).toHaveLength(1);
      expect(listener).not.toHaveBeenCalled();
    });

    // BUG (same root cause as the next test): update sets updatedAt to now() even when the
    // highlight's updatedAt is later (imported from a device whose clock runs ahead), so the merge
    // in save() keeps the stored copy and the edit is silently lost.
    it('keeps an edit of a highlight whose last update is later than this clock', () => {
      const area = createFakeStorage();
      const store = tab(area);
      store.importHighlights([makeHighlight({ id: 'ahead', updatedAt: '2030-01-01T00:00:00.000Z' })]);
      store.update('ahead', { color: 'pink' });
      expect(store.getSnapshot().highlights[0]?.color).toBe('pink');
    });
  });

  describe('remove', () => {
    it('removes the highlight, records its deletion and returns it', () => {
      const { store, saves, clock } = setup();
      const first = store.add(newHighlight(0, 3)) as Highlight;
      const second = store.add(newHighlight(4, 12)) as Highlight;
      clock.advance(1000);
      expect(store.remove(first.id)).toEqual(first);
      expect(store.getSnapshot().highlights).toEqual([second]);
      expect(saves.at(-1)).toEqual(storedOf([second], [tombstone(first.id, at(1000))]));
    });

    it('does nothing, and neither saves nor notifies, for an unknown id', () => {
      const { store, saves } = setup();
      store.add(newHighlight(0, 3));
      const snapshot = store.getSnapshot();
      const listener = vi.fn();
      store.subscribe(listener);
      expect(store.remove('nope')).toBeUndefined();
      expect(store.getSnapshot()).toBe(snapshot);
      expect(saves).toHaveLength(1);
      expect(listener).not.toHaveBeenCalled();
    });

    it('stays removed after reloading, even though another tab still had it', () => {
      const area = createFakeStorage();
      const clock = manualClock();
      const first = tab(area, clock);
      const added = first.add(newHighlight(0, 3)) as Highlight;
      const second = tab(area, clock, undefined, 'other-');
      clock.advance(10);
      first.remove(added.id);
      clock.advance(10);
      second.add(newHighlight(4, 12));
      expect(ids(tab(area, clock).getSnapshot().highlights)).toEqual(['other-1']);
    });

    // BUG: the tombstone gets deletedAt = now(), and the merge keeps any copy updated after that, so
    // a highlight whose updatedAt is ahead of this clock (an imported file, another device's clock)
    // cannot be deleted: save() merges it straight back in.
    it('removes a highlight whose last update is later than this clock', () => {
      const area = createFakeStorage();
      const store = tab(area);
      store.importHighlights([makeHighlight({ id: 'ahead', updatedAt: '2030-01-01T00:00:00.000Z' })]);
      store.remove('ahead');
      expect(store.getSnapshot().highlights).toEqual([]);
    });
  });

  describe('restore', () => {
    it('brings a removed highlight back, updated after its deletion, and forgets the deletion', () => {
      const { store, saves, clock } = setup();
      const added = store.add(newHighlight(4, 12)) as Highlight;
      clock.advance(1000);
      const removed = store.remove(added.id) as Highlight;
      clock.advance(1000);
      store.restore(removed);
      expect(store.getSnapshot().highlights).toEqual([{ ...added, updatedAt: at(2000) }]);
      expect(saves.at(-1)).toEqual(storedOf([{ ...added, updatedAt: at(2000) }], []));
    });

    it('dates the restored highlight after its deletion even when the clock has not moved', () => {
      const { store, clock } = setup();
      clock.advance(1000);
      const added = store.add(newHighlight(4, 12)) as Highlight;
      store.restore(store.remove(added.id) as Highlight);
      // Deleted at 1001 (after its last update at 1000), so restored at 1002: each change strictly later.
      expect(store.getSnapshot().highlights).toEqual([{ ...added, updatedAt: at(1002) }]);
    });

    it('keeps the restored highlight through a save that merges with the stored deletion', () => {
      const area = createFakeStorage();
      const clock = manualClock();
      const store = tab(area, clock);
      const added = store.add(newHighlight(4, 12)) as Highlight;
      store.restore(store.remove(added.id) as Highlight);
      expect(ids(store.getSnapshot().highlights)).toEqual([added.id]);
      expect(ids(tab(area, clock).getSnapshot().highlights)).toEqual([added.id]);
    });

    it('puts back a highlight it never had, as of now', () => {
      const { store, clock } = setup();
      clock.advance(7);
      store.restore(makeHighlight({ id: 'x' }));
      expect(store.getSnapshot().highlights).toEqual([makeHighlight({ id: 'x', updatedAt: at(7) })]);
    });
  });

  describe('importHighlights', () => {
    it('adds the new highlights in the order given, saving once', () => {
      const { store, saves } = setup();
      const listener = vi.fn();
      store.subscribe(listener);
      const incoming = [makeHighlight({ id: 'x', position: { type: 'TextPositionSelector', start: 0, end: 5 } }), makeHighlight({ id: 'y' })];
      expect(store.importHighlights(incoming)).toEqual({ imported: 2, skipped: 0 });
      expect(store.getSnapshot().highlights).toEqual(incoming);
      expect(saves).toHaveLength(1);
      expect(listener).toHaveBeenCalledTimes(1);
    });

    it('skips a highlight with an id already here, never changing the one here', () => {
      const existing = makeHighlight({ id: 'x', note: 'mine', color: 'green' });
      const { store } = setup({ stored: storedOf([existing]) });
      expect(store.importHighlights([makeHighlight({ id: 'x', note: 'theirs', updatedAt: at(99_999) })])).toEqual({ imported: 0, skipped: 1 });
      expect(store.getSnapshot().highlights).toEqual([existing]);
    });

    it('skips the same passage of the same article under another id', () => {
      const existing = makeHighlight({ id: 'x' });
      const { store } = setup({ stored: storedOf([existing]) });
      expect(store.importHighlights([makeHighlight({ id: 'y', note: 'different note', color: 'blue' })])).toEqual({ imported: 0, skipped: 1 });
      expect(store.getSnapshot().highlights).toEqual([existing]);
    });

    it('adds the same words at another place or in another article', () => {
      const { store } = setup({ stored: storedOf([makeHighlight({ id: 'x' })]) });
      const elsewhere = makeHighlight({ id: 'y', position: { type: 'TextPositionSelector', start: 100, end: 115 } });
      const otherArticle = makeHighlight({ id: 'z', articleId: 'article-2' });
      const otherWords = makeHighlight({ id: 'w', quote: { type: 'TextQuoteSelector', exact: 'the quoted', prefix: 'before ', suffix: ' text after' } });
      expect(store.importHighlights([elsewhere, otherArticle, otherWords])).toEqual({ imported: 3, skipped: 0 });
    });

    it('skips repeats within the imported list itself', () => {
      const { store } = setup();
      const h = makeHighlight({ id: 'x' });
      expect(store.importHighlights([h, h, { ...h, id: 'same-passage' }])).toEqual({ imported: 1, skipped: 2 });
      expect(store.getSnapshot().highlights).toEqual([h]);
    });

    it('neither saves nor notifies when nothing is new', () => {
      const { store, saves } = setup({ stored: storedOf([makeHighlight({ id: 'x' })]) });
      const listener = vi.fn();
      store.subscribe(listener);
      expect(store.importHighlights([makeHighlight({ id: 'x' })])).toEqual({ imported: 0, skipped: 1 });
      expect(store.importHighlights([])).toEqual({ imported: 0, skipped: 0 });
      expect(saves).toEqual([]);
      expect(listener).not.toHaveBeenCalled();
    });

    // BUG: re-importing an exported highlight after deleting it counts it as imported, but the
    // save merges it with its own tombstone (deletedAt later than the file's updatedAt) and drops
    // it: the reader is told 1 highlight was imported and sees none.
    it('brings back a highlight deleted since it was exported, as the summary says', () => {
      const area = createFakeStorage();
      const clock = manualClock();
      const store = tab(area, clock);
      const exported = store.add(newHighlight(4, 12)) as Highlight;
      clock.advance(1000);
      store.remove(exported.id);
      clock.advance(1000);
      const summary = store.importHighlights([exported]);
      expect(store.getSnapshot().highlights).toHaveLength(summary.imported);
    });
  });
});

describe('createHighlightStore.tryAdd', () => {
  it('refuses a passage longer than a highlight may hold, saying why, and saves nothing', () => {
    const { store, saves } = setup();
    const text = 'word '.repeat(MAX_QUOTE_LENGTH / 4);
    const outcome = store.tryAdd({ articleId: 'a1', articleHeadline: 'Long', text, span: { start: 0, end: text.length } });
    expect(outcome).toEqual({ ok: false, reason: 'too-long', message: expect.stringContaining('a highlight can hold at most 100,000') as string });
    expect(store.getSnapshot().highlights).toEqual([]);
    expect(saves).toEqual([]);
  });

  it('accepts a passage of exactly the limit, which loads back', () => {
    const area = createFakeStorage();
    const text = 'x'.repeat(MAX_QUOTE_LENGTH);
    const outcome = tab(area).tryAdd({ articleId: 'a1', articleHeadline: 'Long', text, span: { start: 0, end: text.length } });
    expect(outcome.ok).toBe(true);
    expect(tab(area).getSnapshot().highlights).toHaveLength(1);
  });
});
