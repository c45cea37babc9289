import * as v from 'valibot';
import { describeIssues, HighlightSchema, TombstoneSchema, type Highlight, type Tombstone } from './highlight.ts';
import { normalizeStoredTime } from './highlight-time.ts';
import { withWholeCharacterContext } from './well-formed-text.ts';

/** The shape of the stored value: `{ version, highlights, deleted }`. A new shape bumps the version. */
export const HIGHLIGHTS_STORAGE_VERSION = 2;
/** Deleted ids are remembered this long, so a tab left open for weeks cannot bring a deleted highlight back. */
export const TOMBSTONE_LIFETIME_MS = 90 * 24 * 60 * 60 * 1000;

export interface StoredHighlights {
  highlights: Highlight[];
  deleted: Tombstone[];
}

export const EMPTY_STORED_HIGHLIGHTS: StoredHighlights = { highlights: [], deleted: [] };

/** Version 1: no colour, note, headline or update time, and no record of deletions. */
interface StoredHighlightsV1 {
  version: 1;
  highlights: Record<string, unknown>[];
}

type CurrentShape = { version: 2; highlights: unknown[]; deleted: unknown[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function migrateV1(stored: StoredHighlightsV1): CurrentShape {
  return {
    version: 2,
    highlights: stored.highlights.map((record) =>
      isRecord(record) ? { articleHeadline: '', color: 'yellow', note: '', updatedAt: record.createdAt, ...record } : record,
    ),
    deleted: [],
  };
}

/**
 * Upgrades any older stored value to the current shape, one version at a time, or says why it
 * cannot. Records are not validated here: that is done one by one, so one bad record loses nothing else.
 */
export function migrateStoredValue(value: unknown): CurrentShape | { error: string; newer?: boolean } {
  if (!isRecord(value)) return { error: 'the saved highlights are not an object' };
  if (!('version' in value)) return { error: 'the saved highlights have no version' };
  if (!Array.isArray(value.highlights)) return { error: 'the saved highlights have no list of highlights' };
  if (value.version === 1) return migrateStoredValue(migrateV1(value as unknown as StoredHighlightsV1));
  if (value.version === HIGHLIGHTS_STORAGE_VERSION) {
    // A deletion list that is not a list is one unreadable record: reported, so the value is backed up.
    const deleted = value.deleted === undefined ? [] : Array.isArray(value.deleted) ? value.deleted : [value.deleted];
    return { version: 2, highlights: value.highlights, deleted };
  }
  if (typeof value.version === 'number' && value.version > HIGHLIGHTS_STORAGE_VERSION) {
    return { error: `the saved highlights have an unknown version (${value.version}), from a newer version of the reader`, newer: true };
  }
  return { error: `the saved highlights have an unknown version (${JSON.stringify(value.version)})` };
}

/**
 * A record as earlier versions could write it, made readable: times out of range (`+010000-…`)
 * brought back in range, and a quote context cut inside an emoji trimmed to whole characters.
 */
export function repairLegacyRecord(record: unknown, timeFields: readonly string[]): unknown {
  if (!isRecord(record)) return record;
  let changed: Record<string, unknown> | null = null;
  for (const field of timeFields) {
    const normalized = normalizeStoredTime(record[field]);
    if (normalized !== record[field]) (changed ??= { ...record })[field] = normalized;
  }
  const quote = withWholeCharacterContext(record.quote);
  if (quote !== record.quote) (changed ??= { ...record }).quote = quote;
  return changed ?? record;
}

export interface ReadStoredResult {
  stored: StoredHighlights;
  /** Why some or all of the value could not be used; null when all of it was read. */
  problem: string | null;
  /** Written by a newer version of the app: this one must not write over it. */
  newer?: boolean;
}

/** Reads a stored value. Never throws: whatever validates is kept, the rest is reported. */
export function readStoredHighlights(raw: string | null): ReadStoredResult {
  if (raw === null) return { stored: EMPTY_STORED_HIGHLIGHTS, problem: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { stored: EMPTY_STORED_HIGHLIGHTS, problem: 'the saved highlights are not valid JSON' };
  }
  const current = migrateStoredValue(parsed);
  if ('error' in current) return { stored: EMPTY_STORED_HIGHLIGHTS, problem: current.error, ...(current.newer ? { newer: true } : {}) };

  const highlights: Highlight[] = [];
  const seen = new Set<string>();
  let invalid = 0;
  let duplicates = 0;
  let firstReason = '';
  for (const record of current.highlights) {
    const result = v.safeParse(HighlightSchema, repairLegacyRecord(record, ['createdAt', 'updatedAt']));
    if (!result.success) {
      invalid += 1;
      firstReason ||= describeIssues(result.issues);
    } else if (seen.has(result.output.id)) duplicates += 1;
    else {
      seen.add(result.output.id);
      highlights.push(result.output);
    }
  }
  let invalidTombstones = 0;
  const deleted = current.deleted.flatMap((record) => {
    const result = v.safeParse(TombstoneSchema, repairLegacyRecord(record, ['deletedAt']));
    if (!result.success) invalidTombstones += 1;
    return result.success ? [result.output] : [];
  });
  // A reported problem makes the storage back the raw value up, so a dropped record is never lost.
  const problems = [
    invalid > 0 ? `${invalid} saved highlight${invalid === 1 ? '' : 's'} could not be read (${firstReason})` : '',
    duplicates > 0 ? `${duplicates} saved highlight${duplicates === 1 ? ' was a duplicate' : 's were duplicates'}` : '',
    invalidTombstones > 0 ? `${invalidTombstones} record${invalidTombstones === 1 ? '' : 's'} of deleted highlights could not be read` : '',
  ].filter(Boolean);
  return { stored: { highlights, deleted }, problem: problems.length > 0 ? problems.join('; ') : null };
}

export function serializeStoredHighlights(stored: StoredHighlights): string {
  return JSON.stringify({ version: HIGHLIGHTS_STORAGE_VERSION, highlights: stored.highlights, deleted: stored.deleted });
}

const time = (iso: string) => Date.parse(iso);

/**
 * Merges two copies of the highlights (this tab's and what another tab saved) by id: the later
 * update of a highlight wins, a deletion wins over updates made before it, and nothing that only
 * one side knows is dropped. Tombstones older than `TOMBSTONE_LIFETIME_MS` before `now` are let go.
 */
export function mergeStoredHighlights(a: StoredHighlights, b: StoredHighlights, now: Date = new Date()): StoredHighlights {
  const deletedAt = new Map<string, string>();
  for (const tombstone of [...a.deleted, ...b.deleted]) {
    const known = deletedAt.get(tombstone.id);
    if (!known || time(tombstone.deletedAt) > time(known)) deletedAt.set(tombstone.id, tombstone.deletedAt);
  }
  const byId = new Map<string, Highlight>();
  for (const highlight of [...a.highlights, ...b.highlights]) {
    const known = byId.get(highlight.id);
    if (!known || time(highlight.updatedAt) > time(known.updatedAt)) byId.set(highlight.id, highlight);
  }
  // Each creation time parsed once, not once per comparison: this runs on every save.
  const highlights = [...byId.values()]
    .filter((h) => {
      const deleted = deletedAt.get(h.id);
      return !deleted || time(h.updatedAt) > time(deleted);
    })
    .map((h) => ({ h, created: time(h.createdAt) }))
    .sort((x, y) => x.created - y.created || (x.h.id < y.h.id ? -1 : x.h.id > y.h.id ? 1 : 0))
    .map(({ h }) => h);
  const oldest = now.getTime() - TOMBSTONE_LIFETIME_MS;
  const deleted = [...deletedAt].filter(([, at]) => time(at) >= oldest).map(([id, at]) => ({ id, deletedAt: at }));
  return { highlights, deleted };
}
