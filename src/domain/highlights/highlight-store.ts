import { MAX_NOTE_LENGTH, type Highlight, type HighlightColor } from './highlight.ts';
import type { HighlightStorage, SaveFailure } from './highlight-storage.ts';
import { createHighlightClock } from './highlight-time.ts';
import { mergeStoredHighlights, type StoredHighlights } from './stored-highlights.ts';
import { buildNewHighlight, type NewHighlight, type NewHighlightOutcome } from './new-highlight.ts';

export type { NewHighlight, NewHighlightOutcome };

export type NoticeKind = SaveFailure | 'unreadable';

/** Something the reader must know about their highlights being saved. */
export interface StorageNotice {
  kind: NoticeKind;
  message: string;
}

export interface HighlightsSnapshot {
  highlights: readonly Highlight[];
  notice: StorageNotice | null;
}

export interface ImportSummary {
  imported: number;
  /** Already present: same id, or the same passage of the same article. */
  skipped: number;
}

export interface HighlightStore {
  getSnapshot(): HighlightsSnapshot;
  subscribe(listener: () => void): () => void;
  /** Adds a highlight; null when the span is only whitespace or cannot be stored (`tryAdd` says why). */
  add(input: NewHighlight): Highlight | null;
  /** Adds a highlight, or says why it cannot be made (too long to store, say), so the reader can be told. */
  tryAdd(input: NewHighlight): NewHighlightOutcome;
  update(id: string, changes: { color?: HighlightColor; note?: string }): void;
  /** Deletes a highlight and returns it, so the caller can offer to undo. */
  remove(id: string): Highlight | undefined;
  /** Undoes a removal. */
  restore(highlight: Highlight): void;
  /** Adds highlights that are not already here; never changes or deletes one that is. */
  importHighlights(candidates: readonly Highlight[]): ImportSummary;
  dismissNotice(): void;
  /** Stops listening to other tabs. */
  dispose(): void;
  /** Backed-up stored values that could not be read, by key. */
  backups(): Record<string, string>;
  /** Every record, deletions included: what another device must learn. */
  records(): StoredHighlights;
  /** Takes in another device's records by the same rules as another tab's. */
  mergeFromElsewhere(incoming: StoredHighlights): void;
}

/** 128 random bits as hex. crypto.randomUUID needs a secure context; static sites are often served over plain HTTP. */
export function newHighlightId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export const NOTICE_MESSAGES: Record<NoticeKind, string> = {
  unavailable: 'This browser is not letting the reader save data, so highlights will last only until this tab is closed.',
  'quota-exceeded':
    'Your last change could not be saved: the browser’s storage for this site is full. It stays on screen until you close this tab; export your highlights to keep them.',
  'kept-unreadable': 'Saved highlights could not be read or backed up, so new changes are not being saved over them. Export your highlights to keep them.',
  'newer-version':
    'Your highlights were saved by a newer version of the reader, which this tab cannot read. This tab is now read-only, so nothing is overwritten: reload the page to use the newer version.',
  unreadable: 'Some saved highlights could not be read. A copy of the saved data was kept aside unchanged (you can download it), and everything readable is shown.',
};

const notice = (kind: NoticeKind): StorageNotice => ({ kind, message: NOTICE_MESSAGES[kind] });

/** Text cut at a limit, without the half character a cut inside an emoji would leave (a lone surrogate is unreadable). */
function wholeCharacters(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

/** Same article and same passage (an import of something already here, under another id) give the same key. */
function passageKey(h: Highlight): string {
  return JSON.stringify([h.articleId, h.position.start, h.quote.exact]);
}

export function createHighlightStore(storage: HighlightStorage, options: { now?: () => Date; makeId?: () => string } = {}): HighlightStore {
  const now = options.now ?? (() => new Date());
  const makeId = options.makeId ?? newHighlightId;
  const listeners = new Set<() => void>();

  const loaded = storage.load();
  let stored: StoredHighlights = loaded.stored;
  let snapshot: HighlightsSnapshot = {
    highlights: stored.highlights,
    notice: !loaded.available
      ? notice('unavailable')
      : loaded.newer
        ? notice('newer-version')
        : loaded.problem
          ? { kind: 'unreadable', message: `${NOTICE_MESSAGES.unreadable} (${loaded.problem})` }
          : null,
  };

  const publish = (next: HighlightsSnapshot) => {
    snapshot = next;
    for (const listener of listeners) listener();
  };

  // Set while the stored value was written by a newer version of the app: this tab cannot read it,
  // so it changes nothing (a change kept only here would be lost on reload, or tempt a write over it).
  let readOnly = loaded.newer ?? false;

  /** Saves a change and shows it; false when the tab is read-only and the change was not made. */
  const commit = (next: StoredHighlights): boolean => {
    if (readOnly) {
      publish({ ...snapshot, notice: notice('newer-version') });
      return false;
    }
    const outcome = storage.save(next);
    if (!outcome.ok && outcome.reason === 'newer-version') {
      readOnly = true;
      publish({ ...snapshot, notice: notice('newer-version') });
      return false;
    }
    stored = outcome.ok ? outcome.stored : next;
    publish({ highlights: stored.highlights, notice: outcome.ok ? snapshot.notice : notice(outcome.reason) });
    return true;
  };

  const stopWatching = storage.watch(() => {
    const external = storage.load();
    if (!external.available) return;
    if (external.newer) {
      readOnly = true;
      publish({ ...snapshot, notice: notice('newer-version') });
      return;
    }
    readOnly = false;
    // Keep what only this tab has (say, a change the full storage refused) alongside the other tab's.
    stored = mergeStoredHighlights(external.stored, stored, now());
    publish({ ...snapshot, highlights: stored.highlights });
  });

  // A change must be later than what it changes, even when the stored time is ahead of this
  // tab's clock (imported, or saved by a machine whose clock runs fast); merges keep the later one.
  // The clock never writes a time the store could not read back.
  const clock = createHighlightClock(now);
  const timestamp = () => clock.stamp();
  const after = (iso: string) => clock.after(iso);

  const tryAdd = (input: NewHighlight): NewHighlightOutcome => {
    const outcome = buildNewHighlight(input, () => ({ id: makeId(), at: timestamp() }));
    if (outcome.ok && !commit({ ...stored, highlights: [...stored.highlights, outcome.highlight] })) {
      return { ok: false, reason: 'read-only', message: NOTICE_MESSAGES['newer-version'] };
    }
    return outcome;
  };

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    add(input) {
      const outcome = tryAdd(input);
      return outcome.ok ? outcome.highlight : null;
    },
    tryAdd,
    update(id, changes) {
      const current = stored.highlights.find((h) => h.id === id);
      if (!current) return;
      const note = changes.note === undefined ? {} : { note: wholeCharacters(changes.note.slice(0, MAX_NOTE_LENGTH)) };
      const next = { ...current, ...changes, ...note, updatedAt: after(current.updatedAt) };
      commit({ ...stored, highlights: stored.highlights.map((h) => (h.id === id ? next : h)) });
    },
    remove(id) {
      const removed = stored.highlights.find((h) => h.id === id);
      if (!removed) return undefined;
      const done = commit({ highlights: stored.highlights.filter((h) => h.id !== id), deleted: [...stored.deleted, { id, deletedAt: after(removed.updatedAt) }] });
      return done ? removed : undefined;
    },
    restore(highlight) {
      const tombstone = stored.deleted.find((t) => t.id === highlight.id);
      // Restored after its deletion, so a merge with a tab that saw the deletion keeps it.
      const restored = { ...highlight, updatedAt: after(tombstone?.deletedAt ?? highlight.updatedAt) };
      commit({
        highlights: [...stored.highlights.filter((h) => h.id !== highlight.id), restored],
        deleted: stored.deleted.filter((t) => t.id !== highlight.id),
      });
    },
    importHighlights(candidates) {
      // One pass with lookups by id and by passage: a file of 10,000 is checked in linear time.
      const knownIds = new Set(stored.highlights.map((h) => h.id));
      const knownPassages = new Set(stored.highlights.map(passageKey));
      const deletedAt = new Map(stored.deleted.map((t) => [t.id, t.deletedAt]));
      const added: Highlight[] = [];
      let skipped = 0;
      for (const candidate of candidates) {
        const passage = passageKey(candidate);
        if (knownIds.has(candidate.id) || knownPassages.has(passage)) {
          skipped += 1;
          continue;
        }
        knownIds.add(candidate.id);
        knownPassages.add(passage);
        // Importing a highlight deleted here is asking for it back: it must outlive its tombstone.
        const tombstone = deletedAt.get(candidate.id);
        added.push(tombstone ? { ...candidate, updatedAt: after(tombstone) } : candidate);
      }
      const revived = new Set(added.map((h) => h.id));
      if (added.length > 0 && !commit({ highlights: [...stored.highlights, ...added], deleted: stored.deleted.filter((t) => !revived.has(t.id)) })) {
        return { imported: 0, skipped };
      }
      return { imported: added.length, skipped };
    },
    dismissNotice() {
      publish({ ...snapshot, notice: null });
    },
    dispose() {
      stopWatching();
    },
    backups: () => storage.backups(),
    records: () => stored,
    mergeFromElsewhere(incoming) {
      const merged = mergeStoredHighlights(stored, incoming, now());
      // Most synced records are already here: saving and notifying for nothing would redraw every view.
      if (JSON.stringify(merged) !== JSON.stringify(stored)) commit(merged);
    },
  };
}
