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
