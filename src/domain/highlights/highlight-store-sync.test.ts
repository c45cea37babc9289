import { describe, expect, it, vi } from 'vitest';
import { createFakeStorage, quotaExceeded } from '../../../tests/fixtures/fake-storage.ts';
import { at, makeHighlight, manualClock, sequentialIds, storedOf } from '../../../tests/fixtures/highlights.ts';
import type { Highlight } from './highlight.ts';
import { createHighlightStorage, HIGHLIGHTS_STORAGE_KEY, UNREADABLE_BACKUP_PREFIX } from './highlight-storage.ts';
import { createHighlightStore, NOTICE_MESSAGES } from './highlight-store.ts';
import { serializeStoredHighlights } from './stored-highlights.ts';
import { ids, manualEvents, newHighlight, setup, tab } from '../../../tests/fixtures/highlight-store-harness.ts';

// Subscriptions, notices about saving, other tabs and newer data: the store's dealings with the world.
describe('createHighlightStore', () => {
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
  it('is not written over: the tab is read-only and the reader is told to reload', () => {
    const raw = JSON.stringify({ version: 99, highlights: [] });
    const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: raw });
    const store = createHighlightStore(createHighlightStorage(() => area));
    expect(store.getSnapshot().notice?.kind).toBe('newer-version');
    store.add(newHighlight(4, 12));
    expect(area.getItem(HIGHLIGHTS_STORAGE_KEY)).toBe(raw);
    expect(store.getSnapshot().highlights).toHaveLength(0);
    expect(store.getSnapshot().notice?.kind).toBe('newer-version');
  });

  it('offers every backed-up unreadable value for download', () => {
    const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: '{broken' });
    const store = createHighlightStore(createHighlightStorage(() => area));
    expect(Object.values(store.backups())).toEqual(['{broken']);
  });
});
