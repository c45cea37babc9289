import type { Rejection } from './web-annotation.ts';

/** Records rejected for one reason: how many, and the first few by number. */
export interface RejectionGroup {
  reason: string;
  count: number;
  firstRecords: number[];
}

export interface RejectionSummary {
  /** The most common reasons first (then the first seen), at most `maxReasons` of them. */
  groups: RejectionGroup[];
  /** Records rejected for reasons beyond those listed. */
  otherRecords: number;
  otherReasons: number;
}

/**
 * Rejected records grouped by reason, so a file of 10,000 bad records reads as a few lines (a
 * count and the first few records of each reason) rather than 10,000 list items.
 */
export function summarizeRejections(rejected: readonly Rejection[], options: { firstFew?: number; maxReasons?: number } = {}): RejectionSummary {
  const firstFew = options.firstFew ?? 3;
  const maxReasons = options.maxReasons ?? 5;
  const byReason = new Map<string, RejectionGroup>();
  for (const { record, reason } of rejected) {
    let group = byReason.get(reason);
    if (!group) byReason.set(reason, (group = { reason, count: 0, firstRecords: [] }));
    group.count += 1;
    if (group.firstRecords.length < firstFew) group.firstRecords.push(record);
  }
  // A stable sort: equal counts keep the order their reasons were first met.
  const groups = [...byReason.values()].sort((a, b) => b.count - a.count);
  const shown = groups.slice(0, maxReasons);
  const hidden = groups.slice(maxReasons);
  return { groups: shown, otherRecords: hidden.reduce((sum, g) => sum + g.count, 0), otherReasons: hidden.length };
}
