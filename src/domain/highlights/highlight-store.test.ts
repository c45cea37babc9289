import { describe, expect, it, vi } from 'vitest';
import { createFakeStorage, quotaExceeded } from '../../../tests/fixtures/fake-storage.ts';
import { articleText } from '../articles/article-text.ts';
import type { Highlight } from './highlight.ts';
import {
  createHighlightStorage,
  HIGHLIGHTS_STORAGE_KEY,
  readHighlights,
  serializeHighlights,
  UNREADABLE_BACKUP_PREFIX,
  type HighlightStorage,
  type LoadOutcome,
  type SaveOutcome,
} from './highlight-storage.ts';
import { createHighlightStore, newHighlightId } from './highlight-store.ts';
import { QUOTE_CONTEXT_LENGTH } from './text-quote.ts';

const TEXT = articleText(['The minister resigned on Friday.', '  Troops stay in Iraq for now.  ']);
const NOW = new Date('2024-05-06T07:08:09.010Z');

/** A HighlightStorage that records saves and answers with the outcomes it is given. */
function memoryStorage(loaded: Partial<LoadOutcome> = {}, outcomes: SaveOutcome[] = []) {
  const saves: (readonly Highlight[])[] = [];
  const storage: HighlightStorage = {
    load: () => ({ highlights: [], problem: null, available: true, ...loaded }),
    save: (highlights) => {
      saves.push(highlights);
      return outcomes.shift() ?? { ok: true };
    },
  };
  return { storage, saves };
}

function sequentialIds() {
  let next = 0;
  return () => `id-${(next += 1)}`;
}

const storeOptions = () => ({ now: () => NOW, makeId: sequentialIds() });

describe('newHighlightId', () => {
  it('gives 32 lower-case hex characters', () => {
    expect(newHighlightId()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives a different id on every call', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newHighlightId()));
    expect(ids.size).toBe(50);
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
    const existing: Highlight = {
      id: 'old',
      articleId: 'a1',
      quote: { type: 'TextQuoteSelector', exact: 'minister', prefix: 'The ', suffix: ' resigned' },
      position: { type: 'TextPositionSelector', start: 4, end: 12 },
      createdAt: '2024-01-01T00:00:00.000Z',
    };
    const store = createHighlightStore(memoryStorage({ highlights: [existing] }).storage, storeOptions());
    expect(store.getSnapshot()).toEqual({ highlights: [existing], notice: null });
  });

  describe('add', () => {
    it('stores the quote, the position and the creation time, and saves', () => {
      const { storage, saves } = memoryStorage();
      const store = createHighlightStore(storage, storeOptions());
      const added = store.add('a1', TEXT, { start: 4, end: 21 });
      expect(added).toEqual({
        id: 'id-1',
        articleId: 'a1',
        quote: { type: 'TextQuoteSelector', exact: 'minister resigned', prefix: 'The ', suffix: ' on Friday.\n  Troops stay in Ira' },
        position: { type: 'TextPositionSelector', start: 4, end: 21 },
        createdAt: '2024-05-06T07:08:09.010Z',
      });
      expect(added?.quote.suffix).toHaveLength(QUOTE_CONTEXT_LENGTH);
      expect(store.getSnapshot().highlights).toEqual([added]);
      expect(saves).toEqual([[added]]);
    });

    it('trims whitespace and line breaks from both ends of the span', () => {
      const store = createHighlightStore(memoryStorage().storage, storeOptions());
      const start = TEXT.indexOf('Friday.');
      const added = store.add('a1', TEXT, { start, end: TEXT.indexOf('Iraq') - 1 });
      expect(added?.quote.exact).toBe('Friday.\n  Troops stay in');
      const spanOverBreak = store.add('a1', TEXT, { start: TEXT.indexOf('.\n') + 1, end: TEXT.length });
      expect(spanOverBreak?.quote.exact).toBe('Troops stay in Iraq for now.');
      expect(spanOverBreak?.position).toEqual({ type: 'TextPositionSelector', start: TEXT.indexOf('Troops'), end: TEXT.lastIndexOf('.') + 1 });
    });

    it('returns null and saves nothing for a whitespace-only span', () => {
      const { storage, saves } = memoryStorage();
      const store = createHighlightStore(storage, storeOptions());
      const listener = vi.fn();
      store.subscribe(listener);
      const newline = TEXT.indexOf('\n');
      expect(store.add('a1', TEXT, { start: newline, end: newline + 3 })).toBeNull();
      expect(store.add('a1', TEXT, { start: 5, end: 5 })).toBeNull();
      expect(store.getSnapshot().highlights).toEqual([]);
      expect(saves).toEqual([]);
      expect(listener).not.toHaveBeenCalled();
    });

    it('appends highlights in the order they are added, each with a fresh id', () => {
      const store = createHighlightStore(memoryStorage().storage, storeOptions());
      store.add('a1', TEXT, { start: 4, end: 12 });
      store.add('a2', TEXT, { start: 0, end: 3 });
      expect(store.getSnapshot().highlights.map((h) => [h.id, h.articleId])).toEqual([
        ['id-1', 'a1'],
        ['id-2', 'a2'],
      ]);
    });

    it('creates highlights that the storage can read back', () => {
      const area = createFakeStorage();
      const store = createHighlightStore(createHighlightStorage(() => area));
      const added = store.add('a1', TEXT, { start: 4, end: 21 });
      expect(readHighlights(area.values.get(HIGHLIGHTS_STORAGE_KEY) ?? null)).toEqual({ highlights: [added], problem: null });
    });

    it('uses the real clock and random ids by default', () => {
      const store = createHighlightStore(memoryStorage().storage);
      const before = Date.now();
      const added = store.add('a1', TEXT, { start: 4, end: 12 });
      expect(added?.id).toMatch(/^[0-9a-f]{32}$/);
      expect(Date.parse(added?.createdAt ?? '')).toBeGreaterThanOrEqual(before);
      expect(Date.parse(added?.createdAt ?? '')).toBeLessThanOrEqual(Date.now());
    });
  });

  describe('remove', () => {
    it('removes the highlight with the id and saves the rest', () => {
      const { storage, saves } = memoryStorage();
      const store = createHighlightStore(storage, storeOptions());
      const first = store.add('a1', TEXT, { start: 0, end: 3 });
      const second = store.add('a1', TEXT, { start: 4, end: 12 });
      store.remove('id-1');
      expect(store.getSnapshot().highlights).toEqual([second]);
      expect(saves.at(-1)).toEqual([second]);
      expect(first).not.toBeNull();
    });

    it('does nothing, and does not save or notify, for an unknown id', () => {
      const { storage, saves } = memoryStorage();
      const store = createHighlightStore(storage, storeOptions());
      store.add('a1', TEXT, { start: 0, end: 3 });
      const snapshot = store.getSnapshot();
      const listener = vi.fn();
      store.subscribe(listener);
      store.remove('nope');
      expect(store.getSnapshot()).toBe(snapshot);
      expect(saves).toHaveLength(1);
      expect(listener).not.toHaveBeenCalled();
    });
  });

  describe('subscribe', () => {
    it('notifies every listener on add, remove and dismissNotice', () => {
      const store = createHighlightStore(memoryStorage().storage, storeOptions());
      const one = vi.fn();
      const two = vi.fn();
      store.subscribe(one);
      store.subscribe(two);
      store.add('a1', TEXT, { start: 0, end: 3 });
      store.remove('id-1');
      store.dismissNotice();
      expect(one).toHaveBeenCalledTimes(3);
      expect(two).toHaveBeenCalledTimes(3);
    });

    it('gives listeners the new snapshot already in place', () => {
      const store = createHighlightStore(memoryStorage().storage, storeOptions());
      const seen: number[] = [];
      store.subscribe(() => seen.push(store.getSnapshot().highlights.length));
      store.add('a1', TEXT, { start: 0, end: 3 });
      store.add('a1', TEXT, { start: 4, end: 12 });
      expect(seen).toEqual([1, 2]);
    });

    it('stops notifying after unsubscribing', () => {
      const store = createHighlightStore(memoryStorage().storage, storeOptions());
      const listener = vi.fn();
      const unsubscribe = store.subscribe(listener);
      store.add('a1', TEXT, { start: 0, end: 3 });
      unsubscribe();
      store.add('a1', TEXT, { start: 4, end: 12 });
      expect(listener).toHaveBeenCalledTimes(1);
    });

    it('gives a new snapshot object on change and the same one otherwise', () => {
      const store = createHighlightStore(memoryStorage().storage, storeOptions());
      const before = store.getSnapshot();
      expect(store.getSnapshot()).toBe(before);
      store.add('a1', TEXT, { start: 0, end: 3 });
      expect(store.getSnapshot()).not.toBe(before);
      expect(before.highlights).toEqual([]);
    });
  });

  describe('notices', () => {
    it('warns that highlights last only for the tab when storage is unavailable', () => {
      const store = createHighlightStore(memoryStorage({ available: false }).storage, storeOptions());
      expect(store.getSnapshot().notice).toBe(
        'This browser is not letting the reader save data, so highlights will last only until this tab is closed.',
      );
    });

    it('warns about unavailable storage through the real storage wrapper too', () => {
      const store = createHighlightStore(
        createHighlightStorage(() => {
          throw new DOMException('blocked', 'SecurityError');
        }),
        storeOptions(),
      );
      expect(store.getSnapshot().notice).toMatch(/not letting the reader save data/);
      expect(store.add('a1', TEXT, { start: 0, end: 3 })).not.toBeNull();
      expect(store.getSnapshot().highlights).toHaveLength(1);
      expect(store.getSnapshot().notice).toMatch(/not letting the reader save data/);
    });

    it('explains unreadable saved data, naming the problem', () => {
      const store = createHighlightStore(memoryStorage({ problem: 'the saved highlights are not valid JSON' }).storage, storeOptions());
      expect(store.getSnapshot().notice).toBe(
        'Some saved highlights could not be read (the saved highlights are not valid JSON). The saved data was kept aside unchanged.',
      );
    });

    it('keeps the highlight on screen and says so when storage is full', () => {
      const area = createFakeStorage();
      area.failSetItem = () => quotaExceeded();
      const store = createHighlightStore(createHighlightStorage(() => area), storeOptions());
      const added = store.add('a1', TEXT, { start: 0, end: 3 });
      expect(store.getSnapshot()).toEqual({
        highlights: [added],
        notice: 'Your last change could not be saved: the browser’s storage for this site is full. It stays on screen until you close this tab.',
      });
    });

    it('says new changes are not saved when unreadable data could not be backed up', () => {
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: 'garbage' });
      area.failSetItem = (key) => (key.startsWith(UNREADABLE_BACKUP_PREFIX) ? quotaExceeded() : undefined);
      const store = createHighlightStore(createHighlightStorage(() => area), storeOptions());
      expect(store.getSnapshot().notice).toMatch(/^Some saved highlights could not be read/);
      store.add('a1', TEXT, { start: 0, end: 3 });
      expect(store.getSnapshot().notice).toBe(
        'Saved highlights could not be read and could not be backed up, so new changes are not being saved over them.',
      );
      expect(area.values.get(HIGHLIGHTS_STORAGE_KEY)).toBe('garbage');
    });

    it('keeps an earlier notice after a later save succeeds', () => {
      const { storage } = memoryStorage({}, [{ ok: false, reason: 'quota-exceeded' }, { ok: true }]);
      const store = createHighlightStore(storage, storeOptions());
      store.add('a1', TEXT, { start: 0, end: 3 });
      const notice = store.getSnapshot().notice;
      expect(notice).toMatch(/storage for this site is full/);
      store.add('a1', TEXT, { start: 4, end: 12 });
      expect(store.getSnapshot().notice).toBe(notice);
    });

    it('clears the notice on dismissNotice, keeping the highlights', () => {
      const { storage } = memoryStorage({ available: false });
      const store = createHighlightStore(storage, storeOptions());
      const added = store.add('a1', TEXT, { start: 0, end: 3 });
      store.dismissNotice();
      expect(store.getSnapshot()).toEqual({ highlights: [added], notice: null });
    });

    it('shows a notice again when a later save fails after dismissal', () => {
      const { storage } = memoryStorage({}, [{ ok: false, reason: 'unavailable' }, { ok: false, reason: 'unavailable' }]);
      const store = createHighlightStore(storage, storeOptions());
      store.add('a1', TEXT, { start: 0, end: 3 });
      store.dismissNotice();
      expect(store.getSnapshot().notice).toBeNull();
      store.remove('id-1');
      expect(store.getSnapshot().notice).toMatch(/not letting the reader save data/);
    });
  });

  it('loads what an earlier store saved', () => {
    const area = createFakeStorage();
    const first = createHighlightStore(createHighlightStorage(() => area), storeOptions());
    const added = first.add('a1', TEXT, { start: 4, end: 12 });
    const second = createHighlightStore(createHighlightStorage(() => area), storeOptions());
    expect(second.getSnapshot()).toEqual({ highlights: [added], notice: null });
    expect(area.values.get(HIGHLIGHTS_STORAGE_KEY)).toBe(serializeHighlights([added as Highlight]));
  });
});
