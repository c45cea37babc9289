/**
 * Where each hosted reader keeps its data in the browser. Web Storage is shared by every page of
 * an origin, so two readers hosted on one (`USER.github.io/a/` and `USER.github.io/b/`) would
 * otherwise read and delete each other's highlights. Data tied to a collection's articles
 * (highlights, reading positions) is kept per reader, under keys that carry the path it is hosted
 * at. The reader's display settings and last highlight colour stay shared by the origin: they are
 * the person's preferences, not facts about one collection, and the settings must be read by a
 * plain script before the first paint.
 */
export interface StorageKeys {
  highlights: string;
  reading: string;
}

/** The keys every reader used before they were kept apart; a reader at the origin's root still uses them. */
export const SHARED_STORAGE_KEYS: StorageKeys = { highlights: 'broadsheet:highlights', reading: 'broadsheet:reading' };

/** The keys of the reader hosted at `basePath` ("/", "/reader/", "/a/b/c/"). */
export function storageKeysFor(basePath: string): StorageKeys {
  const path = `/${basePath.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  if (path === '/') return SHARED_STORAGE_KEYS;
  return { highlights: `broadsheet@${path}:highlights`, reading: `broadsheet@${path}:reading` };
}

/** Backups of an unreadable stored value live under this prefix of its key. */
export const backupPrefixOf = (key: string) => `${key}:unreadable:`;

/**
 * Copies what the shared key holds to this reader's own key, once: when its own key has nothing
 * yet. The shared value is left in place, for every other reader on the origin (each takes its
 * own copy, so nothing one of them had is lost) and for a tab of an older version still open.
 * Backups of unreadable values are copied too, so they can still be downloaded here. Returns the
 * value now under `key` (the shared one if the copy could not be written).
 */
/** The part of Web Storage the migration uses, so the domain needs no DOM types. */
export interface StorageArea {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function migrateToOwnKey(storage: StorageArea, key: string, sharedKey: string): string | null {
  const own = storage.getItem(key);
  if (own !== null || key === sharedKey) return own;
  const shared = storage.getItem(sharedKey);
  if (shared === null) return null;
  try {
    const sharedBackups = backupPrefixOf(sharedKey);
    const backups: [string, string][] = [];
    for (let index = 0; index < storage.length; index += 1) {
      const name = storage.key(index);
      const value = name?.startsWith(sharedBackups) ? storage.getItem(name) : null;
      if (name && value !== null) backups.push([backupPrefixOf(key) + name.slice(sharedBackups.length), value]);
    }
    for (const [name, value] of backups) if (storage.getItem(name) === null) storage.setItem(name, value);
    storage.setItem(key, shared);
  } catch {
    // Full storage: this visit reads the shared value; the copy is tried again on the next load.
  }
  return shared;
}
