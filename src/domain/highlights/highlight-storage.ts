import { shortHash } from '../articles/short-hash.ts';
import {
  EMPTY_STORED_HIGHLIGHTS,
  mergeStoredHighlights,
  readStoredHighlights,
  serializeStoredHighlights,
  type StoredHighlights,
} from './stored-highlights.ts';

/** The one key that holds every highlight; the value carries its schema version. */
export const HIGHLIGHTS_STORAGE_KEY = 'broadsheet:highlights';
/** Unreadable stored values are copied under this prefix before anything is written over them. */
export const UNREADABLE_BACKUP_PREFIX = `${HIGHLIGHTS_STORAGE_KEY}:unreadable:`;

export type SaveFailure = 'unavailable' | 'quota-exceeded' | 'kept-unreadable' | 'newer-version';
export type SaveOutcome = { ok: true; stored: StoredHighlights } | { ok: false; reason: SaveFailure };

export interface LoadOutcome {
  stored: StoredHighlights;
  /** The stored value was written by a newer version: saving is refused until reload. */
  newer?: boolean;
  /** Why some of the stored value could not be used (it was backed up); null when all was read. */
  problem: string | null;
  /** False when storage cannot be used at all: highlights then live only as long as the tab. */
  available: boolean;
}

export interface HighlightStorage {
  load(): LoadOutcome;
  /** Saves `stored` merged with whatever another tab saved meanwhile, and returns the merged value. */
  save(stored: StoredHighlights): SaveOutcome;
  /** Calls back when another tab changes the stored highlights. */
  watch(onExternalChange: () => void): () => void;
  /** Every backed-up unreadable value, by key, so the reader can download them. */
  backups(): Record<string, string>;
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22);
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

export interface StorageEvents {
  subscribe(listener: (key: string | null) => void): () => void;
}

/**
 * Wraps a Web Storage area so that no failure of it (blocked, full, corrupted, shared with another
 * tab) can lose a highlight. `getArea` may throw, as `window.localStorage` does when site data is
 * blocked; `events` delivers the `storage` events other tabs cause.
 */
export function createHighlightStorage(getArea: () => Storage, events?: StorageEvents, now: () => Date = () => new Date()): HighlightStorage {
  // Set when a stored value could not be read and could not be backed up either: writing then
  // would destroy the only copy, so saving is refused until the reader exports or clears it.
  let unreadableWithoutBackup = false;
  // Set when the stored value was written by a newer version of the app (an old tab kept open):
  // this version cannot read it, so it must not write over it either.
  let newerVersionStored = false;

  const area = (): Storage | null => {
    try {
      return getArea();
    } catch {
      return null;
    }
  };

  const readRaw = (storage: Storage): string | null => storage.getItem(HIGHLIGHTS_STORAGE_KEY);

  return {
    load() {
      // Whatever made saving unsafe before is judged afresh on every load.
      unreadableWithoutBackup = false;
      newerVersionStored = false;
      const storage = area();
      let raw: string | null;
      try {
        if (!storage) throw new Error('no storage');
        raw = readRaw(storage);
      } catch {
        return { stored: EMPTY_STORED_HIGHLIGHTS, problem: null, available: false };
      }
      const { stored, problem, newer } = readStoredHighlights(raw);
      newerVersionStored = newer ?? false;
      if (problem && raw !== null) {
        try {
          backUp(storage, raw);
          unreadableWithoutBackup = false;
        } catch {
          unreadableWithoutBackup = true;
        }
      }
      return { stored, problem, available: true, ...(newerVersionStored ? { newer: true } : {}) };
    },
    save(stored) {
      if (newerVersionStored) return { ok: false, reason: 'newer-version' };
      if (unreadableWithoutBackup) return { ok: false, reason: 'kept-unreadable' };
      const storage = area();
      if (!storage) return { ok: false, reason: 'unavailable' };
      try {
        const raw = readRaw(storage);
        const current = readStoredHighlights(raw);
        // Never write over a value that did not read cleanly unless it is safely backed up.
        if (current.problem && raw !== null) backUp(storage, raw);
        const merged = mergeStoredHighlights(current.stored, stored, now());
        storage.setItem(HIGHLIGHTS_STORAGE_KEY, serializeStoredHighlights(merged));
        return { ok: true, stored: merged };
      } catch (error) {
        return { ok: false, reason: isQuotaError(error) ? 'quota-exceeded' : 'unavailable' };
      }
    },
    backups() {
      const storage = area();
      const found: Record<string, string> = {};
      if (!storage) return found;
      try {
        for (let index = 0; index < storage.length; index += 1) {
          const key = storage.key(index);
          const value = key?.startsWith(UNREADABLE_BACKUP_PREFIX) ? storage.getItem(key) : null;
          if (key && value !== null) found[key] = value;
        }
      } catch {
        // Storage went away: there is nothing to offer.
      }
      return found;
    },
    watch(onExternalChange) {
      if (!events) return () => {};
      return events.subscribe((key) => {
        // key is null when another tab cleared all storage.
        if (key === null || key === HIGHLIGHTS_STORAGE_KEY) onExternalChange();
      });
    },
  };
}

/** The `storage` events of a window: fired in every other tab of the same site when a value changes. */
export function windowStorageEvents(target: Window): StorageEvents {
  return {
    subscribe(listener) {
      const onStorage = (event: StorageEvent) => listener(event.key);
      target.addEventListener('storage', onStorage);
      return () => target.removeEventListener('storage', onStorage);
    },
  };
}
