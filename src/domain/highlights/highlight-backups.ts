import { shortHash } from '../articles/short-hash.ts';
import { HIGHLIGHTS_STORAGE_VERSION, migrateStoredValue } from './stored-highlights.ts';

/**
 * Stored values that could not be fully read are copied aside before anything is written over
 * them. One copy per distinct content, and no more than this many: each is a full copy of the
 * highlights, and the browser gives a site only a few megabytes. At the bound nothing is deleted:
 * the store stops saving over the value instead, and asks the reader to download what is kept.
 */
export const MAX_UNREADABLE_BACKUPS = 5;

function backupKeys(storage: Storage, prefix: string): string[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/**
 * Copies `raw` under a backup key of its own: never over another backup, never twice. Returns
 * false when it could not be kept (the bound is reached); throws when storage refuses the write.
 */
export function backUpUnreadable(storage: Storage, prefix: string, raw: string): boolean {
  const keys = backupKeys(storage, prefix);
  if (keys.some((key) => storage.getItem(key) === raw)) return true;
  if (keys.length >= MAX_UNREADABLE_BACKUPS) return false;
  const base = prefix + shortHash(raw);
  for (let attempt = 1; ; attempt += 1) {
    const key = attempt === 1 ? base : `${base}-${attempt}`;
    if (storage.getItem(key) === null) {
      storage.setItem(key, raw);
      return true;
    }
  }
}

/** Every backup, by key. */
export function readBackups(storage: Storage, prefix: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const key of backupKeys(storage, prefix)) {
    const value = storage.getItem(key);
    if (value !== null) found[key] = value;
  }
  return found;
}

/**
 * The "Download the saved data" file: a highlights file in the app's own format, so Import takes
 * it back (every record that validates is imported, each other one is named with its reason), with
 * each backup also kept verbatim under `unreadableBackups`, so nothing in it is lost even where no
 * record could be read (text that is not JSON, a version this app does not know).
 */
export function backupsDownloadFile(backups: Readonly<Record<string, string>>): string {
  const highlights: unknown[] = [];
  const deleted: unknown[] = [];
  for (const raw of Object.values(backups)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      continue;
    }
    const current = migrateStoredValue(parsed);
    if ('error' in current) continue;
    highlights.push(...current.highlights);
    deleted.push(...current.deleted);
  }
  const file = { version: HIGHLIGHTS_STORAGE_VERSION, highlights, deleted, unreadableBackups: backups };
  return `${JSON.stringify(file, null, 2)}\n`;
}
