import type { Highlight, Tombstone } from '../highlights/highlight.ts';
import { mergeStoredHighlights, type StoredHighlights } from '../highlights/stored-highlights.ts';
import type { ArticleProgress, ReadingProgress } from '../reading/reading-progress.ts';
import type { HighlightRecord, ReadingRecord } from './remote-documents.ts';

/*
 * Two devices merge by the rules two tabs already follow (`mergeStoredHighlights`): by id, the later
 * edit wins, a deletion wins over edits made before it, and nothing deleted comes back. These
 * functions only turn records into and out of the shape that merge works on.
 */

export function storedOfRecords(records: Iterable<HighlightRecord>): StoredHighlights {
  const highlights: Highlight[] = [];
  const deleted: Tombstone[] = [];
  for (const record of records) {
    if (record.kind === 'highlight') highlights.push(record.highlight);
    else deleted.push(record.tombstone);
  }
  return { highlights, deleted };
}

/** Every record of a stored value, by highlight id: its highlight, or its tombstone. */
export function recordsOfStored(stored: StoredHighlights): Map<string, HighlightRecord> {
  const records = new Map<string, HighlightRecord>();
  for (const tombstone of stored.deleted) records.set(tombstone.id, { kind: 'deleted', tombstone });
  // A highlight and its tombstone together means it was restored after the deletion: the highlight stands.
  for (const highlight of stored.highlights) records.set(highlight.id, { kind: 'highlight', highlight });
  return records;
}

/** Merges records that arrived from storage into the local copy. */
export function mergeIncomingHighlights(local: StoredHighlights, incoming: Iterable<HighlightRecord>, now: Date): StoredHighlights {
  return mergeStoredHighlights(local, storedOfRecords(incoming), now);
}

/** The record that wins between two versions of one highlight; undefined when only an expired tombstone remains. */
export function winningRecord(a: HighlightRecord | undefined, b: HighlightRecord | undefined, now: Date): HighlightRecord | undefined {
  const merged = mergeStoredHighlights(storedOfRecords(a ? [a] : []), storedOfRecords(b ? [b] : []), now);
  return recordsOfStored(merged).values().next().value;
}

const sameRecord = (a: HighlightRecord | undefined, b: HighlightRecord | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The local records storage must be sent: those it lacks or holds an older version of. A record
 * the storage lost (a server that accepted a write, then dropped it) is sent again.
 */
export function highlightsToSend(local: StoredHighlights, remote: ReadonlyMap<string, HighlightRecord>, now: Date): HighlightRecord[] {
  const toSend: HighlightRecord[] = [];
  for (const [id, record] of recordsOfStored(local)) {
    const stored = remote.get(id);
    const winner = winningRecord(record, stored, now);
    if (winner && !sameRecord(winner, stored)) toSend.push(winner);
  }
  return toSend;
}

/** The later of two positions in one article wins; equal times keep the first. */
function laterEntry(a: ArticleProgress | undefined, b: ArticleProgress): ArticleProgress {
  return !a || Date.parse(b.updatedAt) > Date.parse(a.updatedAt) ? b : a;
}

export function mergeReadingProgress(local: ReadingProgress, incoming: Iterable<ReadingRecord>): ReadingProgress {
  // No prototype, as when reading from storage: an article id such as "__proto__" is an ordinary key.
  const merged = Object.assign(Object.create(null) as Record<string, ArticleProgress>, local);
  for (const { articleId, entry } of incoming) merged[articleId] = laterEntry(merged[articleId], entry);
  return merged;
}

export function readingToSend(local: ReadingProgress, remote: ReadonlyMap<string, ArticleProgress>): ReadingRecord[] {
  return Object.entries(local).flatMap(([articleId, entry]) => {
    const stored = remote.get(articleId);
    return laterEntry(stored, entry) === entry && JSON.stringify(stored) !== JSON.stringify(entry) ? [{ articleId, entry }] : [];
  });
}
