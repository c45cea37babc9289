import { describe, expect, it, vi } from 'vitest';
import { at, makeHighlight, storedOf, tombstone } from '../../../tests/fixtures/highlights.ts';
import { ids, newHighlight, setup } from '../../../tests/fixtures/highlight-store-harness.ts';

// Records from another device (through sync) merge by the rules of another tab.
describe('createHighlightStore: records from elsewhere', () => {
  it('gives every record, deletions included', () => {
    const { store } = setup();
    const added = store.add(newHighlight(0, 3));
    store.remove(added?.id ?? '');
    expect(store.records().deleted.map((t) => t.id)).toEqual([added?.id]);
  });

  it('takes in a later edit and a new highlight, and saves them', () => {
    const { store, saves } = setup({ stored: storedOf([makeHighlight({ id: 'x', note: 'old' })]) });
    store.mergeFromElsewhere(storedOf([makeHighlight({ id: 'x', note: 'new', updatedAt: at(5) }), makeHighlight({ id: 'y' })]));
    expect(store.getSnapshot().highlights.map((h) => [h.id, h.note])).toEqual([
      ['x', 'new'],
      ['y', ''],
    ]);
    expect(saves).toHaveLength(1);
  });

  it('removes a highlight deleted elsewhere after its last edit here, and keeps one edited here after', () => {
    const { store } = setup({ stored: storedOf([makeHighlight({ id: 'old', updatedAt: at(1) }), makeHighlight({ id: 'kept', updatedAt: at(9) })]) });
    store.mergeFromElsewhere(storedOf([], [tombstone('old', at(2)), tombstone('kept', at(2))]));
    expect(ids(store.getSnapshot().highlights)).toEqual(['kept']);
  });

  it('neither saves nor notifies when nothing new arrived', () => {
    const highlight = makeHighlight();
    const { store, saves } = setup({ stored: storedOf([highlight]) });
    const listener = vi.fn();
    store.subscribe(listener);
    store.mergeFromElsewhere(storedOf([highlight]));
    expect(saves).toHaveLength(0);
    expect(listener).not.toHaveBeenCalled();
  });
});
