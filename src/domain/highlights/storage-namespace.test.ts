import { describe, expect, it } from 'vitest';
import { createFakeStorage, quotaExceeded } from '../../../tests/fixtures/fake-storage.ts';
import { newHighlight } from '../../../tests/fixtures/highlight-store-harness.ts';
import { makeHighlight, manualClock, sequentialIds, storedOf } from '../../../tests/fixtures/highlights.ts';
import { createReadingProgressStore } from '../reading/reading-progress.ts';
import { createHighlightStorage } from './highlight-storage.ts';
import { createHighlightStore } from './highlight-store.ts';
import { SHARED_STORAGE_KEYS, storageKeysFor } from './storage-namespace.ts';
import { serializeStoredHighlights } from './stored-highlights.ts';

const readerAt = (area: Storage, basePath: string, idPrefix = 'id-') =>
  createHighlightStore(createHighlightStorage(() => area, undefined, manualClock().now, storageKeysFor(basePath).highlights), { makeId: sequentialIds(idPrefix) });

describe('storageKeysFor', () => {
  it('gives a reader at the root the keys every reader used before, and one under a path keys of its own', () => {
    expect(storageKeysFor('/')).toEqual(SHARED_STORAGE_KEYS);
    expect(storageKeysFor('/a/')).toEqual({ highlights: 'broadsheet@/a/:highlights', reading: 'broadsheet@/a/:reading' });
    expect(storageKeysFor('/a/b/c')).toEqual(storageKeysFor('/a/b/c/'));
    expect(storageKeysFor('/a/').highlights).not.toBe(storageKeysFor('/b/').highlights);
  });
});

describe('two readers hosted on one origin', () => {
  it('keep their highlights apart: one never sees, nor deletes, the other’s', () => {
    const area = createFakeStorage();
    const a = readerAt(area, '/a/', 'a-');
    const b = readerAt(area, '/b/', 'b-');
    a.add(newHighlight(4, 12));
    b.add(newHighlight(0, 3));
    expect(readerAt(area, '/a/').getSnapshot().highlights.map((h) => h.id)).toEqual(['a-1']);
    expect(readerAt(area, '/b/').getSnapshot().highlights.map((h) => h.id)).toEqual(['b-1']);
    b.remove('b-1');
    expect(readerAt(area, '/a/').getSnapshot().highlights.map((h) => h.id)).toEqual(['a-1']);
  });

  it('each take a full copy of what the shared key held on first load, leaving it in place, so nothing is lost', () => {
    const existing = [makeHighlight({ id: 'old-1' }), makeHighlight({ id: 'old-2', position: { type: 'TextPositionSelector', start: 30, end: 40 } })];
    const shared = serializeStoredHighlights(storedOf(existing));
    const area = createFakeStorage({ [SHARED_STORAGE_KEYS.highlights]: shared, [`${SHARED_STORAGE_KEYS.highlights}:unreadable:x`]: '{kept' });
    const a = readerAt(area, '/a/');
    expect(a.getSnapshot().highlights).toEqual(existing);
    expect(area.getItem('broadsheet@/a/:highlights')).toBe(shared);
    expect(a.backups()).toEqual({ 'broadsheet@/a/:highlights:unreadable:x': '{kept' });
    a.remove('old-1');
    const b = readerAt(area, '/b/');
    expect(b.getSnapshot().highlights).toEqual(existing);
    expect(area.getItem(SHARED_STORAGE_KEYS.highlights)).toBe(shared);
    // Migrated once: a later load reads the reader's own key, not the shared one again.
    expect(readerAt(area, '/a/').getSnapshot().highlights.map((h) => h.id)).toEqual(['old-2']);
  });

  it('shows the shared highlights even when full storage refuses the copy', () => {
    const existing = [makeHighlight({ id: 'old-1' })];
    const area = createFakeStorage({ [SHARED_STORAGE_KEYS.highlights]: serializeStoredHighlights(storedOf(existing)) });
    area.failSetItem = () => quotaExceeded();
    expect(readerAt(area, '/a/').getSnapshot().highlights).toEqual(existing);
  });

  it('keep reading positions apart too, each starting from the shared ones', () => {
    const area = createFakeStorage({ [SHARED_STORAGE_KEYS.reading]: JSON.stringify({ x: { progress: 0.5, paragraph: 3, read: false, updatedAt: '2026-01-01T00:00:00.000Z' } }) });
    const a = createReadingProgressStore(() => area, undefined, storageKeysFor('/a/').reading);
    const b = createReadingProgressStore(() => area, undefined, storageKeysFor('/b/').reading);
    expect(a.getSnapshot().x?.paragraph).toBe(3);
    a.update((state) => ({ ...state, y: { progress: 1, paragraph: 9, read: true, updatedAt: '2026-01-02T00:00:00.000Z' } }));
    expect(Object.keys(b.getSnapshot())).toEqual(['x']);
    expect(Object.keys(createReadingProgressStore(() => area, undefined, storageKeysFor('/b/').reading).getSnapshot())).toEqual(['x']);
    expect(Object.keys(createReadingProgressStore(() => area, undefined, storageKeysFor('/a/').reading).getSnapshot()).sort()).toEqual(['x', 'y']);
  });
});
