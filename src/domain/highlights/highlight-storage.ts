import { backUpUnreadable, readBackups } from './highlight-backups.ts';
import { backupPrefixOf, migrateToOwnKey, SHARED_STORAGE_KEYS } from './storage-namespace.ts';
import {
  EMPTY_STORED_HIGHLIGHTS,
  mergeStoredHighlights,
  readStoredHighlights,
  serializeStoredHighlights,
  type ReadStoredResult,
  type StoredHighlights,
} from './stored-highlights.ts';

/** The one key that holds every highlight; the value carries its schema version. */
export const HIGHLIGHTS_STORAGE_KEY = SHARED_STORAGE_KEYS.highlights;
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

/** Keeps a copy of `raw` aside, or throws when it cannot (storage refused, or the bound on backups is reached). */
function backUp(storage: Storage, prefix: string, raw: string): void {
  if (!backUpUnreadable(storage, prefix, raw)) throw new Error('too many backups already');
}

export interface StorageEvents {
  subscribe(listener: (key: string | null) => void): () => void;
}

/**
 * Wraps a Web Storage area so that no failure of it (blocked, full, corrupted, shared with another
 * tab) can lose a highlight. `getArea` may throw, as `window.localStorage` does when site data is
 * blocked; `events` delivers the `storage` events other tabs cause.
 */
export function createHighlightStorage(
  getArea: () => Storage,
  events?: StorageEvents,
  now: () => Date = () => new Date(),
  /** This reader's own key (see storage-namespace.ts); what the shared key holds is copied to it on first load. */
  key: string = HIGHLIGHTS_STORAGE_KEY,
): HighlightStorage {
  const backupPrefix = backupPrefixOf(key);
  let migrated = false;
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

  const readRaw = (storage: Storage): string | null => {
    if (migrated) return storage.getItem(key);
    const raw = migrateToOwnKey(storage, key, HIGHLIGHTS_STORAGE_KEY);
    migrated = true;
    return raw;
  };

  // The value this tab last read or wrote, and what it holds. While the stored value is still that
  // one (no other tab wrote since), a save neither parses nor validates every record again: at
  // 10,000 highlights that was most of a save's time, on the main thread.
  let known: { raw: string; read: ReadStoredResult } | null = null;
  const read = (raw: string | null): ReadStoredResult => {
    if (raw !== null && known?.raw === raw) return known.read;
    const result = readStoredHighlights(raw);
    known = raw === null ? null : { raw, read: result };
    return result;
  };

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
      const { stored, problem, newer } = read(raw);
      newerVersionStored = newer ?? false;
      // A newer version's value is never written over, so it needs no copy: copying each of its
      // writes would fill the storage with backups.
      if (problem && raw !== null && !newerVersionStored) {
        try {
          backUp(storage, backupPrefix, raw);
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
        const current = read(raw);
        // A newer version saved since this tab loaded (its storage event has not run yet): this
        // version cannot read that value, so it must not write over it.
        if (current.newer) {
          newerVersionStored = true;
          return { ok: false, reason: 'newer-version' };
        }
        // Never write over a value that did not read cleanly unless it is safely backed up.
        if (current.problem && raw !== null && !backUpUnreadable(storage, backupPrefix, raw)) return { ok: false, reason: 'kept-unreadable' };
        const merged = mergeStoredHighlights(current.stored, stored, now());
        const written = serializeStoredHighlights(merged);
        storage.setItem(key, written);
        // Every record written was valid (they come from validated values), so this is what reading it gives.
        known = { raw: written, read: { stored: merged, problem: null } };
        return { ok: true, stored: merged };
      } catch (error) {
        return { ok: false, reason: isQuotaError(error) ? 'quota-exceeded' : 'unavailable' };
      }
    },
    backups() {
      const storage = area();
      if (!storage) return {};
      try {
        return readBackups(storage, backupPrefix);
      } catch {
        return {}; // Storage went away: there is nothing to offer.
      }
    },
    watch(onExternalChange) {
      if (!events) return () => {};
      return events.subscribe((changed) => {
        // key is null when another tab cleared all storage.
        if (changed === null || changed === key) onExternalChange();
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
