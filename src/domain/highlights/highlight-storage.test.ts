import { describe, expect, it, vi } from 'vitest';
import { createFakeStorage, quotaExceeded, type FakeStorage } from '../../../tests/fixtures/fake-storage.ts';
import { at, makeHighlight, storedOf, tombstone } from '../../../tests/fixtures/highlights.ts';
import { manualEvents } from '../../../tests/fixtures/highlight-store-harness.ts';
import { shortHash } from '../articles/short-hash.ts';
import type { Highlight } from './highlight.ts';
import {
  createHighlightStorage,
  HIGHLIGHTS_STORAGE_KEY,
  UNREADABLE_BACKUP_PREFIX,
  windowStorageEvents,
} from './highlight-storage.ts';
import { EMPTY_STORED_HIGHLIGHTS, readStoredHighlights, serializeStoredHighlights, TOMBSTONE_LIFETIME_MS } from './stored-highlights.ts';

const ids = (highlights: readonly Highlight[]) => highlights.map((h) => h.id);
const backupKeys = (area: FakeStorage) => [...area.values.keys()].filter((key) => key.startsWith(UNREADABLE_BACKUP_PREFIX));
const backedUpValues = (area: FakeStorage) => backupKeys(area).map((key) => area.values.get(key));
const storedIn = (area: FakeStorage) => readStoredHighlights(area.values.get(HIGHLIGHTS_STORAGE_KEY) ?? null).stored;
const NOW = () => new Date(at(60_000));

const blocked = (): Storage => {
  throw new DOMException('The operation is insecure.', 'SecurityError');
};

describe('createHighlightStorage', () => {
  it('keeps every highlight under one key, and backups under a prefix of it', () => {
    expect(HIGHLIGHTS_STORAGE_KEY).toBe('broadsheet:highlights');
    expect(UNREADABLE_BACKUP_PREFIX.startsWith(`${HIGHLIGHTS_STORAGE_KEY}:`)).toBe(true);
  });

  it('loads nothing, available, from an empty storage area, writing nothing', () => {
    const area = createFakeStorage();
    expect(createHighlightStorage(() => area).load()).toEqual({ stored: EMPTY_STORED_HIGHLIGHTS, problem: null, available: true });
    expect(area.setCalls).toEqual([]);
  });

  it('saves highlights and deletions, returns what it saved, and loads it back', () => {
    const area = createFakeStorage();
    const stored = storedOf([makeHighlight({ id: 'a' })], [tombstone('gone', at(1))]);
    expect(createHighlightStorage(() => area, undefined, NOW).save(stored)).toEqual({ ok: true, stored });
    expect(area.values.get(HIGHLIGHTS_STORAGE_KEY)).toBe(serializeStoredHighlights(stored));
    expect(createHighlightStorage(() => area).load()).toEqual({ stored, problem: null, available: true });
  });

  it('works with the browser’s localStorage', () => {
    const stored = storedOf([makeHighlight({ id: 'a' })]);
    expect(createHighlightStorage(() => localStorage, undefined, NOW).save(stored)).toEqual({ ok: true, stored });
    expect(createHighlightStorage(() => localStorage).load().stored).toEqual(stored);
  });

  describe('when storage cannot be used', () => {
    it('reports unavailable storage when getting the area throws', () => {
      expect(createHighlightStorage(blocked).load()).toEqual({ stored: EMPTY_STORED_HIGHLIGHTS, problem: null, available: false });
    });

    it('refuses to save with the reason "unavailable" when getting the area throws', () => {
      expect(createHighlightStorage(blocked).save(storedOf([makeHighlight()]))).toEqual({ ok: false, reason: 'unavailable' });
    });

    it('reports unavailable storage when reading the key throws', () => {
      const area = createFakeStorage();
      area.getItem = () => {
        throw new DOMException('blocked', 'SecurityError');
      };
      expect(createHighlightStorage(() => area).load().available).toBe(false);
      expect(createHighlightStorage(() => area).save(storedOf([makeHighlight()]))).toEqual({ ok: false, reason: 'unavailable' });
    });

    it('asks for the area again on every call, so storage that comes back is used', () => {
      const area = createFakeStorage();
      let allowed = false;
      const storage = createHighlightStorage(() => (allowed ? area : blocked()), undefined, NOW);
      const stored = storedOf([makeHighlight()]);
      expect(storage.save(stored)).toEqual({ ok: false, reason: 'unavailable' });
      allowed = true;
      expect(storage.save(stored)).toEqual({ ok: true, stored });
      expect(storage.load().available).toBe(true);
    });
  });

  describe('when storage is full', () => {
    it('refuses to save with "quota-exceeded" when setItem throws QuotaExceededError, leaving the stored value as it was', () => {
      const before = serializeStoredHighlights(storedOf([makeHighlight({ id: 'old' })]));
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: before });
      area.failSetItem = () => quotaExceeded();
      const storage = createHighlightStorage(() => area, undefined, NOW);
      expect(storage.save(storedOf([makeHighlight({ id: 'old' }), makeHighlight({ id: 'new' })]))).toEqual({ ok: false, reason: 'quota-exceeded' });
      expect(area.values.get(HIGHLIGHTS_STORAGE_KEY)).toBe(before);
    });

    it('recognises Firefox’s quota error by its name', () => {
      const area = createFakeStorage();
      area.failSetItem = () => new DOMException('full', 'NS_ERROR_DOM_QUOTA_REACHED');
      expect(createHighlightStorage(() => area).save(storedOf([makeHighlight()]))).toEqual({ ok: false, reason: 'quota-exceeded' });
    });

    it('treats any other setItem error as "unavailable"', () => {
      const area = createFakeStorage();
      area.failSetItem = () => new Error('disk on fire');
      expect(createHighlightStorage(() => area).save(storedOf([makeHighlight()]))).toEqual({ ok: false, reason: 'unavailable' });
      area.failSetItem = () => new DOMException('no', 'InvalidStateError');
      expect(createHighlightStorage(() => area).save(storedOf([makeHighlight()]))).toEqual({ ok: false, reason: 'unavailable' });
    });

    it('saves once space is available again', () => {
      const area = createFakeStorage();
      area.failSetItem = () => quotaExceeded();
      const storage = createHighlightStorage(() => area, undefined, NOW);
      const stored = storedOf([makeHighlight()]);
      expect(storage.save(stored).ok).toBe(false);
      area.failSetItem = null;
      expect(storage.save(stored)).toEqual({ ok: true, stored });
    });
  });

  describe('when the stored value cannot be read', () => {
    const BROKEN = '{"version":2,"highlights":[{"id":"a"';
    const backupKey = (raw: string) => `${UNREADABLE_BACKUP_PREFIX}${shortHash(raw)}`;

    it('copies broken JSON to a backup key, reports the problem and leaves the value in place', () => {
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: BROKEN });
      expect(createHighlightStorage(() => area).load()).toEqual({
        stored: EMPTY_STORED_HIGHLIGHTS,
        problem: 'the saved highlights are not valid JSON',
        available: true,
      });
      expect(backupKeys(area)).toEqual([backupKey(BROKEN)]);
      expect(area.values.get(backupKey(BROKEN))).toBe(BROKEN);
      expect(area.values.get(HIGHLIGHTS_STORAGE_KEY)).toBe(BROKEN);
    });

    it('uses the valid records of a partly unreadable value, and backs it up', () => {
      const raw = JSON.stringify({ version: 2, highlights: [makeHighlight({ id: 'a' }), { id: 'broken' }, makeHighlight({ id: 'b' })], deleted: [] });
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: raw });
      const loaded = createHighlightStorage(() => area).load();
      expect(ids(loaded.stored.highlights)).toEqual(['a', 'b']);
      expect(loaded.problem).toMatch(/^1 saved highlight could not be read/);
      expect(area.values.get(backupKey(raw))).toBe(raw);
    });

    it('makes no backup of a value from a newer version, which it never writes over', () => {
      const raw = JSON.stringify({ version: 3, highlights: [makeHighlight()] });
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: raw });
      expect(createHighlightStorage(() => area).load().problem).toBe('the saved highlights have an unknown version (3), from a newer version of the reader');
      expect(backedUpValues(area)).toEqual([]);
    });

    it('backs up a value with an unknown older version', () => {
      const raw = JSON.stringify({ version: 0, highlights: [makeHighlight()] });
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: raw });
      createHighlightStorage(() => area).load();
      expect(backedUpValues(area)).toEqual([raw]);
    });

    it('backs up a value with duplicate ids, using the first of each', () => {
      const first = makeHighlight({ id: 'same', note: 'first' });
      const raw = JSON.stringify({ version: 2, highlights: [first, makeHighlight({ id: 'same', note: 'second' })], deleted: [] });
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: raw });
      const loaded = createHighlightStorage(() => area).load();
      expect(loaded.stored.highlights).toEqual([first]);
      expect(loaded.problem).toBe('1 saved highlight was a duplicate');
      expect(backedUpValues(area)).toEqual([raw]);
    });

    it('makes no backup of a readable value, nor of a version-1 value it can upgrade', () => {
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: serializeStoredHighlights(storedOf([makeHighlight()])) });
      createHighlightStorage(() => area).load();
      area.values.set(HIGHLIGHTS_STORAGE_KEY, JSON.stringify({ version: 1, highlights: [] }));
      createHighlightStorage(() => area).load();
      expect(area.setCalls).toEqual([]);
    });

    it('saves over the unreadable value once it is backed up, keeping its valid records, and the backup stays', () => {
      const raw = JSON.stringify({ version: 2, highlights: [makeHighlight({ id: 'old' }), 'junk'] });
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: raw });
      const storage = createHighlightStorage(() => area, undefined, NOW);
      storage.load();
      const outcome = storage.save(storedOf([makeHighlight({ id: 'new', createdAt: at(1) })]));
      expect(outcome.ok && ids(outcome.stored.highlights)).toEqual(['old', 'new']);
      expect(ids(storedIn(area).highlights)).toEqual(['old', 'new']);
      expect(area.values.get(backupKey(raw))).toBe(raw);
    });

    it('backs up a value that became unreadable after loading before saving over it', () => {
      const area = createFakeStorage();
      const storage = createHighlightStorage(() => area, undefined, NOW);
      storage.load();
      area.values.set(HIGHLIGHTS_STORAGE_KEY, BROKEN);
      expect(storage.save(storedOf([makeHighlight()])).ok).toBe(true);
      expect(backedUpValues(area)).toEqual([BROKEN]);
    });

    it('does not write the backup again when the same value is loaded and saved again', () => {
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: BROKEN });
      createHighlightStorage(() => area).load();
      createHighlightStorage(() => area).load();
      area.failSetItem = (key) => (key === HIGHLIGHTS_STORAGE_KEY ? quotaExceeded() : undefined);
      createHighlightStorage(() => area).save(storedOf([makeHighlight()]));
      expect(area.setCalls).toEqual([backupKey(BROKEN), HIGHLIGHTS_STORAGE_KEY]);
    });

    it('keeps an earlier backup when a different unreadable value is loaded later', () => {
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: BROKEN });
      const storage = createHighlightStorage(() => area, undefined, NOW);
      storage.load();
      storage.save(storedOf([makeHighlight()]));
      area.values.set(HIGHLIGHTS_STORAGE_KEY, 'also broken');
      storage.load();
      storage.save(storedOf([makeHighlight()]));
      expect(new Set(backedUpValues(area))).toEqual(new Set([BROKEN, 'also broken']));
    });

    it('never overwrites a backup with a different value of the same short hash: it takes the key with -2, then -3', () => {
      const [first, second, third] = ['not json 138609', 'not json 185387', 'not json 199677'];
      expect(new Set([shortHash(first), shortHash(second), shortHash(third)]).size).toBe(1);
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: first });
      const storage = createHighlightStorage(() => area, undefined, NOW);
      for (const raw of [first, second, third, second]) {
        area.values.set(HIGHLIGHTS_STORAGE_KEY, raw);
        storage.load();
        storage.save(EMPTY_STORED_HIGHLIGHTS);
      }
      const base = backupKey(first);
      expect(Object.fromEntries(backupKeys(area).map((key) => [key, area.values.get(key)]))).toEqual({
        [base]: first,
        [`${base}-2`]: second,
        [`${base}-3`]: third,
      });
    });

    it('refuses to save with "kept-unreadable" when the backup cannot be written, leaving the original intact', () => {
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: BROKEN });
      area.failSetItem = (key) => (key.startsWith(UNREADABLE_BACKUP_PREFIX) ? quotaExceeded() : undefined);
      const storage = createHighlightStorage(() => area, undefined, NOW);
      const loaded = storage.load();
      expect(loaded).toEqual({ stored: EMPTY_STORED_HIGHLIGHTS, problem: 'the saved highlights are not valid JSON', available: true });
      expect(storage.save(storedOf([makeHighlight()]))).toEqual({ ok: false, reason: 'kept-unreadable' });
      expect(storage.save(EMPTY_STORED_HIGHLIGHTS)).toEqual({ ok: false, reason: 'kept-unreadable' });
      expect(area.values.get(HIGHLIGHTS_STORAGE_KEY)).toBe(BROKEN);
      expect(area.setCalls.filter((key) => key === HIGHLIGHTS_STORAGE_KEY)).toEqual([]);
    });

    it('saves again once a later load manages to back the value up', () => {
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: BROKEN });
      area.failSetItem = (key) => (key.startsWith(UNREADABLE_BACKUP_PREFIX) ? quotaExceeded() : undefined);
      const storage = createHighlightStorage(() => area, undefined, NOW);
      storage.load();
      area.failSetItem = null;
      storage.load();
      expect(storage.save(storedOf([makeHighlight()])).ok).toBe(true);
      expect(backedUpValues(area)).toEqual([BROKEN]);
    });

    // BUG: the refusal is lifted only by a load that backs a value up. Once the unreadable value is
    // gone (another tab cleared site data, or replaced it with a readable value), nothing is left
    // to protect, yet every save keeps failing with "kept-unreadable" until the tab is reloaded.
    it('saves again once the unreadable value is gone from storage', () => {
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: BROKEN });
      area.failSetItem = (key) => (key.startsWith(UNREADABLE_BACKUP_PREFIX) ? quotaExceeded() : undefined);
      const storage = createHighlightStorage(() => area, undefined, NOW);
      storage.load();
      area.values.delete(HIGHLIGHTS_STORAGE_KEY);
      expect(storage.load()).toEqual({ stored: EMPTY_STORED_HIGHLIGHTS, problem: null, available: true });
      expect(storage.save(storedOf([makeHighlight()])).ok).toBe(true);
    });

    it('refuses to save with "quota-exceeded" when a value found unreadable at save time cannot be backed up', () => {
      const area = createFakeStorage();
      const storage = createHighlightStorage(() => area, undefined, NOW);
      storage.load();
      area.values.set(HIGHLIGHTS_STORAGE_KEY, BROKEN);
      area.failSetItem = (key) => (key.startsWith(UNREADABLE_BACKUP_PREFIX) ? quotaExceeded() : undefined);
      expect(storage.save(storedOf([makeHighlight()]))).toEqual({ ok: false, reason: 'quota-exceeded' });
      expect(area.values.get(HIGHLIGHTS_STORAGE_KEY)).toBe(BROKEN);
    });
  });

  describe('when another tab saved meanwhile', () => {
    const twoTabs = () => {
      const area = createFakeStorage();
      return { area, tabA: createHighlightStorage(() => area, undefined, NOW), tabB: createHighlightStorage(() => area, undefined, NOW) };
    };

    it('keeps the other tab’s highlights alongside this tab’s', () => {
      const { area, tabA, tabB } = twoTabs();
      tabA.save(storedOf([makeHighlight({ id: 'from-a', createdAt: at(1) })]));
      const outcome = tabB.save(storedOf([makeHighlight({ id: 'from-b', createdAt: at(2) })]));
      expect(outcome.ok && ids(outcome.stored.highlights)).toEqual(['from-a', 'from-b']);
      expect(ids(storedIn(area).highlights)).toEqual(['from-a', 'from-b']);
    });

    it('keeps highlights written straight into storage between two saves', () => {
      const { area, tabA } = twoTabs();
      tabA.save(storedOf([makeHighlight({ id: 'mine', createdAt: at(1) })]));
      area.values.set(HIGHLIGHTS_STORAGE_KEY, serializeStoredHighlights(storedOf([makeHighlight({ id: 'theirs', createdAt: at(2) })])));
      tabA.save(storedOf([makeHighlight({ id: 'mine', createdAt: at(1) }), makeHighlight({ id: 'mine-too', createdAt: at(3) })]));
      expect(ids(storedIn(area).highlights)).toEqual(['mine', 'theirs', 'mine-too']);
    });

    it('keeps the later of two edits of the same highlight', () => {
      const { area, tabA, tabB } = twoTabs();
      tabA.save(storedOf([makeHighlight({ id: 'x', note: 'newer', updatedAt: at(20) })]));
      tabB.save(storedOf([makeHighlight({ id: 'x', note: 'older', updatedAt: at(10) })]));
      expect(storedIn(area).highlights).toEqual([makeHighlight({ id: 'x', note: 'newer', updatedAt: at(20) })]);
    });

    it('does not let the other tab’s older copy undo a deletion', () => {
      const { area, tabA, tabB } = twoTabs();
      const x = makeHighlight({ id: 'x' });
      const y = makeHighlight({ id: 'y' });
      tabA.save(storedOf([x, y]));
      tabA.save(storedOf([y], [tombstone('x', at(10))]));
      const outcome = tabB.save(storedOf([x, y, makeHighlight({ id: 'z' })]));
      expect(outcome.ok && ids(outcome.stored.highlights)).toEqual(['y', 'z']);
      expect(ids(storedIn(area).highlights)).toEqual(['y', 'z']);
      expect(storedIn(area).deleted).toEqual([tombstone('x', at(10))]);
    });

    it('keeps a highlight restored after its deletion when the other tab saves its stale copy', () => {
      const { area, tabA, tabB } = twoTabs();
      const x = makeHighlight({ id: 'x' });
      tabA.save(storedOf([x]));
      const afterDelete = tabB.save(storedOf([], [tombstone('x', at(10))]));
      tabA.save(storedOf([{ ...x, updatedAt: at(11) }]));
      // Tab B still holds what its last save returned: no x, and the tombstone.
      if (!afterDelete.ok) throw new Error('the deletion was not saved');
      tabB.save(afterDelete.stored);
      expect(storedIn(area).highlights).toEqual([{ ...x, updatedAt: at(11) }]);
    });

    it('lets tombstones older than the lifetime go when saving', () => {
      const area = createFakeStorage({
        [HIGHLIGHTS_STORAGE_KEY]: serializeStoredHighlights(storedOf([], [tombstone('old', at(0)), tombstone('recent', at(2000))])),
      });
      const now = () => new Date(Date.parse(at(1000)) + TOMBSTONE_LIFETIME_MS);
      createHighlightStorage(() => area, undefined, now).save(EMPTY_STORED_HIGHLIGHTS);
      expect(storedIn(area).deleted).toEqual([tombstone('recent', at(2000))]);
    });
  });

  describe('watch', () => {
    it('calls back when another tab changes the highlights key or clears all storage', () => {
      const { events, fire } = manualEvents();
      const onChange = vi.fn();
      createHighlightStorage(() => createFakeStorage(), events).watch(onChange);
      fire(HIGHLIGHTS_STORAGE_KEY);
      fire(null);
      expect(onChange).toHaveBeenCalledTimes(2);
    });

    it('ignores changes to other keys, backups included', () => {
      const { events, fire } = manualEvents();
      const onChange = vi.fn();
      createHighlightStorage(() => createFakeStorage(), events).watch(onChange);
      fire('broadsheet:theme');
      fire(`${UNREADABLE_BACKUP_PREFIX}abcdef`);
      fire(`${HIGHLIGHTS_STORAGE_KEY}:v1`);
      expect(onChange).not.toHaveBeenCalled();
    });

    it('stops calling back once unsubscribed', () => {
      const { events, fire, listeners } = manualEvents();
      const onChange = vi.fn();
      const stop = createHighlightStorage(() => createFakeStorage(), events).watch(onChange);
      stop();
      fire(HIGHLIGHTS_STORAGE_KEY);
      expect(onChange).not.toHaveBeenCalled();
      expect(listeners.size).toBe(0);
    });

    it('gives a harmless unsubscribe when there are no storage events to watch', () => {
      const stop = createHighlightStorage(() => createFakeStorage()).watch(() => {
        throw new Error('never called');
      });
      expect(stop).not.toThrow();
    });
  });
});

describe('windowStorageEvents', () => {
  it('passes on the key of every storage event the window receives until unsubscribed', () => {
    const keys: (string | null)[] = [];
    const unsubscribe = windowStorageEvents(window).subscribe((key) => keys.push(key));
    window.dispatchEvent(new StorageEvent('storage', { key: HIGHLIGHTS_STORAGE_KEY }));
    window.dispatchEvent(new StorageEvent('storage', { key: null }));
    unsubscribe();
    window.dispatchEvent(new StorageEvent('storage', { key: 'after' }));
    expect(keys).toEqual([HIGHLIGHTS_STORAGE_KEY, null]);
  });
});
