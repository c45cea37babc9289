import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  continueReadingCandidates,
  isReadingStatus,
  parseReadingProgress,
  READ_THRESHOLD,
  readingStatus,
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

/** Valid entries, written from the format's description: progress 0..1, paragraph a whole number ≥ 0, a boolean, an ISO time. */
const entryArbitrary: fc.Arbitrary<ArticleProgress> = fc.record({
  progress: fc.double({ min: 0, max: 1, noNaN: true }).map((p) => (Object.is(p, -0) ? 0 : p)),
  paragraph: fc.nat({ max: 10_000 }),
  read: fc.boolean(),
  updatedAt: fc
    .date({ min: new Date('1990-01-01T00:00:00.000Z'), max: new Date('2100-01-01T00:00:00.000Z'), noInvalidDate: true })
    .map((date) => date.toISOString()),
});
// "__proto__" is covered by its own example below.
const idArbitrary = fc.string({ minLength: 1, maxLength: 24 }).filter((id) => id !== '__proto__');

describe('isReadingStatus', () => {
  it('accepts the three statuses and nothing else', () => {
    expect(['unread', 'in-progress', 'read'].every(isReadingStatus)).toBe(true);
    for (const value of [null, '', 'Read', 'in progress', 'done']) expect(isReadingStatus(value)).toBe(false);
  });
});

describe('parseReadingProgress', () => {
  it('gives no progress when nothing is stored', () => {
    expect(parseReadingProgress(null)).toEqual({});
    expect(parseReadingProgress('')).toEqual({});
  });

  it.each(['{', '{"a":', 'not json', "{'a':1}", 'undefined'])('gives no progress for broken JSON %j', (raw) => {
    expect(parseReadingProgress(raw)).toEqual({});
  });

  it.each(['null', 'true', '0', '42', '"a"', '[]', stored([entry()]), stored([['a', entry()]])])(
    'gives no progress for JSON that is not an object of entries: %s',
    (raw) => {
      expect(parseReadingProgress(raw)).toEqual({});
    },
  );

  it('keeps valid entries exactly as stored', () => {
    const state = {
      'article-a': entry(),
      'article-b': entry({ progress: 1, paragraph: 0, read: true, updatedAt: '2025-12-31T23:59:59.999Z' }),
      'article-c': entry({ progress: 0, paragraph: 0 }),
    };
    expect(parseReadingProgress(stored(state))).toEqual(state);
  });

  it.each<[string, unknown]>([
    ['progress above 1', entry({ progress: 1.01 })],
    ['progress below 0', entry({ progress: -0.1 })],
    ['progress as a string', { ...entry(), progress: '0.5' }],
    ['progress missing', { paragraph: 1, read: false, updatedAt: T0.toISOString() }],
    ['a fractional paragraph', entry({ paragraph: 1.5 })],
    ['a negative paragraph', entry({ paragraph: -1 })],
    ['paragraph as a string', { ...entry(), paragraph: '2' }],
    ['read as a string', { ...entry(), read: 'true' }],
    ['read missing', { progress: 0.5, paragraph: 1, updatedAt: T0.toISOString() }],
    ['updatedAt not a date', entry({ updatedAt: 'yesterday' })],
    ['updatedAt as a number', { ...entry(), updatedAt: T0.getTime() }],
    ['updatedAt missing', { progress: 0.5, paragraph: 1, read: false }],
    ['null', null],
    ['a number', 0.5],
    ['a string', 'read'],
    ['an array', [0.5, 1, false, T0.toISOString()]],
  ])('drops an entry with %s and keeps its valid neighbours', (_label, bad) => {
    const good = entry({ progress: 0.25, paragraph: 2 });
    const result = parseReadingProgress(stored({ before: good, bad, after: { ...good, read: true } }));
    expect(result).toEqual({ before: good, after: { ...good, read: true } });
  });

  it('keeps only the known fields of an entry', () => {
    const result = parseReadingProgress(stored({ a: { ...entry(), extra: 'x', progress: 0.5 } }));
    expect(result).toEqual({ a: entry({ progress: 0.5 }) });
  });

  it('keeps an entry whose article id is "__proto__" as an ordinary entry', () => {
    const raw = `{"__proto__":${stored(entry())},"other":${stored(entry({ paragraph: 9 }))}}`;
    const result = parseReadingProgress(raw);
    expect(Object.keys(result).sort()).toEqual(['__proto__', 'other']);
    expect(Object.getPrototypeOf(result)).not.toEqual(entry());
    expect(Object.getOwnPropertyDescriptor(result, '__proto__')?.value).toEqual(entry());
  });

  it('never throws, whatever string is stored', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.string({ unit: 'binary' })), (raw) => {
        expect(() => parseReadingProgress(raw)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('keeps exactly the valid entries of any stored object, each one unchanged', () => {
    const anyEntry = fc.oneof(entryArbitrary, fc.jsonValue(), entryArbitrary.map((e) => ({ ...e, progress: e.progress + 1.5 })));
    fc.assert(
      fc.property(fc.dictionary(idArbitrary, anyEntry), (object) => {
        const result = parseReadingProgress(stored(object));
        const roundTripped = JSON.parse(stored(object)) as Record<string, unknown>;
        const expected = Object.fromEntries(Object.entries(roundTripped).filter(([, value]) => isValidEntry(value)));
        expect(result).toEqual(expected);
      }),
    );
  });

  it('reads back any valid progress unchanged', () => {
    fc.assert(
      fc.property(fc.dictionary(idArbitrary, entryArbitrary), (state) => {
        expect(parseReadingProgress(stored(state))).toEqual(state);
      }),
    );
  });
});

/** An independent check of a stored entry against the format's description. */
function isValidEntry(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { progress, paragraph, read, updatedAt } = value as Record<string, unknown>;
  return (
    typeof progress === 'number' &&
    progress >= 0 &&
    progress <= 1 &&
    Number.isInteger(paragraph) &&
    (paragraph as number) >= 0 &&
    typeof read === 'boolean' &&
    typeof updatedAt === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(updatedAt) &&
    !Number.isNaN(Date.parse(updatedAt))
  );
}

describe('readingStatus', () => {
  it('is unread for an article with no entry', () => {
    expect(readingStatus(undefined)).toBe('unread');
  });

  it('is unread for an entry at the very top that is not read', () => {
    expect(readingStatus(entry({ progress: 0, paragraph: 0 }))).toBe('unread');
  });

  it('is in progress once the reader has scrolled a little', () => {
    expect(readingStatus(entry({ progress: 0.01, paragraph: 0 }))).toBe('in-progress');
  });

  it('is in progress when the reader is past the first paragraph', () => {
    expect(readingStatus(entry({ progress: 0, paragraph: 2 }))).toBe('in-progress');
  });

  it('is read when marked read, wherever the position is', () => {
    expect(readingStatus(entry({ read: true, progress: 0, paragraph: 0 }))).toBe('read');
    expect(readingStatus(entry({ read: true, progress: 0.3, paragraph: 4 }))).toBe('read');
  });
});

describe('recordPosition', () => {
  it('records the position, paragraph and time for a new article', () => {
    const state = recordPosition({}, 'a', 0.42, 5, at(3));
    expect(state).toEqual({ a: { progress: 0.42, paragraph: 5, read: false, updatedAt: at(3).toISOString() } });
  });

  it('replaces the previous position of the same article', () => {
    const state = recordPosition({ a: entry({ progress: 0.2, paragraph: 1 }) }, 'a', 0.6, 7, at(5));
    expect(state.a).toEqual({ progress: 0.6, paragraph: 7, read: false, updatedAt: at(5).toISOString() });
  });

  it('leaves other articles alone and does not change the state it was given', () => {
    const before: ReadingProgress = Object.freeze({ a: Object.freeze(entry()), b: Object.freeze(entry({ read: true })) });
    const copy = structuredClone(before);
    const after = recordPosition(before, 'c', 0.5, 2, at(1));
    expect(before).toEqual(copy);
    expect(after.a).toBe(before.a);
    expect(after.b).toBe(before.b);
    expect(Object.keys(after).sort()).toEqual(['a', 'b', 'c']);
  });

  it('clamps progress below 0 to 0 and above 1 to 1', () => {
    expect(recordPosition({}, 'a', -0.3, 0, T0).a?.progress).toBe(0);
    expect(recordPosition({}, 'a', 1.7, 12, T0).a?.progress).toBe(1);
    expect(recordPosition({}, 'a', Number.POSITIVE_INFINITY, 12, T0).a?.progress).toBe(1);
    expect(recordPosition({}, 'a', Number.NEGATIVE_INFINITY, 0, T0).a?.progress).toBe(0);
  });

  it('marks the article read at the read threshold', () => {
    expect(READ_THRESHOLD).toBe(0.97);
    expect(recordPosition({}, 'a', READ_THRESHOLD, 10, T0).a?.read).toBe(true);
    expect(recordPosition({}, 'a', 1, 10, T0).a?.read).toBe(true);
  });

  it('does not mark the article read just below the threshold', () => {
    const state = recordPosition({}, 'a', 0.969, 10, T0);
    expect(state.a?.read).toBe(false);
    expect(readingStatus(state.a)).toBe('in-progress');
  });

  it('marks the article read when progress beyond the end is clamped', () => {
    expect(recordPosition({}, 'a', 1.2, 10, T0).a).toMatchObject({ progress: 1, read: true });
  });

  it('keeps a read article read when the reader scrolls back up, while recording the new position', () => {
    const finished = recordPosition({}, 'a', 1, 10, at(0));
    const scrolledBack = recordPosition(finished, 'a', 0.1, 1, at(2));
    expect(scrolledBack.a).toEqual({ progress: 0.1, paragraph: 1, read: true, updatedAt: at(2).toISOString() });
    expect(readingStatus(scrolledBack.a)).toBe('read');
  });

  it('keeps an article marked read by hand read', () => {
    const marked = setRead({}, 'a', true, at(0));
    expect(recordPosition(marked, 'a', 0.2, 1, at(1)).a?.read).toBe(true);
  });

  it('produces entries that are read back unchanged from storage', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.nat({ max: 500 }), (progress, paragraph) => {
        const state = recordPosition({}, 'a', progress, paragraph, T0);
        expect(parseReadingProgress(stored(state))).toEqual(state);
      }),
    );
  });
});

describe('setRead', () => {
  it('marks an article read and keeps where the reader was', () => {
    const state = setRead({ a: entry({ progress: 0.55, paragraph: 6 }) }, 'a', true, at(4));
    expect(state.a).toEqual({ progress: 0.55, paragraph: 6, read: true, updatedAt: at(4).toISOString() });
  });

  it('marks an article never opened read, at the top', () => {
    expect(setRead({}, 'a', true, at(1)).a).toEqual({ progress: 0, paragraph: 0, read: true, updatedAt: at(1).toISOString() });
  });

  it('marks an article unread by resetting its position to the top', () => {
    const state = setRead({ a: entry({ progress: 1, paragraph: 20, read: true }) }, 'a', false, at(2));
    expect(state.a).toEqual({ progress: 0, paragraph: 0, read: false, updatedAt: at(2).toISOString() });
    expect(readingStatus(state.a)).toBe('unread');
  });

  it('also resets an article that was only in progress', () => {
    const state = setRead({ a: entry({ progress: 0.5, paragraph: 4 }) }, 'a', false, at(2));
    expect(readingStatus(state.a)).toBe('unread');
  });

  it('leaves other articles alone and does not change the state it was given', () => {
    const before: ReadingProgress = Object.freeze({ a: Object.freeze(entry()), b: Object.freeze(entry({ paragraph: 8 })) });
    const copy = structuredClone(before);
    const after = setRead(before, 'a', true, at(1));
    expect(before).toEqual(copy);
    expect(after.b).toBe(before.b);
    expect(after.a).not.toBe(before.a);
  });
});

/** The article the list offers under "Continue reading": the first candidate still in the collection, as the library page picks it. */
function continueReadingId(state: ReadingProgress, knownIds: ReadonlySet<string>): string | null {
  return continueReadingCandidates(state, Infinity).find((id) => knownIds.has(id)) ?? null;
}

describe('continueReadingId', () => {
  const known = (...ids: string[]) => new Set(ids);

  it('is null when nothing has been read', () => {
    expect(continueReadingId({}, known('a', 'b'))).toBeNull();
  });

  it('offers the article in progress that was read most recently', () => {
    const state = {
      a: entry({ updatedAt: at(1).toISOString() }),
      b: entry({ updatedAt: at(9).toISOString() }),
      c: entry({ updatedAt: at(5).toISOString() }),
    };
    expect(continueReadingId(state, known('a', 'b', 'c'))).toBe('b');
  });

  it('compares times as times, not in the order the entries are stored', () => {
    const state = { late: entry({ updatedAt: at(60).toISOString() }), early: entry({ updatedAt: at(1).toISOString() }) };
    expect(continueReadingId(state, known('early', 'late'))).toBe('late');
    const reversed = { early: state.early, late: state.late };
    expect(continueReadingId(reversed, known('early', 'late'))).toBe('late');
  });

  it('compares times that are written with different offsets by the moment they name', () => {
    const state = {
      // 09:05 in Berlin is 08:05Z: earlier than 08:10Z, though it sorts later as text.
      berlin: entry({ updatedAt: '2026-03-01T09:05:00+01:00' }),
      utc: entry({ updatedAt: '2026-03-01T08:10:00.000Z' }),
    };
    expect(continueReadingId(state, known('berlin', 'utc'))).toBe('utc');
  });

  it('skips finished articles even if they were read more recently', () => {
    const state = { finished: entry({ read: true, updatedAt: at(30).toISOString() }), midway: entry({ updatedAt: at(2).toISOString() }) };
    expect(continueReadingId(state, known('finished', 'midway'))).toBe('midway');
  });

  it('skips articles at the top that were marked unread', () => {
    const state = setRead({ midway: entry({ updatedAt: at(0).toISOString() }) }, 'reset', false, at(10));
    expect(continueReadingId(state, known('midway', 'reset'))).toBe('midway');
  });

  it('skips articles no longer in the library, however recent', () => {
    const state = { gone: entry({ updatedAt: at(100).toISOString() }), here: entry({ updatedAt: at(1).toISOString() }) };
    expect(continueReadingId(state, known('here'))).toBe('here');
  });

  it('is null when every article in progress is unknown, finished or at the top', () => {
    const state = {
      gone: entry(),
      finished: entry({ read: true }),
      top: entry({ progress: 0, paragraph: 0 }),
    };
    expect(continueReadingId(state, known('finished', 'top', 'other'))).toBeNull();
  });

  it('always offers a known article in progress with no later known article in progress', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), entryArbitrary), fc.subarray(['a', 'b', 'c', 'd', 'e']), (state, ids) => {
        const knownIds = new Set(ids);
        const candidates = Object.entries(state).filter(([id, e]) => knownIds.has(id) && !e.read && (e.progress > 0 || e.paragraph > 0));
        const result = continueReadingId(state, knownIds);
        if (candidates.length === 0) {
          expect(result).toBeNull();
          return;
        }
        const latest = Math.max(...candidates.map(([, e]) => Date.parse(e.updatedAt)));
        const chosen = candidates.find(([id]) => id === result);
        expect(chosen).toBeDefined();
        expect(Date.parse(chosen?.[1].updatedAt ?? '')).toBe(latest);
      }),
    );
  });
});
