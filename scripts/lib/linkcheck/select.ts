/**
 * Which addresses a run checks: those never checked, those checked too long ago, and those whose
 * check is dated days after the run (a year mistyped by hand, a clock set wrong), which says nothing
 * of how old it is. Pure.
 */
import { daysBetween, parseIsoDay } from '../../../src/lib/dates.ts';
import type { LinkCheck } from '../../../src/schemas/links.ts';

export interface SelectOptions {
  /** The day of the run. */
  today: Date;
  /** A check this many days old or older is made again. */
  maxAgeDays: number;
  /** Check everything, whatever its age. */
  all: boolean;
}

/**
 * The addresses to check, in order, each once.
 * @example selectAddresses(['a', 'b'], new Map([['a', { checked: '2026-01-01', … }]]), { today: 2026-01-05, maxAgeDays: 30, all: false }) // ['b']
 */
export function selectAddresses(
  addresses: Iterable<string>,
  known: ReadonlyMap<string, LinkCheck>,
  { today, maxAgeDays, all }: SelectOptions,
): string[] {
  return [...new Set(addresses)].filter((address) => {
    const checked = known.get(address)?.checked;
    const day = checked === undefined ? undefined : parseIsoDay(checked);
    const age = day && daysBetween(day, today);
    // A day ahead is another time zone's today (a check by a colleague east of here), not an error.
    return all || age === undefined || age < -1 || age >= maxAgeDays;
  });
}
