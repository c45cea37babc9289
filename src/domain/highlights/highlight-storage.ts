import * as v from 'valibot';
import { shortHash } from '../articles/slug.ts';
import { HighlightSchema, type Highlight } from './highlight.ts';

/** One versioned key holds every highlight; a new shape gets a new version and a migration. */
export const HIGHLIGHTS_STORAGE_KEY = 'broadsheet:highlights:v1';
export const HIGHLIGHTS_STORAGE_VERSION = 1;
/** Unreadable stored values are copied here (suffixed by a hash of the value) before anything is written. */
export const UNREADABLE_BACKUP_PREFIX = `${HIGHLIGHTS_STORAGE_KEY}:unreadable:`;

export interface StoredHighlightsV1 {
  version: 1;
  highlights: Highlight[];
}

export interface ReadHighlightsResult {
  highlights: Highlight[];
  /** Why some or all of the stored value could not be used; null when all of it was read. */
  problem: string | null;
}

/** Reads a stored value. Never throws: whatever can be validated is kept, the rest is reported. */
export function readHighlights(raw: string | null): ReadHighlightsResult {
  if (raw === null) return { highlights: [], problem: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { highlights: [], problem: 'the saved highlights are not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || !('version' in parsed)) {
    return { highlights: [], problem: 'the saved highlights have no version' };
  }
  if (parsed.version !== HIGHLIGHTS_STORAGE_VERSION) {
    return { highlights: [], problem: `the saved highlights have an unknown version (${String(parsed.version)})` };
  }
  const records = 'highlights' in parsed && Array.isArray(parsed.highlights) ? (parsed.highlights as unknown[]) : null;
  if (!records) return { highlights: [], problem: 'the saved highlights have no list of highlights' };

  const highlights: Highlight[] = [];
  const seen = new Set<string>();
  let invalid = 0;
  let duplicates = 0;
  for (const record of records) {
    const result = v.safeParse(HighlightSchema, record);
    if (!result.success) invalid += 1;
    else if (seen.has(result.output.id)) duplicates += 1;
    else {
      seen.add(result.output.id);
      highlights.push(result.output);
    }
  }
  // A reported problem makes the caller back the raw value up, so a dropped duplicate is not lost either.
  const problems = [
    invalid > 0 ? `${invalid} saved highlight${invalid === 1 ? '' : 's'} could not be read` : '',
    duplicates > 0 ? `${duplicates} saved highlight${duplicates === 1 ? ' was a duplicate' : 's were duplicates'}` : '',
  ].filter(Boolean);
  const problem = problems.length > 0 ? problems.join('; ') : null;
  return { highlights, problem };
}

export function serializeHighlights(highlights: readonly Highlight[]): string {
  const stored: StoredHighlightsV1 = { version: HIGHLIGHTS_STORAGE_VERSION, highlights: [...highlights] };
  return JSON.stringify(stored);
}

export type SaveOutcome = { ok: true } | { ok: false; reason: 'unavailable' | 'quota-exceeded' | 'kept-unreadable' };

export interface LoadOutcome extends ReadHighlightsResult {
  /** False when storage cannot be used at all: highlights then live only as long as the tab. */
  available: boolean;
}

export interface HighlightStorage {
  load(): LoadOutcome;
  save(highlights: readonly Highlight[]): SaveOutcome;
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

/** Copies a value under a backup key of its own: never over another backup, never twice. */
function backUp(storage: Storage, raw: string): void {
  const base = UNREADABLE_BACKUP_PREFIX + shortHash(raw);
  for (let attempt = 1; ; attempt += 1) {
    const key = attempt === 1 ? base : `${base}-${attempt}`;
    const existing = storage.getItem(key);
    if (existing === raw) return;
    if (existing === null) {
      storage.setItem(key, raw);
      return;
    }
  }
}

/**
 * Wraps a Web Storage area so that no failure of it (blocked, full, corrupted) can lose a highlight.
 * `getArea` may throw, as `window.localStorage` does when site data is blocked.
 */
export function createHighlightStorage(getArea: () => Storage): HighlightStorage {
  // Set when a stored value could not be read and could not be backed up either: writing then
  // would destroy the only copy, so saving is refused until the reader exports or clears it.
  let unreadableWithoutBackup = false;

  const area = (): Storage | null => {
    try {
      return getArea();
    } catch {
      return null;
    }
  };

  return {
    load() {
      const storage = area();
      let raw: string | null;
      try {
        if (!storage) throw new Error('no storage');
        raw = storage.getItem(HIGHLIGHTS_STORAGE_KEY);
      } catch {
        return { highlights: [], problem: null, available: false };
      }
      const result = readHighlights(raw);
      if (result.problem && raw !== null) {
        try {
          backUp(storage, raw);
          unreadableWithoutBackup = false;
        } catch {
          unreadableWithoutBackup = true;
        }
      }
      return { ...result, available: true };
    },
    save(highlights) {
      if (unreadableWithoutBackup) return { ok: false, reason: 'kept-unreadable' };
      const storage = area();
      if (!storage) return { ok: false, reason: 'unavailable' };
      try {
        storage.setItem(HIGHLIGHTS_STORAGE_KEY, serializeHighlights(highlights));
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: isQuotaError(error) ? 'quota-exceeded' : 'unavailable' };
      }
    },
  };
}
