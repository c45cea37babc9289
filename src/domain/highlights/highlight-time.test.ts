import { describe, expect, it } from 'vitest';
import { makeHighlight, manualClock } from '../../../tests/fixtures/highlights.ts';
import { HighlightSchema } from './highlight.ts';
import { createHighlightClock, LATEST_READABLE_TIME, normalizeStoredTime } from './highlight-time.ts';
import { readStoredHighlights } from './stored-highlights.ts';
import { parseHighlightsImport } from './web-annotation.ts';
import * as v from 'valibot';

describe('createHighlightClock', () => {
  it('never goes back, even when the system clock is set back', () => {
    const system = manualClock('2026-05-01T00:00:00.000Z');
    const clock = createHighlightClock(system.now);
    expect(clock.stamp()).toBe('2026-05-01T00:00:00.000Z');
    system.set('2020-01-01T00:00:00.000Z');
    expect(clock.stamp()).toBe('2026-05-01T00:00:00.000Z');
  });

  it('stamps a change one millisecond after a time ahead of the system clock', () => {
    const clock = createHighlightClock(manualClock('2026-05-01T00:00:00.000Z').now);
    expect(clock.after('2030-01-01T00:00:00.000Z')).toBe('2030-01-01T00:00:00.001Z');
  });

  it('stays at the last readable millisecond rather than write a time the schema cannot read', () => {
    const clock = createHighlightClock(manualClock().now);
    const stamped = clock.after(LATEST_READABLE_TIME);
    expect(stamped).toBe(LATEST_READABLE_TIME);
    expect(v.safeParse(HighlightSchema, makeHighlight({ updatedAt: stamped })).success).toBe(true);
  });
});

describe('times out of range', () => {
  it('brings a stored +010000 time back in range, so the highlight written with it is read, not dropped', () => {
    expect(normalizeStoredTime('+010000-01-01T00:00:00.000Z')).toBe(LATEST_READABLE_TIME);
    const raw = JSON.stringify({
      version: 2,
      highlights: [makeHighlight({ id: 'kept', updatedAt: '+010000-01-01T00:00:00.000Z' })],
      deleted: [{ id: 'gone', deletedAt: '+010000-01-01T00:00:00.000Z' }],
    });
    const { stored, problem } = readStoredHighlights(raw);
    expect(problem).toBeNull();
    expect(stored.highlights.map((h) => h.updatedAt)).toEqual([LATEST_READABLE_TIME]);
    expect(stored.deleted).toEqual([{ id: 'gone', deletedAt: LATEST_READABLE_TIME }]);
  });

  it('refuses an imported time after 2999 or before 1970, saying which field and why', () => {
    const context = { makeId: () => 'new', now: new Date('2026-01-01T00:00:00.000Z'), findArticle: () => undefined };
    const file = {
      version: 2,
      highlights: [makeHighlight({ id: 'late', updatedAt: '9999-12-31T23:59:59.999Z' }), makeHighlight({ id: 'early', createdAt: '1969-12-31T23:59:59.999Z' }), makeHighlight({ id: 'fine' })],
    };
    const parsed = parseHighlightsImport(file, context);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.highlights.map((h) => h.id)).toEqual(['fine']);
    expect(parsed.rejected).toEqual([
      { record: 1, reason: 'updatedAt: 9999-12-31T23:59:59.999Z is not between 1970 and 2999' },
      { record: 2, reason: 'createdAt: not between 1970 and 9999' },
    ]);
  });
});
