/**
 * The times highlights carry, and the clock that stamps them. Merges order copies of a highlight
 * by these times, so each must be one the store can write and read back: an ISO 8601 time with a
 * four-digit year. `Date.prototype.toISOString` writes years past 9999 as `+010000-…`, which no
 * ISO timestamp check accepts, so a time one millisecond past the last readable one would make a
 * highlight (or its deletion) unreadable on the next load.
 */

/** The earliest time anything may carry: before it, a date is a mistake, not a highlight. */
export const EARLIEST_TIME = '1970-01-01T00:00:00.000Z';
/** The latest time the stored form can express, and so the latest the store ever writes. */
export const LATEST_READABLE_TIME = '9999-12-31T23:59:59.999Z';
/**
 * The latest time an imported file may carry. Far below the readable limit on purpose: each change
 * is stamped one millisecond after the time it changes, so this headroom (seven thousand years of
 * milliseconds) means an imported time can never push the clock to the limit, where two changes
 * would get the same time and a merge could not tell which came last.
 */
export const LATEST_IMPORTED_TIME = '2999-12-31T23:59:59.999Z';

const EARLIEST_MS = Date.parse(EARLIEST_TIME);
const LATEST_READABLE_MS = Date.parse(LATEST_READABLE_TIME);
const LATEST_IMPORTED_MS = Date.parse(LATEST_IMPORTED_TIME);

export function isReadableTime(ms: number): boolean {
  return ms >= EARLIEST_MS && ms <= LATEST_READABLE_MS;
}

export function isImportableTime(ms: number): boolean {
  return ms >= EARLIEST_MS && ms <= LATEST_IMPORTED_MS;
}

function clampToReadable(ms: number): number {
  return Math.min(LATEST_READABLE_MS, Math.max(EARLIEST_MS, ms));
}

/**
 * A stored time outside the readable range (say `+010000-01-01T00:00:00.000Z`, written by an
 * earlier version of the store) brought back inside it, so the record it belongs to is read
 * instead of dropped. Anything that is not a date at all is returned unchanged, to fail validation.
 */
export function normalizeStoredTime(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || isReadableTime(ms)) return value;
  return new Date(clampToReadable(ms)).toISOString();
}

export interface HighlightClock {
  /** Now, never earlier than a time this clock gave before, and always readable. */
  stamp(): string;
  /** A time later than `iso` (a change must come after what it changes), and not earlier than `stamp()`. */
  after(iso: string): string;
}

/**
 * The store's clock. Time only moves forward (a system clock set back does not make a change look
 * older than the one before it) and never leaves the readable range: at the very last readable
 * millisecond it stays there rather than write a time that cannot be read back.
 */
export function createHighlightClock(now: () => Date): HighlightClock {
  let last = EARLIEST_MS;
  const advanceTo = (ms: number) => {
    last = Math.max(last, clampToReadable(Number.isNaN(ms) ? EARLIEST_MS : ms));
    return new Date(last).toISOString();
  };
  return {
    stamp: () => advanceTo(now().getTime()),
    after(iso) {
      const current = Math.max(now().getTime(), Date.parse(iso) + 1);
      return advanceTo(current);
    },
  };
}
