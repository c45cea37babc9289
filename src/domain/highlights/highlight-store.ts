import type { Highlight, TextSpan } from './highlight.ts';
import type { HighlightStorage, SaveOutcome } from './highlight-storage.ts';
import { describeSpan, trimSpan } from './text-quote.ts';

export interface HighlightsSnapshot {
  highlights: readonly Highlight[];
  /** A message the reader must see about saving; null when all is well. */
  notice: string | null;
}

export interface HighlightStore {
  getSnapshot(): HighlightsSnapshot;
  subscribe(listener: () => void): () => void;
  /** Adds a highlight for the span of `text` (the article's text); null when the span is only whitespace. */
  add(articleId: string, text: string, span: TextSpan): Highlight | null;
  remove(id: string): void;
  dismissNotice(): void;
}

/** 128 random bits as hex. crypto.randomUUID needs a secure context; static sites are often served over plain HTTP. */
export function newHighlightId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const NOTICES = {
  unavailable: 'This browser is not letting the reader save data, so highlights will last only until this tab is closed.',
  'quota-exceeded': 'Your last change could not be saved: the browser’s storage for this site is full. It stays on screen until you close this tab.',
  'kept-unreadable': 'Saved highlights could not be read and could not be backed up, so new changes are not being saved over them.',
} satisfies Record<Exclude<SaveOutcome, { ok: true }>['reason'], string>;

export function createHighlightStore(
  storage: HighlightStorage,
  options: { now?: () => Date; makeId?: () => string } = {},
): HighlightStore {
  const now = options.now ?? (() => new Date());
  const makeId = options.makeId ?? newHighlightId;
  const listeners = new Set<() => void>();

  const loaded = storage.load();
  let snapshot: HighlightsSnapshot = {
    highlights: loaded.highlights,
    notice: !loaded.available
      ? NOTICES.unavailable
      : loaded.problem
        ? `Some saved highlights could not be read (${loaded.problem}). The saved data was kept aside unchanged.`
        : null,
  };

  const publish = (next: HighlightsSnapshot) => {
    snapshot = next;
    for (const listener of listeners) listener();
  };

  const commit = (highlights: readonly Highlight[]) => {
    const outcome = storage.save(highlights);
    publish({ highlights, notice: outcome.ok ? snapshot.notice : NOTICES[outcome.reason] });
  };

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    add(articleId, text, span) {
      const trimmed = trimSpan(text, span);
      if (!trimmed) return null;
      const highlight: Highlight = { id: makeId(), articleId, ...describeSpan(text, trimmed), createdAt: now().toISOString() };
      commit([...snapshot.highlights, highlight]);
      return highlight;
    },
    remove(id) {
      if (!snapshot.highlights.some((h) => h.id === id)) return;
      commit(snapshot.highlights.filter((h) => h.id !== id));
    },
    dismissNotice() {
      publish({ ...snapshot, notice: null });
    },
  };
}
