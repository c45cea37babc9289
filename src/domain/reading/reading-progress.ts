import * as v from 'valibot';
import { migrateToOwnKey, SHARED_STORAGE_KEYS, type StorageArea } from '../highlights/storage-namespace.ts';

/** Where the reader is in each article, and which ones they finished. */
export const READING_PROGRESS_KEY = SHARED_STORAGE_KEYS.reading;
/** Scrolled this far through an article, it counts as read. */
export const READ_THRESHOLD = 0.97;

export const ArticleProgressSchema = v.object({
  progress: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  paragraph: v.pipe(v.number(), v.integer(), v.minValue(0)),
  read: v.boolean(),
  updatedAt: v.pipe(v.string(), v.isoTimestamp()),
  /** Where listening stopped: the article-text offset of the sentence to resume from. */
  listening: v.optional(v.object({ offset: v.pipe(v.number(), v.integer(), v.minValue(0)) })),
});

export type ArticleProgress = v.InferOutput<typeof ArticleProgressSchema>;
export type ReadingProgress = Readonly<Record<string, ArticleProgress>>;
export type ReadingStatus = 'unread' | 'in-progress' | 'read';

export const READING_STATUS_LABELS: Record<ReadingStatus, string> = { unread: 'Unread', 'in-progress': 'In progress', read: 'Read' };

export function isReadingStatus(value: string | null): value is ReadingStatus {
  return value === 'unread' || value === 'in-progress' || value === 'read';
}

/** Reads the stored value; entries that fail validation are dropped one by one, never the whole. */
export function parseReadingProgress(raw: string | null): ReadingProgress {
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  // No prototype: an article id such as "__proto__" is an ordinary key, not a prototype change.
  const entries: Record<string, ArticleProgress> = Object.create(null) as Record<string, ArticleProgress>;
  for (const [id, entry] of Object.entries(value)) {
    const parsed = v.safeParse(ArticleProgressSchema, entry);
    if (parsed.success) entries[id] = parsed.output;
  }
  return entries;
}

export function readingStatus(entry: ArticleProgress | undefined): ReadingStatus {
  if (!entry) return 'unread';
  if (entry.read) return 'read';
  return entry.progress > 0 || entry.paragraph > 0 || entry.listening !== undefined ? 'in-progress' : 'unread';
}

/** Records a reading position; reaching the end marks the article read (and it stays read). */
export function recordPosition(state: ReadingProgress, articleId: string, progress: number, paragraph: number, now: Date): ReadingProgress {
  const previous = state[articleId];
  const clamped = Math.min(1, Math.max(0, progress));
  const read = (previous?.read ?? false) || clamped >= READ_THRESHOLD;
  // Scrolling (the follow-along scrolls too) keeps the listening position.
  const listening = previous?.listening ? { listening: previous.listening } : {};
  return { ...state, [articleId]: { progress: clamped, paragraph, read, updatedAt: now.toISOString(), ...listening } };
}

/** Records where listening is (an article-text offset), or forgets it (null: listened to the end). */
export function recordListening(state: ReadingProgress, articleId: string, offset: number | null, now: Date): ReadingProgress {
  const previous = state[articleId];
  const base: ArticleProgress = previous ?? { progress: 0, paragraph: 0, read: false, updatedAt: now.toISOString() };
  const { listening: _forgotten, ...rest } = base;
  return { ...state, [articleId]: offset === null ? { ...rest, updatedAt: now.toISOString() } : { ...rest, listening: { offset }, updatedAt: now.toISOString() } };
}

export function setRead(state: ReadingProgress, articleId: string, read: boolean, now: Date): ReadingProgress {
  const previous = state[articleId];
  const entry: ArticleProgress = read
    ? { progress: previous?.progress ?? 0, paragraph: previous?.paragraph ?? 0, read: true, updatedAt: now.toISOString() }
    : { progress: 0, paragraph: 0, read: false, updatedAt: now.toISOString() };
  return { ...state, [articleId]: entry };
}

/**
 * Articles begun and not finished, most recently read first: the first of them still in the
 * collection is offered under "Continue reading" (the app learns which are, article by article).
 */
export function continueReadingCandidates(state: ReadingProgress, limit: number): string[] {
  return Object.entries(state)
    .filter(([, entry]) => readingStatus(entry) === 'in-progress')
    .sort(([, a], [, b]) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))
    .slice(0, limit)
    .map(([id]) => id);
}

export interface ReadingProgressStore {
  getSnapshot(): ReadingProgress;
  subscribe(listener: () => void): () => void;
  update(change: (state: ReadingProgress, now: Date) => ReadingProgress): void;
}

/**
 * Reading positions in Web Storage; if storage fails they last the visit, which is all they are
 * worth. `key` is this reader's own (see storage-namespace.ts): the shared key's positions are
 * copied to it on first read.
 */
export function createReadingProgressStore(getArea: () => StorageArea, now: () => Date = () => new Date(), key: string = READING_PROGRESS_KEY): ReadingProgressStore {
  const listeners = new Set<() => void>();
  let migrated = false;
  const read = () => {
    try {
      const raw = migrated ? getArea().getItem(key) : migrateToOwnKey(getArea(), key, READING_PROGRESS_KEY);
      migrated = true;
      return parseReadingProgress(raw);
    } catch {
      return {};
    }
  };
  let snapshot = read();
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(change) {
      // Start from what is stored now, so another tab's positions are not written over.
      const stored = read();
      snapshot = change({ ...snapshot, ...stored }, now());
      try {
        getArea().setItem(key, JSON.stringify(snapshot));
      } catch {
        // Kept in memory for this visit.
      }
      for (const listener of listeners) listener();
    },
  };
}
