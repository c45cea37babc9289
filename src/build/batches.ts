/** A run of positions [start, end) handled together. */
export interface Batch {
  start: number;
  end: number;
}

/**
 * Cuts `total` positions into consecutive runs of at most `size`: the build holds one run of
 * articles (text, rendered pages) at a time, so its memory does not grow with the collection.
 */
export function* batches(total: number, size: number): Generator<Batch> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`a batch holds at least one article (got ${size})`);
  for (let start = 0; start < total; start += size) yield { start, end: Math.min(total, start + size) };
}

/** A positive whole number from the environment, or the default when unset; anything else is an error that names the variable. */
export function positiveIntegerSetting(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a whole number of 1 or more (got "${value}")`);
  return number;
}

/** A whole number of 0 or more from the environment; anything else is an error that names the variable. */
export function wholeNumberSetting(name: string, value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number < 0) throw new Error(`${name} must be a whole number of 0 or more (got "${value}")`);
  return number;
}

/**
 * Positions grouped by the file their documents share: one group per pack, by a pack function of
 * each position, in pack order (positions ascending within one); one group per position when
 * nothing is packed.
 */
export function fileGroups(total: number, packOf?: { packs: number; of: (position: number) => number }): number[][] {
  if (!packOf) return Array.from({ length: total }, (_, position) => [position]);
  const groups: number[][] = Array.from({ length: packOf.packs }, () => []);
  for (let position = 0; position < total; position += 1) groups[packOf.of(position)]?.push(position);
  return groups.filter((group) => group.length > 0);
}

/** Whole groups, taken in order until a batch holds at least `size` positions (a group is never split). */
export function* groupBatches(groups: readonly (readonly number[])[], size: number): Generator<(readonly number[])[]> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`a batch holds at least one article (got ${size})`);
  let batch: (readonly number[])[] = [];
  let count = 0;
  for (const group of groups) {
    batch.push(group);
    count += group.length;
    if (count >= size) {
      yield batch;
      batch = [];
      count = 0;
    }
  }
  if (batch.length) yield batch;
}
