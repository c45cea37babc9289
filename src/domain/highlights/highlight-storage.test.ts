import { describe, expect, it } from 'vitest';
import { createFakeStorage, quotaExceeded } from '../../../tests/fixtures/fake-storage.ts';
import { shortHash } from '../articles/slug.ts';
import type { Highlight } from './highlight.ts';
import {
  createHighlightStorage,
  HIGHLIGHTS_STORAGE_KEY,
  HIGHLIGHTS_STORAGE_VERSION,
  readHighlights,
  serializeHighlights,
  UNREADABLE_BACKUP_PREFIX,
} from './highlight-storage.ts';

function highlight(id: string, overrides: Partial<Highlight> = {}): Highlight {
  return {
    id,
    articleId: 'article-1',
    quote: { type: 'TextQuoteSelector', exact: 'the quoted text', prefix: 'before ', suffix: ' after' },
    position: { type: 'TextPositionSelector', start: 7, end: 22 },
    createdAt: '2024-01-02T03:04:05.678Z',
    ...overrides,
  };
}

const stored = (highlights: unknown[], version: unknown = 1) => JSON.stringify({ version, highlights });
const backupKeys = (values: Map<string, string>) => [...values.keys()].filter((key) => key.startsWith(UNREADABLE_BACKUP_PREFIX));

describe('readHighlights', () => {
  it('gives no highlights and no problem when nothing is stored', () => {
    expect(readHighlights(null)).toEqual({ highlights: [], problem: null });
  });

  it('reads what serializeHighlights wrote', () => {
    const highlights = [highlight('a'), highlight('b', { articleId: 'article-2' })];
    expect(readHighlights(serializeHighlights(highlights))).toEqual({ highlights, problem: null });
  });

  it('reads an empty list without a problem', () => {
    expect(readHighlights(stored([]))).toEqual({ highlights: [], problem: null });
  });

  it('reports broken JSON', () => {
    expect(readHighlights('{"version":1,"highlights":[')).toEqual({ highlights: [], problem: 'the saved highlights are not valid JSON' });
  });

  it.each(['42', 'null', '"text"', '[]', '{}', '{"highlights":[]}'])('reports a value with no version: %s', (raw) => {
    expect(readHighlights(raw)).toEqual({ highlights: [], problem: 'the saved highlights have no version' });
  });

  it('reports an unknown version without reading its highlights', () => {
    expect(readHighlights(stored([highlight('a')], 2))).toEqual({ highlights: [], problem: 'the saved highlights have an unknown version (2)' });
    expect(readHighlights(stored([highlight('a')], '1')).problem).toBe('the saved highlights have an unknown version (1)');
  });

  it('reports a missing or malformed list of highlights', () => {
    const problem = 'the saved highlights have no list of highlights';
    expect(readHighlights('{"version":1}')).toEqual({ highlights: [], problem });
    expect(readHighlights('{"version":1,"highlights":{}}')).toEqual({ highlights: [], problem });
    expect(readHighlights('{"version":1,"highlights":null}')).toEqual({ highlights: [], problem });
  });

  it('keeps the valid records of a mixed list, in order, and counts the invalid ones', () => {
    const raw = stored([
      highlight('a'),
      { ...highlight('bad-position'), position: { type: 'TextPositionSelector', start: 9, end: 9 } },
      highlight('b'),
      'not a record',
      { ...highlight('bad-date'), createdAt: 'yesterday' },
      { ...highlight('empty-quote'), quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' } },
      { ...highlight(''), id: '' },
      null,
      highlight('c'),
    ]);
    const result = readHighlights(raw);
    expect(result.highlights.map((h) => h.id)).toEqual(['a', 'b', 'c']);
    expect(result.problem).toBe('6 saved highlights could not be read');
  });

  it('uses the singular for a single unreadable record', () => {
    expect(readHighlights(stored([highlight('a'), { id: 'b' }])).problem).toBe('1 saved highlight could not be read');
  });

  it('rejects positions that are negative or not whole numbers', () => {
    const raw = stored([
      { ...highlight('negative'), position: { type: 'TextPositionSelector', start: -1, end: 3 } },
      { ...highlight('fraction'), position: { type: 'TextPositionSelector', start: 1.5, end: 3 } },
      { ...highlight('reversed'), position: { type: 'TextPositionSelector', start: 5, end: 3 } },
    ]);
    expect(readHighlights(raw)).toEqual({ highlights: [], problem: '3 saved highlights could not be read' });
  });

  it('keeps only the first of several records with the same id', () => {
    const first = highlight('same', { articleId: 'first' });
    const result = readHighlights(stored([first, highlight('other'), highlight('same', { articleId: 'second' })]));
    expect(result.highlights).toEqual([first, highlight('other')]);
  });

  it('drops fields it does not know', () => {
    const result = readHighlights(stored([{ ...highlight('a'), colour: 'yellow' }]));
    expect(result.highlights).toEqual([highlight('a')]);
  });
});

describe('serializeHighlights', () => {
  it('writes the current version and the list', () => {
    expect(HIGHLIGHTS_STORAGE_VERSION).toBe(1);
    expect(JSON.parse(serializeHighlights([highlight('a')]))).toEqual({ version: 1, highlights: [highlight('a')] });
  });
});

describe('createHighlightStorage', () => {
  it('loads nothing, available, from an empty storage area', () => {
    const area = createFakeStorage();
    expect(createHighlightStorage(() => area).load()).toEqual({ highlights: [], problem: null, available: true });
    expect(area.setCalls).toEqual([]);
  });

  it('saves under the versioned key and loads it back', () => {
    const area = createFakeStorage();
    const storage = createHighlightStorage(() => area);
    expect(storage.save([highlight('a')])).toEqual({ ok: true });
    expect(HIGHLIGHTS_STORAGE_KEY).toBe('broadsheet:highlights:v1');
    expect(area.values.get(HIGHLIGHTS_STORAGE_KEY)).toBe(serializeHighlights([highlight('a')]));
    expect(createHighlightStorage(() => area).load()).toEqual({ highlights: [highlight('a')], problem: null, available: true });
  });

  it('works with the browser’s localStorage', () => {
    const storage = createHighlightStorage(() => localStorage);
    expect(storage.save([highlight('a')])).toEqual({ ok: true });
    expect(createHighlightStorage(() => localStorage).load().highlights).toEqual([highlight('a')]);
  });

  describe('when storage cannot be used', () => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };

    it('reports unavailable storage when getting the area throws', () => {
      expect(createHighlightStorage(blocked).load()).toEqual({ highlights: [], problem: null, available: false });
    });

    it('refuses to save with the reason "unavailable" when getting the area throws', () => {
      expect(createHighlightStorage(blocked).save([highlight('a')])).toEqual({ ok: false, reason: 'unavailable' });
    });

    it('reports unavailable storage when reading the key throws', () => {
      const area = createFakeStorage();
      area.getItem = () => {
        throw new Error('blocked');
      };
      expect(createHighlightStorage(() => area).load().available).toBe(false);
    });

    it('asks for the area again on every call, so storage that comes back is used', () => {
      const area = createFakeStorage();
      let allowed = false;
      const storage = createHighlightStorage(() => (allowed ? area : blocked()));
      expect(storage.save([highlight('a')])).toEqual({ ok: false, reason: 'unavailable' });
      allowed = true;
      expect(storage.save([highlight('a')])).toEqual({ ok: true });
    });
  });

  describe('when storage is full', () => {
    it('refuses to save with the reason "quota-exceeded" when setItem throws QuotaExceededError', () => {
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: serializeHighlights([highlight('old')]) });
      area.failSetItem = () => quotaExceeded();
      const storage = createHighlightStorage(() => area);
      expect(storage.save([highlight('old'), highlight('new')])).toEqual({ ok: false, reason: 'quota-exceeded' });
      expect(area.values.get(HIGHLIGHTS_STORAGE_KEY)).toBe(serializeHighlights([highlight('old')]));
    });

    it('treats any other setItem error as "unavailable"', () => {
      const area = createFakeStorage();
      area.failSetItem = () => new Error('disk on fire');
      expect(createHighlightStorage(() => area).save([highlight('a')])).toEqual({ ok: false, reason: 'unavailable' });
      area.failSetItem = () => new DOMException('no', 'InvalidStateError');
      expect(createHighlightStorage(() => area).save([highlight('a')])).toEqual({ ok: false, reason: 'unavailable' });
    });
  });

  describe('when the stored value cannot be read', () => {
    const BROKEN = '{"version":1,"highlights":[{"id":"a"';

    it('copies the unreadable value to a backup key before anything is written', () => {
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: BROKEN });
      const loaded = createHighlightStorage(() => area).load();
      expect(loaded).toEqual({ highlights: [], problem: 'the saved highlights are not valid JSON', available: true });
      expect(UNREADABLE_BACKUP_PREFIX.startsWith(HIGHLIGHTS_STORAGE_KEY)).toBe(true);
      expect(backupKeys(area.values)).toEqual([`${UNREADABLE_BACKUP_PREFIX}${shortHash(BROKEN)}`]);
      expect(area.values.get(`${UNREADABLE_BACKUP_PREFIX}${shortHash(BROKEN)}`)).toBe(BROKEN);
      expect(area.values.get(HIGHLIGHTS_STORAGE_KEY)).toBe(BROKEN);
    });

    it('backs up a value of which only some records are unreadable', () => {
      const raw = stored([highlight('a'), { id: 'broken' }]);
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: raw });
      const loaded = createHighlightStorage(() => area).load();
      expect(loaded.highlights).toEqual([highlight('a')]);
      expect(loaded.problem).toBe('1 saved highlight could not be read');
      expect(area.values.get(`${UNREADABLE_BACKUP_PREFIX}${shortHash(raw)}`)).toBe(raw);
    });

    it('backs up a value with an unknown version', () => {
      const raw = stored([highlight('a')], 2);
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: raw });
      createHighlightStorage(() => area).load();
      expect(backupKeys(area.values).map((key) => area.values.get(key))).toEqual([raw]);
    });

    it('makes no backup of a readable value', () => {
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: serializeHighlights([highlight('a')]) });
      createHighlightStorage(() => area).load();
      expect(backupKeys(area.values)).toEqual([]);
      expect(area.setCalls).toEqual([]);
    });

    it('saves over the unreadable value once it is backed up, and the backup stays', () => {
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: BROKEN });
      const storage = createHighlightStorage(() => area);
      storage.load();
      expect(storage.save([highlight('new')])).toEqual({ ok: true });
      expect(area.values.get(HIGHLIGHTS_STORAGE_KEY)).toBe(serializeHighlights([highlight('new')]));
      expect(area.values.get(`${UNREADABLE_BACKUP_PREFIX}${shortHash(BROKEN)}`)).toBe(BROKEN);
    });

    it('does not write the backup again when the same value is loaded again', () => {
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: BROKEN });
      createHighlightStorage(() => area).load();
      createHighlightStorage(() => area).load();
      createHighlightStorage(() => area).load();
      expect(area.setCalls).toEqual([`${UNREADABLE_BACKUP_PREFIX}${shortHash(BROKEN)}`]);
    });

    it('keeps an earlier backup when a different unreadable value is loaded later', () => {
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: BROKEN });
      createHighlightStorage(() => area).load();
      area.values.set(HIGHLIGHTS_STORAGE_KEY, 'also broken');
      createHighlightStorage(() => area).load();
      expect(new Set(backupKeys(area.values).map((key) => area.values.get(key)))).toEqual(new Set([BROKEN, 'also broken']));
    });

    it('never overwrites an earlier backup, even when a later unreadable value has the same short hash', () => {
      const first = 'not json 963';
      const second = 'not json 9537';
      expect(shortHash(first)).toBe(shortHash(second));
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: first });
      createHighlightStorage(() => area).load();
      area.values.set(HIGHLIGHTS_STORAGE_KEY, second);
      createHighlightStorage(() => area).load();
      const backedUp = backupKeys(area.values).map((key) => area.values.get(key));
      expect(backedUp).toContain(first);
      expect(backedUp).toContain(second);
    });

    it('refuses to save with "kept-unreadable" when the backup cannot be written, leaving the original intact', () => {
      const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: BROKEN });
      area.failSetItem = (key) => (key.startsWith(UNREADABLE_BACKUP_PREFIX) ? quotaExceeded() : undefined);
      const storage = createHighlightStorage(() => area);
      const loaded = storage.load();
      expect(loaded.available).toBe(true);
      expect(loaded.problem).toBe('the saved highlights are not valid JSON');
      expect(storage.save([highlight('new')])).toEqual({ ok: false, reason: 'kept-unreadable' });
      expect(storage.save([])).toEqual({ ok: false, reason: 'kept-unreadable' });
      expect(area.values.get(HIGHLIGHTS_STORAGE_KEY)).toBe(BROKEN);
      expect(area.setCalls.filter((key) => key === HIGHLIGHTS_STORAGE_KEY)).toEqual([]);
    });
  });
});
