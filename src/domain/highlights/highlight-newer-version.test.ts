import { describe, expect, it } from 'vitest';
import { createFakeStorage } from '../../../tests/fixtures/fake-storage.ts';
import { manualEvents, newHighlight, tab } from '../../../tests/fixtures/highlight-store-harness.ts';
import { makeHighlight, manualClock, storedOf } from '../../../tests/fixtures/highlights.ts';
import { backupsDownloadFile, MAX_UNREADABLE_BACKUPS } from './highlight-backups.ts';
import { createHighlightStorage, HIGHLIGHTS_STORAGE_KEY, UNREADABLE_BACKUP_PREFIX } from './highlight-storage.ts';
import { serializeStoredHighlights } from './stored-highlights.ts';
import { parseHighlightsImport } from './web-annotation.ts';

const newerValue = (n: number) => JSON.stringify({ version: 3, highlights: [{ id: `from-the-future-${n}` }], shape: 'unknown here' });
const backupValues = (area: ReturnType<typeof createFakeStorage>) => [...area.values].filter(([key]) => key.startsWith(UNREADABLE_BACKUP_PREFIX)).map(([, value]) => value);

describe('a tab of an older version, when a newer version has saved', () => {
  it('never writes over the newer value, even when it saves before the storage event arrives, and goes read-only', () => {
    const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: serializeStoredHighlights(storedOf([makeHighlight({ id: 'mine' })])) });
    const clock = manualClock();
    const older = tab(area, clock);
    area.setItem(HIGHLIGHTS_STORAGE_KEY, newerValue(1)); // the newer tab writes; its event has not run here yet

    const outcome = older.tryAdd(newHighlight(4, 12));
    expect(outcome).toMatchObject({ ok: false, reason: 'read-only' });
    expect(area.getItem(HIGHLIGHTS_STORAGE_KEY)).toBe(newerValue(1));
    expect(older.getSnapshot().notice?.kind).toBe('newer-version');
    expect(older.getSnapshot().highlights.map((h) => h.id)).toEqual(['mine']);
    older.update('mine', { note: 'lost?' });
    older.remove('mine');
    expect(area.getItem(HIGHLIGHTS_STORAGE_KEY)).toBe(newerValue(1));
    expect(older.getSnapshot().highlights).toEqual([makeHighlight({ id: 'mine' })]);
  });

  it('says so as soon as the newer tab’s write is announced, and keeps no backup of any of its writes', () => {
    const area = createFakeStorage();
    const { events, changed } = manualEvents();
    const older = tab(area, manualClock(), events);
    for (let n = 1; n <= 5; n += 1) {
      area.setItem(HIGHLIGHTS_STORAGE_KEY, newerValue(n));
      changed();
    }
    expect(older.getSnapshot().notice?.kind).toBe('newer-version');
    expect(older.getSnapshot().notice?.message).toMatch(/read-only/);
    expect(backupValues(area)).toEqual([]);
  });
});

describe('backups of unreadable saved data', () => {
  it('are kept once per distinct content', () => {
    const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: '{broken' });
    createHighlightStorage(() => area).load();
    createHighlightStorage(() => area).load();
    expect(backupValues(area)).toEqual(['{broken']);
  });

  it('are bounded in number: past the bound nothing is written over an unbacked value, and nothing is deleted', () => {
    const area = createFakeStorage();
    for (let n = 0; n < MAX_UNREADABLE_BACKUPS + 2; n += 1) {
      area.setItem(HIGHLIGHTS_STORAGE_KEY, `{broken ${n}`);
      const store = tab(area, manualClock(), undefined, `tab${n}-`);
      store.add(newHighlight(4, 12));
    }
    expect(backupValues(area)).toHaveLength(MAX_UNREADABLE_BACKUPS);
    expect(area.getItem(HIGHLIGHTS_STORAGE_KEY)).toBe(`{broken ${MAX_UNREADABLE_BACKUPS + 1}`);
  });

  it('download as a file Import accepts: every readable record comes back, the others are named with a reason', () => {
    const kept = makeHighlight({ id: 'kept' });
    const raw = JSON.stringify({ version: 2, highlights: [kept, { id: 'broken', quote: 42 }], deleted: [] });
    const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: raw, [`${UNREADABLE_BACKUP_PREFIX}old`]: '{not json' });
    const store = tab(area);
    const file = JSON.parse(backupsDownloadFile(store.backups())) as unknown;
    const parsed = parseHighlightsImport(file, { makeId: () => 'new', now: new Date(), findArticle: () => undefined });
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.highlights).toEqual([kept]);
    expect(parsed.rejected).toEqual([{ record: 2, reason: expect.stringContaining('articleId') as string }]);
    expect(file).toMatchObject({ unreadableBackups: { [`${UNREADABLE_BACKUP_PREFIX}old`]: '{not json' } });
  });
});
