/**
 * Calendar days as UTC-midnight `Date`s: a digest day has no time zone, so every
 * computation and every formatter works in UTC and no reader sees the day before.
 */

const DAY_MS = 86_400_000;

/** Builds the UTC day; returns `undefined` for impossible dates such as 02-30. */
export function makeDay(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date : undefined;
}

/**
 * Parses `YYYY-MM-DD`; returns `undefined` for anything else.
 * @example parseIsoDay('2014-02-03')?.toISOString() // '2014-02-03T00:00:00.000Z'
 */
export function parseIsoDay(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  return makeDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Writes the day as `YYYY-MM-DD`. @example toIsoDay(new Date(Date.UTC(2014, 1, 3))) // '2014-02-03' */
export function toIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The calendar day a moment falls on where the machine runs (an editor's today, not Greenwich's:
 * before 08:00 in Beijing, Greenwich is still on yesterday), as a UTC day.
 */
export function localDay(moment: Date): Date {
  return new Date(Date.UTC(moment.getFullYear(), moment.getMonth(), moment.getDate()));
}

/** The day `days` after `date` (negative for before). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}
