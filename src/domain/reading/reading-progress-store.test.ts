import { describe, expect, it, vi } from 'vitest';
import { createFakeStorage, quotaExceeded } from '../../../tests/fixtures/fake-storage.ts';
import {
  createReadingProgressStore,
  parseReadingProgress,
  READING_PROGRESS_KEY,
  recordPosition,
  setRead,
  type ArticleProgress,
  type ReadingProgress,
} from './reading-progress.ts';

const T0 = new Date('2026-03-01T08:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const entry = (overrides: Partial<ArticleProgress> = {}): ArticleProgress => ({
  progress: 0.4,
  paragraph: 3,
  read: false,
  updatedAt: T0.toISOString(),
  ...overrides,
});

const stored = (value: unknown): string => JSON.stringify(value);

describe('createReadingProgressStore', () => {
  it('starts from what is stored, dropping invalid entries', () => {
    const storage = createFakeStorage({ [READING_PROGRESS_KEY]: stored({ a: entry(), b: { progress: 2 } }) });
    const store = createReadingProgressStore(() => storage);
    expect(store.getSnapshot()).toEqual({ a: entry() });
  });

  it('starts empty when the stored value is unreadable', () => {
    const storage = createFakeStorage({ [READING_PROGRESS_KEY]: '{not json' });
    expect(createReadingProgressStore(() => storage).getSnapshot()).toEqual({});
  });

  it('hands the change the current state and the time from its clock', () => {
    const storage = createFakeStorage({ [READING_PROGRESS_KEY]: stored({ a: entry() }) });
    const store = createReadingProgressStore(() => storage, () => at(7));
    const change = vi.fn((state: ReadingProgress, now: Date) => recordPosition(state, 'b', 0.5, 3, now));
    store.update(change);
    expect(change).toHaveBeenCalledWith({ a: entry() }, at(7));
    expect(store.getSnapshot().b?.updatedAt).toBe(at(7).toISOString());
  });

  it('uses the real time when no clock is given', () => {
    const storage = createFakeStorage();
    const store = createReadingProgressStore(() => storage);
    const before = Date.now();
    store.update((state, now) => recordPosition(state, 'a', 0.5, 1, now));
    const time = Date.parse(store.getSnapshot().a?.updatedAt ?? '');
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(Date.now());
  });

  it('persists every change under its storage key, readable by the next visit', () => {
    const storage = createFakeStorage();
    const store = createReadingProgressStore(() => storage, () => at(1));
    store.update((state, now) => recordPosition(state, 'a', 0.3, 2, now));
    store.update((state, now) => setRead(state, 'b', true, now));
    expect(storage.setCalls).toEqual([READING_PROGRESS_KEY, READING_PROGRESS_KEY]);
    expect(parseReadingProgress(storage.getItem(READING_PROGRESS_KEY))).toEqual(store.getSnapshot());
    expect(createReadingProgressStore(() => storage).getSnapshot()).toEqual(store.getSnapshot());
  });

  it('keeps the same snapshot object until something changes', () => {
    const storage = createFakeStorage({ [READING_PROGRESS_KEY]: stored({ a: entry() }) });
    const store = createReadingProgressStore(() => storage);
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    store.update((state, now) => recordPosition(state, 'a', 0.9, 4, now));
    expect(store.getSnapshot()).not.toBe(first);
    expect(first).toEqual({ a: entry() });
  });

  it('notifies every subscriber after each change, with the new snapshot already in place', () => {
    const store = createReadingProgressStore(() => createFakeStorage(), () => at(1));
    const seen: (ArticleProgress | undefined)[] = [];
    const first = vi.fn(() => seen.push(store.getSnapshot().a));
    const second = vi.fn();
    store.subscribe(first);
    store.subscribe(second);
    store.update((state, now) => recordPosition(state, 'a', 0.5, 1, now));
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([{ progress: 0.5, paragraph: 1, read: false, updatedAt: at(1).toISOString() }]);
  });

  it('stops notifying a subscriber once it unsubscribes', () => {
    const store = createReadingProgressStore(() => createFakeStorage());
    const listener = vi.fn();
    const other = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.subscribe(other);
    store.update((state, now) => recordPosition(state, 'a', 0.5, 1, now));
    unsubscribe();
    store.update((state, now) => recordPosition(state, 'a', 0.6, 1, now));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(other).toHaveBeenCalledTimes(2);
  });

  it('starts empty and keeps working in memory when getting the storage area throws', () => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const store = createReadingProgressStore(blocked, () => at(1));
    expect(store.getSnapshot()).toEqual({});
    const listener = vi.fn();
    store.subscribe(listener);
    expect(() => store.update((state, now) => recordPosition(state, 'a', 0.5, 2, now))).not.toThrow();
    expect(store.getSnapshot()).toEqual({ a: { progress: 0.5, paragraph: 2, read: false, updatedAt: at(1).toISOString() } });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('starts empty when reading the stored value throws', () => {
    const storage = createFakeStorage({ [READING_PROGRESS_KEY]: stored({ a: entry() }) });
    storage.getItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    expect(createReadingProgressStore(() => storage).getSnapshot()).toEqual({});
  });

  it('keeps changes in memory and still notifies when saving throws', () => {
    const storage = createFakeStorage({ [READING_PROGRESS_KEY]: stored({ a: entry() }) });
    storage.failSetItem = () => quotaExceeded();
    const store = createReadingProgressStore(() => storage, () => at(3));
    const listener = vi.fn();
    store.subscribe(listener);
    expect(() => store.update((state, now) => recordPosition(state, 'b', 0.8, 6, now))).not.toThrow();
    expect(store.getSnapshot()).toEqual({ a: entry(), b: { progress: 0.8, paragraph: 6, read: false, updatedAt: at(3).toISOString() } });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(storage.getItem(READING_PROGRESS_KEY)).toBe(stored({ a: entry() }));
  });

  it('saves again once storage works again, including the changes it could not save before', () => {
    const storage = createFakeStorage();
    storage.failSetItem = () => quotaExceeded();
    const store = createReadingProgressStore(() => storage, () => at(1));
    store.update((state, now) => recordPosition(state, 'a', 0.5, 2, now));
    storage.failSetItem = null;
    store.update((state, now) => recordPosition(state, 'b', 0.2, 1, now));
    expect(parseReadingProgress(storage.getItem(READING_PROGRESS_KEY))).toEqual(store.getSnapshot());
    expect(Object.keys(store.getSnapshot()).sort()).toEqual(['a', 'b']);
  });
});
