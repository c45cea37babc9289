import { describe, expect, it } from 'vitest';
import { at, makeHighlight, storedOf, tombstone } from '../../../tests/fixtures/highlights.ts';
import type { Highlight } from './highlight.ts';
import {
  EMPTY_STORED_HIGHLIGHTS,
  HIGHLIGHTS_STORAGE_VERSION,
  mergeStoredHighlights,
  migrateStoredValue,
  readStoredHighlights,
  serializeStoredHighlights,
  TOMBSTONE_LIFETIME_MS,
} from './stored-highlights.ts';

const v2 = (highlights: unknown[], deleted: unknown[] = []) => JSON.stringify({ version: 2, highlights, deleted });
const ids = (highlights: readonly Highlight[]) => highlights.map((h) => h.id);

/** A version-1 record: no headline, colour, note or update time. */
function v1Record(id: string): Record<string, unknown> {
  const { articleHeadline: _headline, color: _color, note: _note, updatedAt: _updated, ...rest } = makeHighlight({ id });
  return rest;
}

describe('readStoredHighlights', () => {
  it('gives no highlights, no tombstones and no problem when nothing is stored', () => {
    expect(readStoredHighlights(null)).toEqual({ stored: { highlights: [], deleted: [] }, problem: null });
  });

  it('reads what serializeStoredHighlights wrote, tombstones included', () => {
    const stored = storedOf([makeHighlight({ id: 'a' }), makeHighlight({ id: 'b', color: 'pink', note: 'Why?' })], [tombstone('c', at(5))]);
    expect(readStoredHighlights(serializeStoredHighlights(stored))).toEqual({ stored, problem: null });
  });

  it('reads an empty list without a problem', () => {
    expect(readStoredHighlights(v2([]))).toEqual({ stored: EMPTY_STORED_HIGHLIGHTS, problem: null });
  });

  it('reads a version-2 value that has no list of deletions', () => {
    const raw = JSON.stringify({ version: 2, highlights: [makeHighlight()] });
    expect(readStoredHighlights(raw)).toEqual({ stored: storedOf([makeHighlight()]), problem: null });
  });

  it('reports broken JSON and reads nothing', () => {
    expect(readStoredHighlights('{"version":2,"highlights":[')).toEqual({
      stored: EMPTY_STORED_HIGHLIGHTS,
      problem: 'the saved highlights are not valid JSON',
    });
  });

  it.each(['42', 'null', '"text"', '[]', '[{"version":2,"highlights":[]}]'])('reports a value that is not an object: %s', (raw) => {
    expect(readStoredHighlights(raw)).toEqual({ stored: EMPTY_STORED_HIGHLIGHTS, problem: 'the saved highlights are not an object' });
  });

  it.each(['{}', '{"highlights":[]}'])('reports a value with no version: %s', (raw) => {
    expect(readStoredHighlights(raw)).toEqual({ stored: EMPTY_STORED_HIGHLIGHTS, problem: 'the saved highlights have no version' });
  });

  it('reports an unknown version without reading its highlights, marking a newer one as such', () => {
    const highlights = [makeHighlight()];
    expect(readStoredHighlights(JSON.stringify({ version: 3, highlights }))).toEqual({
      stored: EMPTY_STORED_HIGHLIGHTS,
      problem: 'the saved highlights have an unknown version (3), from a newer version of the reader',
      newer: true,
    });
    expect(readStoredHighlights(JSON.stringify({ version: '2', highlights })).problem).toBe('the saved highlights have an unknown version ("2")');
    expect(readStoredHighlights(JSON.stringify({ version: null, highlights })).problem).toBe('the saved highlights have an unknown version (null)');
  });

  it('reports a missing or malformed list of highlights', () => {
    const problem = 'the saved highlights have no list of highlights';
    for (const raw of ['{"version":2}', '{"version":2,"highlights":{}}', '{"version":2,"highlights":null}', '{"version":1,"highlights":"a"}']) {
      expect(readStoredHighlights(raw)).toEqual({ stored: EMPTY_STORED_HIGHLIGHTS, problem });
    }
  });

  it('keeps the valid records of a mixed list, in order, and names the first problem', () => {
    const raw = v2([
      makeHighlight({ id: 'a' }),
      { ...makeHighlight({ id: 'bad-position' }), position: { type: 'TextPositionSelector', start: 9, end: 9 } },
      makeHighlight({ id: 'b' }),
      'not a record',
      { ...makeHighlight({ id: 'bad-colour' }), color: 'red' },
      null,
      makeHighlight({ id: 'c' }),
    ]);
    const result = readStoredHighlights(raw);
    expect(ids(result.stored.highlights)).toEqual(['a', 'b', 'c']);
    expect(result.problem).toBe('4 saved highlights could not be read (position: the position ends before it starts)');
  });

  it('uses the singular for a single unreadable record', () => {
    expect(readStoredHighlights(v2([makeHighlight({ id: 'a' }), { id: 'b' }])).problem).toBe(
      '1 saved highlight could not be read (articleId: Invalid key: Expected "articleId" but received undefined)',
    );
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an empty quote', { quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' } }, 'quote.exact: the quote is empty'],
    ['a negative start', { position: { type: 'TextPositionSelector', start: -1, end: 3 } }, 'position.start'],
    ['a fractional start', { position: { type: 'TextPositionSelector', start: 1.5, end: 3 } }, 'position.start'],
    ['a reversed position', { position: { type: 'TextPositionSelector', start: 5, end: 3 } }, 'position: the position ends before it starts'],
    ['an unknown colour', { color: 'orange' }, 'color: not one of yellow, green, blue or pink'],
    ['a note over the limit', { note: 'x'.repeat(10_001) }, 'note: the note is longer than 10000 characters'],
    ['a creation time that is not ISO 8601', { createdAt: 'yesterday' }, 'createdAt: not an ISO 8601 date and time'],
    ['an update time that is not ISO 8601', { updatedAt: '2024-01-02' }, 'updatedAt: not an ISO 8601 date and time'],
    ['no headline', { articleHeadline: undefined }, 'articleHeadline'],
    ['an empty id', { id: '' }, 'id'],
    ['an id over 200 characters', { id: 'x'.repeat(201) }, 'id'],
    ['an empty article id', { articleId: '' }, 'articleId'],
  ])('rejects a record with %s, naming the field', (_, change, reason) => {
    const result = readStoredHighlights(v2([makeHighlight({ id: 'ok' }), { ...makeHighlight({ id: 'bad' }), ...change }]));
    expect(ids(result.stored.highlights)).toEqual(['ok']);
    expect(result.problem).toContain(`1 saved highlight could not be read (${reason}`);
  });

  it('accepts a note of exactly the maximum length', () => {
    const long = makeHighlight({ note: 'x'.repeat(10_000) });
    expect(readStoredHighlights(v2([long]))).toEqual({ stored: storedOf([long]), problem: null });
  });

  it('keeps only the first of several records with the same id, and reports the duplicates', () => {
    const first = makeHighlight({ id: 'same', note: 'first' });
    const result = readStoredHighlights(v2([first, makeHighlight({ id: 'other' }), makeHighlight({ id: 'same', note: 'second' })]));
    expect(result.stored.highlights).toEqual([first, makeHighlight({ id: 'other' })]);
    expect(result.problem).toBe('1 saved highlight was a duplicate');
    expect(readStoredHighlights(v2([first, first, first])).problem).toBe('2 saved highlights were duplicates');
  });

  it('reports invalid records and duplicates together', () => {
    const h = makeHighlight();
    expect(readStoredHighlights(v2([h, {}, h])).problem).toBe(
      '1 saved highlight could not be read (id: Invalid key: Expected "id" but received undefined); 1 saved highlight was a duplicate',
    );
  });

  it('drops fields it does not know from a record', () => {
    expect(readStoredHighlights(v2([{ ...makeHighlight(), colour: 'yellow' }])).stored.highlights).toEqual([makeHighlight()]);
  });

  it('reads tombstones and keeps the valid ones', () => {
    const raw = v2([], [tombstone('gone', at(0)), { id: 'bad', deletedAt: 'never' }, tombstone('also-gone', at(1))]);
    expect(readStoredHighlights(raw).stored.deleted).toEqual([tombstone('gone', at(0)), tombstone('also-gone', at(1))]);
  });

  // BUG: invalid tombstones (and a `deleted` that is not a list) are dropped without a problem, so
  // the storage never backs the raw value up and the next save overwrites them: a highlight deleted
  // in this browser can then come back from another tab's older copy.
  it('reports tombstones it cannot read, so the raw value gets backed up', () => {
    expect(readStoredHighlights(v2([], [{ id: 'bad', deletedAt: 'never' }])).problem).not.toBeNull();
    expect(readStoredHighlights(JSON.stringify({ version: 2, highlights: [], deleted: 'gone' })).problem).not.toBeNull();
  });

  it('upgrades a version-1 value and reads it without a problem', () => {
    const raw = JSON.stringify({ version: 1, highlights: [v1Record('old')] });
    expect(readStoredHighlights(raw)).toEqual({
      stored: storedOf([makeHighlight({ id: 'old', articleHeadline: '', color: 'yellow', note: '', updatedAt: makeHighlight().createdAt })]),
      problem: null,
    });
  });

  it('rejects the invalid records of a version-1 value one by one', () => {
    const raw = JSON.stringify({ version: 1, highlights: [v1Record('ok'), { ...v1Record('bad'), createdAt: 'then' }, 7] });
    const result = readStoredHighlights(raw);
    expect(ids(result.stored.highlights)).toEqual(['ok']);
    expect(result.problem).toMatch(/^2 saved highlights could not be read \(createdAt: /);
  });
});

describe('migrateStoredValue', () => {
  it('gives a version-1 record the defaults of version 2: no headline, yellow, no note, updated when created', () => {
    const record = v1Record('a');
    expect(migrateStoredValue({ version: 1, highlights: [record] })).toEqual({
      version: 2,
      highlights: [{ ...record, articleHeadline: '', color: 'yellow', note: '', updatedAt: record.createdAt }],
      deleted: [],
    });
  });

  it('keeps what a version-1 record already has over the defaults', () => {
    const record = { ...v1Record('a'), note: 'kept', color: 'green' };
    const migrated = migrateStoredValue({ version: 1, highlights: [record] });
    expect(migrated).toMatchObject({ highlights: [{ note: 'kept', color: 'green' }] });
  });

  it('leaves entries of a version-1 list that are not records for validation to reject', () => {
    expect(migrateStoredValue({ version: 1, highlights: ['text', null, [1]] })).toEqual({ version: 2, highlights: ['text', null, [1]], deleted: [] });
  });

  it('passes a version-2 value through, with an empty list of deletions when it has none', () => {
    const highlights = [makeHighlight()];
    const deleted = [tombstone('x', at(0))];
    expect(migrateStoredValue({ version: 2, highlights, deleted })).toEqual({ version: 2, highlights, deleted });
    expect(migrateStoredValue({ version: 2, highlights })).toEqual({ version: 2, highlights, deleted: [] });
  });

  it('passes a deletion list that is not a list on as one record, for validation to reject and report', () => {
    const highlights = [makeHighlight()];
    expect(migrateStoredValue({ version: 2, highlights, deleted: 'nope' })).toEqual({ version: 2, highlights, deleted: ['nope'] });
    expect(readStoredHighlights(JSON.stringify({ version: 2, highlights, deleted: 'nope' })).problem).toMatch(/deleted highlights could not be read/);
  });

  it.each<[unknown, string]>([
    [null, 'the saved highlights are not an object'],
    [[], 'the saved highlights are not an object'],
    ['{"version":2}', 'the saved highlights are not an object'],
    [{ highlights: [] }, 'the saved highlights have no version'],
    [{ version: 2 }, 'the saved highlights have no list of highlights'],
    [{ version: 1, highlights: {} }, 'the saved highlights have no list of highlights'],
    [{ version: 0, highlights: [] }, 'the saved highlights have an unknown version (0)'],
    [{ version: 99, highlights: [] }, 'the saved highlights have an unknown version (99), from a newer version of the reader'],
  ])('says why %j cannot be upgraded', (value, error) => {
    expect(migrateStoredValue(value)).toMatchObject({ error });
  });
});

describe('serializeStoredHighlights', () => {
  it('writes the current version, the highlights and the deletions', () => {
    expect(HIGHLIGHTS_STORAGE_VERSION).toBe(2);
    const stored = storedOf([makeHighlight()], [tombstone('gone', at(0))]);
    expect(JSON.parse(serializeStoredHighlights(stored))).toEqual({ version: 2, highlights: [makeHighlight()], deleted: [tombstone('gone', at(0))] });
  });
});

describe('mergeStoredHighlights', () => {
  const NOW = new Date(at(60_000));

  it('keeps every highlight that only one side knows', () => {
    const merged = mergeStoredHighlights(storedOf([makeHighlight({ id: 'a' })]), storedOf([makeHighlight({ id: 'b' })]), NOW);
    expect(ids(merged.highlights)).toEqual(['a', 'b']);
  });

  it('keeps the later update of a highlight, whichever side has it', () => {
    const older = makeHighlight({ id: 'x', color: 'green', updatedAt: at(10) });
    const newer = makeHighlight({ id: 'x', color: 'pink', updatedAt: at(20) });
    expect(mergeStoredHighlights(storedOf([older]), storedOf([newer]), NOW).highlights).toEqual([newer]);
    expect(mergeStoredHighlights(storedOf([newer]), storedOf([older]), NOW).highlights).toEqual([newer]);
  });

  it('lets a deletion win over updates made before it, on either side', () => {
    const copy = makeHighlight({ id: 'x', updatedAt: at(10) });
    const deletion = storedOf([], [tombstone('x', at(20))]);
    expect(mergeStoredHighlights(storedOf([copy]), deletion, NOW)).toEqual(storedOf([], [tombstone('x', at(20))]));
    expect(mergeStoredHighlights(deletion, storedOf([copy]), NOW)).toEqual(storedOf([], [tombstone('x', at(20))]));
  });

  it('lets a deletion win over an update made at the same moment', () => {
    const copy = makeHighlight({ id: 'x', updatedAt: at(20) });
    expect(mergeStoredHighlights(storedOf([copy]), storedOf([], [tombstone('x', at(20))]), NOW).highlights).toEqual([]);
  });

  it('keeps a highlight updated (or restored) after its deletion, and the tombstone too', () => {
    const restored = makeHighlight({ id: 'x', updatedAt: at(21) });
    const merged = mergeStoredHighlights(storedOf([], [tombstone('x', at(20))]), storedOf([restored]), NOW);
    expect(merged).toEqual(storedOf([restored], [tombstone('x', at(20))]));
  });

  it('keeps the latest tombstone of an id', () => {
    const merged = mergeStoredHighlights(storedOf([], [tombstone('x', at(5))]), storedOf([], [tombstone('x', at(9)), tombstone('x', at(7))]), NOW);
    expect(merged.deleted).toEqual([tombstone('x', at(9))]);
  });

  it('lets tombstones older than the lifetime go, keeping those just inside it', () => {
    const now = new Date(Date.parse(at(0)) + TOMBSTONE_LIFETIME_MS);
    const merged = mergeStoredHighlights(storedOf([], [tombstone('expired', at(-1)), tombstone('kept', at(0))]), EMPTY_STORED_HIGHLIGHTS, now);
    expect(merged.deleted).toEqual([tombstone('kept', at(0))]);
    expect(TOMBSTONE_LIFETIME_MS).toBe(90 * 24 * 60 * 60 * 1000);
  });

  it('still drops a highlight deleted before its expired tombstone went', () => {
    const now = new Date(Date.parse(at(0)) + TOMBSTONE_LIFETIME_MS + 1);
    const merged = mergeStoredHighlights(storedOf([makeHighlight({ id: 'x', updatedAt: at(-5) })]), storedOf([], [tombstone('x', at(-1))]), now);
    expect(merged).toEqual(EMPTY_STORED_HIGHLIGHTS);
  });

  it('orders the result by creation time, then by id', () => {
    const a = makeHighlight({ id: 'a', createdAt: at(30), updatedAt: at(30) });
    const b = makeHighlight({ id: 'b', createdAt: at(10), updatedAt: at(10) });
    const c = makeHighlight({ id: 'c', createdAt: at(10), updatedAt: at(10) });
    expect(ids(mergeStoredHighlights(storedOf([a, c]), storedOf([b]), NOW).highlights)).toEqual(['b', 'c', 'a']);
  });

  it('changes neither input', () => {
    const a = storedOf([makeHighlight({ id: 'a' })], [tombstone('z', at(0))]);
    const b = storedOf([makeHighlight({ id: 'a', updatedAt: at(1) })], []);
    const copies = structuredClone([a, b]);
    mergeStoredHighlights(a, b, NOW);
    expect([a, b]).toEqual(copies);
  });

  // BUG: the schema (valibot isoTimestamp) accepts offsets such as "+01" that Date.parse cannot
  // read. Comparisons with NaN then depend on which side comes first: merge(a, b) keeps the
  // highlight and merge(b, a) drops it.
  it('rejects, with a reason, a timestamp Date.parse cannot read (an hour-only offset), so merges never compare NaN', () => {
    const raw = v2([makeHighlight({ id: 'x', updatedAt: '2024-01-03T00:00:00+01' })]);
    const result = readStoredHighlights(raw);
    expect(result.stored.highlights).toHaveLength(0);
    expect(result.problem).toMatch(/updatedAt: not a date and time this browser can read/);
  });
});
