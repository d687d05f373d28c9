/** Fixed-size pages of a list, so no page grows with the whole archive. */

export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** How many pages there are in all. */
  count: number;
  items: T[];
}

/**
 * Cuts a list into pages of `size` items; an empty list still has one (empty) page.
 * @example paginate([1, 2, 3], 2).map((page) => page.items) // [[1, 2], [3]]
 */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive whole number, got ${size}`);
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => ({ number: index + 1, count, items: items.slice(index * size, (index + 1) * size) }));
}
