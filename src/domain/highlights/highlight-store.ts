import { DEFAULT_HIGHLIGHT_COLOR, MAX_NOTE_LENGTH, type Highlight, type HighlightColor, type TextSpan } from './highlight.ts';
import type { HighlightStorage, SaveFailure } from './highlight-storage.ts';
import { mergeStoredHighlights, type StoredHighlights } from './stored-highlights.ts';
import { describeSpan, trimSpan } from './anchoring/text-quote.ts';

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

export interface NewHighlight {
  articleId: string;
  articleHeadline: string;
  /** The article's text (`articleText()`) and the span of it to highlight. */
  text: string;
  span: TextSpan;
  color?: HighlightColor;
  note?: string;
}

export interface ImportSummary {
  imported: number;
  /** Already present: same id, or the same passage of the same article. */
  skipped: number;
}

export interface HighlightStore {
  getSnapshot(): HighlightsSnapshot;
  subscribe(listener: () => void): () => void;
  /** Adds a highlight; null when the span is only whitespace. */
  add(input: NewHighlight): Highlight | null;
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
  'newer-version': 'Your highlights were saved by a newer version of the reader. Reload the page to use it; changes made here are not saved, so nothing is overwritten.',
  unreadable: 'Some saved highlights could not be read. A copy of the saved data was kept aside unchanged (you can download it), and everything readable is shown.',
};

const notice = (kind: NoticeKind): StorageNotice => ({ kind, message: NOTICE_MESSAGES[kind] });

/** Same article and same passage: an import of something already here, under another id. */
function samePassage(a: Highlight, b: Highlight): boolean {
  return a.articleId === b.articleId && a.quote.exact === b.quote.exact && a.position.start === b.position.start;
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

  const commit = (next: StoredHighlights) => {
    const outcome = storage.save(next);
    stored = outcome.ok ? outcome.stored : next;
    publish({ highlights: stored.highlights, notice: outcome.ok ? snapshot.notice : notice(outcome.reason) });
  };

  const stopWatching = storage.watch(() => {
    const external = storage.load();
    if (!external.available) return;
    // Keep what only this tab has (say, a change the full storage refused) alongside the other tab's.
    stored = mergeStoredHighlights(external.stored, stored, now());
    publish({ ...snapshot, highlights: stored.highlights });
  });

  const timestamp = () => now().toISOString();
  // A change must be later than what it changes, even when the stored time is ahead of this
  // tab's clock (imported, or saved by a machine whose clock runs fast); merges keep the later one.
  const after = (iso: string) => new Date(Math.max(now().getTime(), Date.parse(iso) + 1)).toISOString();

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    add({ articleId, articleHeadline, text, span, color = DEFAULT_HIGHLIGHT_COLOR, note = '' }) {
      const trimmed = trimSpan(text, span);
      if (!trimmed) return null;
      const at = timestamp();
      const highlight: Highlight = { id: makeId(), articleId, articleHeadline, ...describeSpan(text, trimmed), color, note, createdAt: at, updatedAt: at };
      commit({ ...stored, highlights: [...stored.highlights, highlight] });
      return highlight;
    },
    update(id, changes) {
      const current = stored.highlights.find((h) => h.id === id);
      if (!current) return;
      const note = changes.note === undefined ? {} : { note: changes.note.slice(0, MAX_NOTE_LENGTH) };
      const next = { ...current, ...changes, ...note, updatedAt: after(current.updatedAt) };
      commit({ ...stored, highlights: stored.highlights.map((h) => (h.id === id ? next : h)) });
    },
    remove(id) {
      const removed = stored.highlights.find((h) => h.id === id);
      if (!removed) return undefined;
      commit({ highlights: stored.highlights.filter((h) => h.id !== id), deleted: [...stored.deleted, { id, deletedAt: after(removed.updatedAt) }] });
      return removed;
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
      const added: Highlight[] = [];
      let skipped = 0;
      for (const candidate of candidates) {
        const known = [...stored.highlights, ...added];
        if (known.some((h) => h.id === candidate.id || samePassage(h, candidate))) {
          skipped += 1;
          continue;
        }
        // Importing a highlight deleted here is asking for it back: it must outlive its tombstone.
        const tombstone = stored.deleted.find((t) => t.id === candidate.id);
        added.push(tombstone ? { ...candidate, updatedAt: after(tombstone.deletedAt) } : candidate);
      }
      const revived = new Set(added.map((h) => h.id));
      if (added.length > 0) commit({ highlights: [...stored.highlights, ...added], deleted: stored.deleted.filter((t) => !revived.has(t.id)) });
      return { imported: added.length, skipped };
    },
    dismissNotice() {
      publish({ ...snapshot, notice: null });
    },
    dispose() {
      stopWatching();
    },
    backups: () => storage.backups(),
  };
}
