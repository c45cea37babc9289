import fc from 'fast-check';
import * as v from 'valibot';
import { TombstoneSchema } from './highlight.ts';
import { describe, expect, it } from 'vitest';
import { createFakeStorage, type FakeStorage } from '../../../tests/fixtures/fake-storage.ts';
import { highlightArbitrary, storedHighlightsArbitrary } from '../../../tests/fixtures/highlight-arbitraries.ts';
import { HighlightSchema, type Highlight } from './highlight.ts';
import { createHighlightStorage, HIGHLIGHTS_STORAGE_KEY, UNREADABLE_BACKUP_PREFIX } from './highlight-storage.ts';
import { mergeStoredHighlights, serializeStoredHighlights, type StoredHighlights } from './stored-highlights.ts';

const NOW = () => new Date('2026-01-01T00:00:00.000Z');
/** Before every generated timestamp: no tombstone has expired yet. */
const BEFORE_EVERYTHING = new Date('1999-01-01T00:00:00.000Z');

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The highlight records of a raw stored value, as version 2 understands them, or null when the
 * value is not a list of highlights of a known version. Written from the format's description,
 * independently of the code under test.
 */
function recordsOf(raw: string): unknown[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.highlights)) return null;
  if (parsed.version === 2) return parsed.highlights;
  if (parsed.version === 1) {
    return parsed.highlights.map((r) => (isRecord(r) ? { articleHeadline: '', color: 'yellow', note: '', updatedAt: r.createdAt, ...r } : r));
  }
  return null;
}

/** The highlights a reader would expect back: every valid record, the first of each id, in order. */
function validHighlightsOf(records: readonly unknown[]): Highlight[] {
  const seen = new Set<string>();
  const highlights: Highlight[] = [];
  for (const record of records) {
    const result = v.safeParse(HighlightSchema, record);
    if (result.success && !seen.has(result.output.id)) {
      seen.add(result.output.id);
      highlights.push(result.output);
    }
  }
  return highlights;
}

/** Every record is a valid highlight and no id repeats: nothing would be dropped on reading. */
/** Every highlight record and every deletion record valid. */
function fullyReadable(raw: string): boolean {
  const records = recordsOf(raw);
  if (records === null || validHighlightsOf(records).length !== records.length) return false;
  const { deleted } = JSON.parse(raw) as { deleted?: unknown };
  return deleted === undefined || (Array.isArray(deleted) && deleted.every((t) => v.safeParse(TombstoneSchema, t).success));
}

const backedUp = (area: FakeStorage) => [...area.values].filter(([key]) => key.startsWith(UNREADABLE_BACKUP_PREFIX)).map(([, value]) => value);

/** What can go wrong with a stored value: records damaged, duplicated or replaced, the wrapper changed, the text cut or garbled. */
type Mutation =
  | { kind: 'replace-record'; at: number; value: unknown }
  | { kind: 'drop-field'; at: number; field: string }
  | { kind: 'set-field'; at: number; field: string; value: unknown }
  | { kind: 'duplicate-record'; at: number }
  | { kind: 'set-version'; value: unknown }
  | { kind: 'set-highlights'; value: unknown }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert-char'; at: number; char: string };

const FIELDS = ['id', 'articleId', 'articleHeadline', 'quote', 'position', 'color', 'note', 'createdAt', 'updatedAt', 'extra'];
const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace-record' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('drop-field' as const), at: fc.nat(), field: fc.constantFrom(...FIELDS) }),
  fc.record({
    kind: fc.constant('set-field' as const),
    at: fc.nat(),
    field: fc.constantFrom(...FIELDS),
    value: fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom('red', '', 'yesterday', '2024-01-01T00:00:00+01:00', -1, 1.5)),
  }),
  fc.record({ kind: fc.constant('duplicate-record' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('set-version' as const), value: fc.oneof(fc.constantFrom(1, 2, 3, '2', null, undefined), fc.jsonValue({ maxDepth: 1 })) }),
  fc.record({ kind: fc.constant('set-highlights' as const), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert-char' as const), at: fc.nat(), char: fc.constantFrom('{', '}', '"', ',', ']', '\\', 'x', '\u0000') }),
);

function mutate(stored: StoredHighlights, mutations: readonly Mutation[]): string {
  const value: Record<string, unknown> = { version: 2, highlights: structuredClone(stored.highlights) as unknown[], deleted: stored.deleted };
  let raw: string | null = null;
  for (const mutation of mutations) {
    const records = Array.isArray(value.highlights) ? (value.highlights as unknown[]) : null;
    const index = records && records.length > 0 && 'at' in mutation ? mutation.at % records.length : -1;
    const record = records && index >= 0 ? records[index] : undefined;
    if (mutation.kind === 'replace-record' && records && index >= 0) records[index] = mutation.value;
    else if (mutation.kind === 'drop-field' && isRecord(record)) delete record[mutation.field];
    else if (mutation.kind === 'set-field' && isRecord(record)) record[mutation.field] = mutation.value;
    else if (mutation.kind === 'duplicate-record' && records && index >= 0) records.push(structuredClone(records[index]));
    else if (mutation.kind === 'set-version') value.version = mutation.value;
    else if (mutation.kind === 'set-highlights') value.highlights = mutation.value;
    else if (mutation.kind === 'truncate' || mutation.kind === 'insert-char') {
      const text: string = raw ?? JSON.stringify(value);
      const at = mutation.at % (text.length + 1);
      raw = mutation.kind === 'truncate' ? text.slice(0, at) : text.slice(0, at) + mutation.char + text.slice(at);
    }
  }
  return raw ?? JSON.stringify(value);
}

const mutatedPayload = fc
  .tuple(storedHighlightsArbitrary({ maxLength: 5 }), fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }))
  .map(([stored, mutations]) => mutate(stored, mutations));

/** Any value another program, an older version or a broken disk could have left under the key. */
const anyStoredString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json(), mutatedPayload, mutatedPayload);

describe('highlight storage, for any value found under the key', () => {
  it('loads without throwing, and keeps a value it could not fully read byte for byte through load and save', () => {
    fc.assert(
      fc.property(anyStoredString, fc.array(highlightArbitrary(), { maxLength: 3 }), (raw, mine) => {
        const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: raw });
        const storage = createHighlightStorage(() => area, undefined, NOW);
        const loaded = storage.load();
        expect(loaded.available).toBe(true);
        storage.save({ highlights: [...loaded.stored.highlights, ...mine], deleted: loaded.stored.deleted });
        if (!fullyReadable(raw)) {
          expect(loaded.problem).not.toBeNull();
          const kept = area.values.get(HIGHLIGHTS_STORAGE_KEY) === raw || backedUp(area).includes(raw);
          expect(kept, `the raw value ${JSON.stringify(raw).slice(0, 200)} was lost`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('makes no backup of a value it read fully', () => {
    fc.assert(
      fc.property(fc.oneof(storedHighlightsArbitrary().map(serializeStoredHighlights), mutatedPayload), (raw) => {
        fc.pre(fullyReadable(raw));
        const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: raw });
        expect(createHighlightStorage(() => area, undefined, NOW).load().problem).toBeNull();
        expect(backedUp(area)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('still returns every valid record of a damaged payload, the first of each id, in order', () => {
    fc.assert(
      fc.property(mutatedPayload, (raw) => {
        const records = recordsOf(raw);
        const loaded = createHighlightStorage(() => createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: raw })).load();
        expect(loaded.stored.highlights).toEqual(records === null ? [] : validHighlightsOf(records));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps what it saved: loading after a save gives the saved highlights back', () => {
    fc.assert(
      fc.property(storedHighlightsArbitrary(), (stored) => {
        const area = createFakeStorage();
        const outcome = createHighlightStorage(() => area, undefined, () => BEFORE_EVERYTHING).save(stored);
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) return;
        expect(createHighlightStorage(() => area).load()).toEqual({ stored: outcome.stored, problem: null, available: true });
      }),
      { numRuns: 100 },
    );
  });
});

describe('mergeStoredHighlights, for any two stored values', () => {
  // A small pool of ids, so that both sides often know the same highlight or its deletion.
  const sharedIds = { id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), maxLength: 6 };
  const liveIds = (stored: StoredHighlights) => stored.highlights.map((h) => h.id).sort();
  const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const normalised = (stored: StoredHighlights) => ({ highlights: byId(stored.highlights), deleted: byId(stored.deleted) });

  /** A value as the app would hold it: no highlight deleted by its own tombstones. */
  const consistent = storedHighlightsArbitrary(sharedIds).map((stored) => mergeStoredHighlights(stored, { highlights: [], deleted: [] }, BEFORE_EVERYTHING));

  it('is commutative on the set of live highlight ids and of deleted ids', () => {
    fc.assert(
      fc.property(storedHighlightsArbitrary(sharedIds), storedHighlightsArbitrary(sharedIds), (a, b) => {
        const ab = mergeStoredHighlights(a, b, NOW());
        const ba = mergeStoredHighlights(b, a, NOW());
        expect(liveIds(ab)).toEqual(liveIds(ba));
        expect(normalised(ab).deleted).toEqual(normalised(ba).deleted);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: merging a value with itself gives it back, up to order', () => {
    fc.assert(
      fc.property(consistent, (a) => {
        expect(normalised(mergeStoredHighlights(a, a, BEFORE_EVERYTHING))).toEqual(normalised(a));
      }),
      { numRuns: 200 },
    );
  });

  it('loses nothing on a second merge with either side', () => {
    fc.assert(
      fc.property(storedHighlightsArbitrary(sharedIds), storedHighlightsArbitrary(sharedIds), (a, b) => {
        const merged = mergeStoredHighlights(a, b, BEFORE_EVERYTHING);
        for (const again of [mergeStoredHighlights(merged, a, BEFORE_EVERYTHING), mergeStoredHighlights(b, merged, BEFORE_EVERYTHING)]) {
          expect(liveIds(again)).toEqual(liveIds(merged));
          expect(normalised(again).deleted).toEqual(normalised(merged).deleted);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same highlights in either order when no two copies of a highlight were updated at the same moment', () => {
    fc.assert(
      fc.property(storedHighlightsArbitrary(sharedIds), storedHighlightsArbitrary(sharedIds), (a, b) => {
        const copies = [...a.highlights, ...b.highlights];
        fc.pre(copies.every((x) => copies.every((y) => x === y || x.id !== y.id || x.updatedAt !== y.updatedAt)));
        expect(normalised(mergeStoredHighlights(a, b, NOW()))).toEqual(normalised(mergeStoredHighlights(b, a, NOW())));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every highlight whose latest copy is newer than its latest deletion, and no other', () => {
    fc.assert(
      fc.property(storedHighlightsArbitrary(sharedIds), storedHighlightsArbitrary(sharedIds), (a, b) => {
        const latest = (items: { id: string; at: string }[], id: string) =>
          Math.max(-Infinity, ...items.filter((x) => x.id === id).map((x) => Date.parse(x.at)));
        const copies = [...a.highlights, ...b.highlights].map((h) => ({ id: h.id, at: h.updatedAt }));
        const deletions = [...a.deleted, ...b.deleted].map((t) => ({ id: t.id, at: t.deletedAt }));
        const expected = [...new Set(copies.map((c) => c.id))].filter((id) => latest(copies, id) > latest(deletions, id)).sort();
        expect(liveIds(mergeStoredHighlights(a, b, NOW()))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('is associative on the set of live highlight ids', () => {
    fc.assert(
      fc.property(
        storedHighlightsArbitrary(sharedIds),
        storedHighlightsArbitrary(sharedIds),
        storedHighlightsArbitrary(sharedIds),
        (a, b, c) => {
          const left = mergeStoredHighlights(mergeStoredHighlights(a, b, BEFORE_EVERYTHING), c, BEFORE_EVERYTHING);
          const right = mergeStoredHighlights(a, mergeStoredHighlights(b, c, BEFORE_EVERYTHING), BEFORE_EVERYTHING);
          expect(liveIds(left)).toEqual(liveIds(right));
        },
      ),
      { numRuns: 200 },
    );
  });
});
