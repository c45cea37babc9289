import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { createFakeStorage } from '../../../tests/fixtures/fake-storage.ts';
import { makeHighlight, storedOf } from '../../../tests/fixtures/highlights.ts';
import { createHighlightStorage, HIGHLIGHTS_STORAGE_KEY } from './highlight-storage.ts';
import { serializeStoredHighlights } from './stored-highlights.ts';

// Counts every validation of a record, wherever it happens.
vi.mock('valibot', async (importOriginal) => {
  const original = await importOriginal<typeof import('valibot')>();
  return { ...original, safeParse: vi.fn(original.safeParse) };
});
const validations = () => vi.mocked(v.safeParse).mock.calls.length;

describe('saving', () => {
  const many = Array.from({ length: 50 }, (_, i) => makeHighlight({ id: `h${i}`, position: { type: 'TextPositionSelector', start: i, end: i + 5 } }));

  it('does not validate again the records it read or wrote itself, when no other tab has written since', () => {
    const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: serializeStoredHighlights(storedOf(many)) });
    const storage = createHighlightStorage(() => area);
    const { stored } = storage.load();
    const before = validations();
    const first = storage.save({ ...stored, highlights: [...stored.highlights, makeHighlight({ id: 'new' })] });
    if (!first.ok) throw new Error(first.reason);
    storage.save({ ...first.stored, highlights: first.stored.highlights.map((h) => (h.id === 'new' ? { ...h, note: 'edited' } : h)) });
    expect(validations() - before).toBe(0);
  });

  it('still reads what another tab wrote in between', () => {
    const area = createFakeStorage({ [HIGHLIGHTS_STORAGE_KEY]: serializeStoredHighlights(storedOf(many)) });
    const storage = createHighlightStorage(() => area);
    const { stored } = storage.load();
    area.setItem(HIGHLIGHTS_STORAGE_KEY, serializeStoredHighlights(storedOf([...many, makeHighlight({ id: 'theirs' })])));
    const saved = storage.save(stored);
    expect(saved.ok && saved.stored.highlights.some((h) => h.id === 'theirs')).toBe(true);
  });
});
