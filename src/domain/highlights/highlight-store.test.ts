import { describe, expect, it, vi } from 'vitest';
import { createFakeStorage, quotaExceeded } from '../../../tests/fixtures/fake-storage.ts';
import { at, CREATED_AT, makeHighlight, manualClock, sequentialIds, storedOf, tombstone } from '../../../tests/fixtures/highlights.ts';
import { articleText } from '../articles/article-text.ts';
import type { Highlight } from './highlight.ts';
import {
  createHighlightStorage,
  HIGHLIGHTS_STORAGE_KEY,
  UNREADABLE_BACKUP_PREFIX,
  type HighlightStorage,
  type LoadOutcome,
  type SaveOutcome,
  type StorageEvents,
} from './highlight-storage.ts';
import { createHighlightStore, newHighlightId, NOTICE_MESSAGES } from './highlight-store.ts';
import { readStoredHighlights, serializeStoredHighlights, type StoredHighlights } from './stored-highlights.ts';
import { QUOTE_CONTEXT_LENGTH } from './text-quote.ts';

const TEXT = articleText(['The minister resigned on Friday.', '  Troops stay in Iraq for now.  ']);
const ids = (highlights: readonly Highlight[]) => highlights.map((h) => h.id);

/** A HighlightStorage that records saves and answers with the outcomes it is given (success by default). */
function memoryStorage(loaded: Partial<LoadOutcome> = {}, outcomes: SaveOutcome[] = []) {
  const saves: StoredHighlights[] = [];
  let onExternalChange: (() => void) | null = null;
  const storage: HighlightStorage = {
    load: () => ({ stored: storedOf([]), problem: null, available: true, ...loaded }),
    backups: () => ({}),
    save: (stored) => {
      saves.push(stored);
      return outcomes.shift() ?? { ok: true, stored };
    },
    watch: (callback) => {
      onExternalChange = callback;
      return () => {
        onExternalChange = null;
      };
    },
  };
  return { storage, saves, isWatched: () => onExternalChange !== null };
}

/** Storage events fired by hand, as the browser does in this tab when another tab writes. */
function manualEvents() {
  const listeners = new Set<(key: string | null) => void>();
  const events: StorageEvents = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { events, changed: () => listeners.forEach((listener) => listener(HIGHLIGHTS_STORAGE_KEY)), listeners };
}

const newHighlight = (start: number, end: number, articleId = 'a1') => ({ articleId, articleHeadline: 'Minister resigns', text: TEXT, span: { start, end } });

function setup(loaded: Partial<LoadOutcome> = {}, outcomes: SaveOutcome[] = []) {
  const memory = memoryStorage(loaded, outcomes);
  const clock = manualClock();
  const store = createHighlightStore(memory.storage, { now: clock.now, makeId: sequentialIds() });
  return { ...memory, clock, store };
}

/** A store over a fake storage area, as one tab would have it. */
function tab(area: Storage, clock = manualClock(), events?: StorageEvents, idPrefix = 'id-') {
  return createHighlightStore(createHighlightStorage(() => area, events, clock.now), { now: clock.now, makeId: sequentialIds(idPrefix) });
}

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

  describe('subscribe', () => {
    it('notifies every listener on add, update, remove, restore, import and dismissNotice', () => {
      const { store } = setup();
      const one = vi.fn();
      const two = vi.fn();
      store.subscribe(one);
      store.subscribe(two);
      const added = store.add(newHighlight(0, 3)) as Highlight;
      store.update(added.id, { note: 'n' });
      store.restore(store.remove(added.id) as Highlight);
      store.importHighlights([makeHighlight({ id: 'other' })]);
      store.dismissNotice();
      expect(one).toHaveBeenCalledTimes(6);
      expect(two).toHaveBeenCalledTimes(6);
    });

    it('gives listeners the new snapshot already in place', () => {
      const { store } = setup();
      const seen: number[] = [];
      store.subscribe(() => seen.push(store.getSnapshot().highlights.length));
      store.add(newHighlight(0, 3));
      store.add(newHighlight(4, 12));
      store.remove('id-1');
      expect(seen).toEqual([1, 2, 1]);
    });

    it('stops notifying after unsubscribing', () => {
      const { store } = setup();
      const listener = vi.fn();
      const unsubscribe = store.subscribe(listener);
      store.add(newHighlight(0, 3));
      unsubscribe();
      store.add(newHighlight(4, 12));
      expect(listener).toHaveBeenCalledTimes(1);
    });

    it('gives a new snapshot object on change and the same one otherwise', () => {
      const { store } = setup();
      const before = store.getSnapshot();
      expect(store.getSnapshot()).toBe(before);
      store.add(newHighlight(0, 3));
      expect(store.getSnapshot()).not.toBe(before);
      expect(before.highlights).toEqual([]);
    });
  });

  describe('notices', () => {
    it('warns that highlights last only for the tab when storage is unavailable', () => {
      const { store } = setup({ available: false });
      expect(store.getSnapshot().notice).toEqual({ kind: 'unavailable', message: NOTICE_MESSAGES.unavailable });
      expect(NOTICE_MESSAGES.unavailable).toMatch(/only until this tab is closed/);
    });

    it('keeps highlights in memory when storage is blocked', () => {
      const store = createHighlightStore(
        createHighlightStorage(() => {
          throw new DOMException('blocked', 'SecurityError');
        }),
        { now: manualClock().now, makeId: sequentialIds() },
      );
      expect(store.getSnapshot().notice?.kind).toBe('unavailable');
      const added = store.add(newHighlight(0, 3));
      expect(store.getSnapshot()).toEqual({ highlights: [added], notice: { kind: 'unavailable', message: NOTICE_MESSAGES.unavailable } });
    });

    it('explains unreadable saved data, naming the problem', () => {
      const { store } = setup({ problem: 'the saved highlights are not valid JSON' });
      expect(store.getSnapshot().notice).toEqual({
        kind: 'unreadable',
        message: `${NOTICE_MESSAGES.unreadable} (the saved highlights are not valid JSON)`,
      });
    });

    it('keeps the highlight on screen and says so when storage is full', () => {
      const area = createFakeStorage();
      area.failSetItem = () => quotaExceeded();
      const store = tab(area);
      const added = store.add(newHighlight(0, 3)) as Highlight;
      expect(store.getSnapshot()).toEqual({ highlights: [added], notice: { kind: 'quota-exceeded', message: NOTICE_MESSAGES['quota-exceeded'] } });
      store.update(added.id, { note: 'still here' });
      expect(store.getSnapshot().highlights[0]?.note).toBe('still here');
      expect(NOTICE_MESSAGES['quota-exceeded']).toMatch(/full/);
    });

    it('says new changes are not saved over unreadable data that could not be backed up, and leaves that data alone', () => {
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: 'garbage' });
      area.failSetItem = (key) => (key.startsWith(UNREADABLE_BACKUP_PREFIX) ? quotaExceeded() : undefined);
      const store = tab(area);
      expect(store.getSnapshot().notice?.kind).toBe('unreadable');
      const added = store.add(newHighlight(0, 3));
      expect(store.getSnapshot()).toEqual({ highlights: [added], notice: { kind: 'kept-unreadable', message: NOTICE_MESSAGES['kept-unreadable'] } });
      expect(area.values.get(HIGHLIGHTS_STORAGE_KEY)).toBe('garbage');
    });

    it('keeps an earlier notice after a later save succeeds', () => {
      const { store } = setup({}, [{ ok: false, reason: 'quota-exceeded' }]);
      store.add(newHighlight(0, 3));
      const notice = store.getSnapshot().notice;
      expect(notice?.kind).toBe('quota-exceeded');
      store.add(newHighlight(4, 12));
      expect(store.getSnapshot().notice).toBe(notice);
    });

    it('clears the notice on dismissNotice, keeping the highlights', () => {
      const { store } = setup({ available: false });
      const added = store.add(newHighlight(0, 3));
      store.dismissNotice();
      expect(store.getSnapshot()).toEqual({ highlights: [added], notice: null });
    });

    it('shows a notice again when a later save fails after dismissal', () => {
      const { store } = setup({}, [{ ok: false, reason: 'unavailable' }, { ok: false, reason: 'unavailable' }]);
      store.add(newHighlight(0, 3));
      store.dismissNotice();
      expect(store.getSnapshot().notice).toBeNull();
      store.remove('id-1');
      expect(store.getSnapshot().notice?.kind).toBe('unavailable');
    });
  });

  describe('changes made in another tab', () => {
    it('merges the other tab’s highlights in when it saves, and notifies', () => {
      const area = createFakeStorage();
      const clock = manualClock();
      const { events, changed } = manualEvents();
      const here = tab(area, clock, events, 'here-');
      const there = tab(area, clock, undefined, 'there-');
      here.add(newHighlight(0, 3));
      clock.advance(1);
      there.add(newHighlight(4, 12));
      const listener = vi.fn();
      here.subscribe(listener);
      changed();
      expect(ids(here.getSnapshot().highlights)).toEqual(['here-1', 'there-1']);
      expect(listener).toHaveBeenCalledTimes(1);
    });

    it('drops a highlight the other tab deleted', () => {
      const area = createFakeStorage();
      const clock = manualClock();
      const { events, changed } = manualEvents();
      const here = tab(area, clock, events, 'here-');
      const added = here.add(newHighlight(0, 3)) as Highlight;
      const there = tab(area, clock, undefined, 'there-');
      clock.advance(1);
      there.remove(added.id);
      changed();
      expect(here.getSnapshot().highlights).toEqual([]);
    });

    it('keeps what only this tab has, such as a change full storage refused', () => {
      const area = createFakeStorage();
      const clock = manualClock();
      const { events, changed } = manualEvents();
      const here = tab(area, clock, events, 'here-');
      area.failSetItem = () => quotaExceeded();
      here.add(newHighlight(0, 3));
      area.failSetItem = null;
      area.setItem(HIGHLIGHTS_STORAGE_KEY, serializeStoredHighlights(storedOf([makeHighlight({ id: 'theirs', createdAt: at(-1) })])));
      changed();
      expect(ids(here.getSnapshot().highlights)).toEqual(['theirs', 'here-1']);
      expect(here.getSnapshot().notice?.kind).toBe('quota-exceeded');
    });

    it('ignores a change it cannot read because storage became unavailable', () => {
      const { events, changed } = manualEvents();
      const area = createFakeStorage();
      let allowed = true;
      const getArea = () => {
        if (!allowed) throw new DOMException('blocked', 'SecurityError');
        return area;
      };
      const store = createHighlightStore(createHighlightStorage(getArea, events), { now: manualClock().now, makeId: sequentialIds() });
      const added = store.add(newHighlight(0, 3));
      const snapshot = store.getSnapshot();
      allowed = false;
      changed();
      expect(store.getSnapshot()).toBe(snapshot);
      expect(snapshot.highlights).toEqual([added]);
    });

    it('stops watching the other tabs once disposed', () => {
      const { store, isWatched } = setup();
      expect(isWatched()).toBe(true);
      store.dispose();
      expect(isWatched()).toBe(false);
    });

    it('no longer follows the other tab’s saves once disposed', () => {
      const area = createFakeStorage();
      const { events, changed, listeners } = manualEvents();
      const here = tab(area, manualClock(), events);
      here.dispose();
      area.setItem(HIGHLIGHTS_STORAGE_KEY, serializeStoredHighlights(storedOf([makeHighlight({ id: 'theirs' })])));
      changed();
      expect(here.getSnapshot().highlights).toEqual([]);
      expect(listeners.size).toBe(0);
    });
  });

  it('loads what an earlier store saved', () => {
    const area = createFakeStorage();
    const clock = manualClock();
    const added = tab(area, clock).add(newHighlight(4, 12)) as Highlight;
    expect(tab(area, clock).getSnapshot()).toEqual({ highlights: [added], notice: null });
    expect(area.values.get(HIGHLIGHTS_STORAGE_KEY)).toBe(serializeStoredHighlights(storedOf([added])));
  });
});

describe('a value saved by a newer version of the reader', () => {
  it('is not written over: saves are refused and the reader is told to reload', () => {
    const raw = JSON.stringify({ version: 99, highlights: [] });
    const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: raw });
    const store = createHighlightStore(createHighlightStorage(() => area));
    expect(store.getSnapshot().notice?.kind).toBe('newer-version');
    store.add(newHighlight(4, 12));
    expect(area.getItem(HIGHLIGHTS_STORAGE_KEY)).toBe(raw);
    expect(store.getSnapshot().highlights).toHaveLength(1);
    expect(store.getSnapshot().notice?.kind).toBe('newer-version');
  });

  it('offers every backed-up unreadable value for download', () => {
    const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: '{broken' });
    const store = createHighlightStore(createHighlightStorage(() => area));
    expect(Object.values(store.backups())).toEqual(['{broken']);
  });
});
