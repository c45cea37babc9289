import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeHighlight } from '../../../tests/fixtures/highlights.ts';
import { HIGHLIGHT_COLORS, type Highlight } from '../highlights/highlight.ts';
import { EMPTY_STORED_HIGHLIGHTS, type StoredHighlights } from '../highlights/stored-highlights.ts';
import { highlightsToSend, mergeIncomingHighlights } from './merge-records.ts';
import type { HighlightRecord } from './remote-documents.ts';

/*
 * Two devices and the reader's storage, modelled with the functions the sync uses: each device edits
 * its own copy (create, recolour, annotate, delete, undo a delete), and at any moment one of them
 * syncs: it sends storage what storage lacks or holds older, then merges in everything storage has.
 */

const START = Date.parse('2026-03-01T00:00:00.000Z');
const NOW = new Date(START + 10_000_000);
const IDS = ['a', 'b', 'c'] as const;

type Edit = { kind: 'upsert'; id: string; color: Highlight['color']; note: string } | { kind: 'delete'; id: string };
type Step = { device: 0 | 1; edit: Edit } | { device: 0 | 1; sync: true };

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('upsert' as const), id: fc.constantFrom(...IDS), color: fc.constantFrom(...HIGHLIGHT_COLORS), note: fc.string({ maxLength: 5 }) }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom(...IDS) }),
);
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ device: fc.constantFrom(0 as const, 1 as const), edit: editArbitrary }),
  fc.record({ device: fc.constantFrom(0 as const, 1 as const), sync: fc.constant(true as const) }),
);

/** A device's edit, as the store makes it: every change is stamped with a time of its own. */
function applyEdit(stored: StoredHighlights, edit: Edit, time: string): StoredHighlights {
  const existing = stored.highlights.find((h) => h.id === edit.id);
  const others = stored.highlights.filter((h) => h.id !== edit.id);
  if (edit.kind === 'delete') {
    if (!existing) return stored;
    return { highlights: others, deleted: [...stored.deleted.filter((t) => t.id !== edit.id), { id: edit.id, deletedAt: time }] };
  }
  const next = existing ? { ...existing, color: edit.color, note: edit.note, updatedAt: time } : makeHighlight({ id: edit.id, color: edit.color, note: edit.note, createdAt: time, updatedAt: time });
  return { highlights: [...others, next], deleted: stored.deleted };
}

function sync(local: StoredHighlights, remote: Map<string, HighlightRecord>): StoredHighlights {
  for (const record of highlightsToSend(local, remote, NOW)) remote.set(record.kind === 'highlight' ? record.highlight.id : record.tombstone.id, record);
  return mergeIncomingHighlights(local, remote.values(), NOW);
}

describe('syncing two devices through one storage', () => {
  it('converges to the same highlights on both, whatever the interleaving of edits and syncs', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 40 }), (steps) => {
        const devices: [StoredHighlights, StoredHighlights] = [EMPTY_STORED_HIGHLIGHTS, EMPTY_STORED_HIGHLIGHTS];
        const remote = new Map<string, HighlightRecord>();
        /** The last change to each id anywhere: what both devices must show once synced. */
        const lastChange = new Map<string, { edit: Edit; device: StoredHighlights }>();
        steps.forEach((step, index) => {
          const time = new Date(START + index * 1000).toISOString();
          if ('sync' in step) {
            devices[step.device] = sync(devices[step.device], remote);
            return;
          }
          const before = devices[step.device];
          const after = applyEdit(before, step.edit, time);
          devices[step.device] = after;
          if (after !== before) lastChange.set(step.edit.id, { edit: step.edit, device: after });
        });
        // Each device syncs once the connection is back; then the first again, to take the second's changes.
        devices[0] = sync(devices[0], remote);
        devices[1] = sync(devices[1], remote);
        devices[0] = sync(devices[0], remote);

        expect(devices[1].highlights).toEqual(devices[0].highlights);
        for (const id of IDS) {
          const change = lastChange.get(id);
          const shown = devices[0].highlights.find((h) => h.id === id);
          if (!change) expect(shown).toBeUndefined();
          else if (change.edit.kind === 'delete') expect(shown).toBeUndefined();
          else expect(shown).toEqual(change.device.highlights.find((h) => h.id === id));
        }
      }),
      { numRuns: 300 },
    );
  });
});
