import { z } from 'astro/zod';
import { localeCodes } from '../i18n/locales.ts';
import { stripBidiControls } from '../lib/bidi.ts';
import { parseIsoDay } from '../lib/dates.ts';

/** A calendar day written `YYYY-MM-DD`, read as UTC midnight. */
export const IsoDaySchema = z
  .string({ error: 'expected a date written YYYY-MM-DD (e.g. 2014-02-15)' })
  .refine((text) => parseIsoDay(text) !== undefined, { error: (issue) => dayProblem(String(issue.input)) })
  .transform((text) => parseIsoDay(text) as Date);

/**
 * What is wrong with a day as written, and the day meant where it can be read: a month or day
 * without its zero (`2014-1-5`), other separators (`2014/01/05`, `2014年1月5日`), a time or zone.
 * @example dayProblem('2014-1-5') // 'expected a date written YYYY-MM-DD (hyphens, two digits for the month and the day); write 2014-01-05'
 */
export function dayProblem(text: string): string {
  const [, year, month = '', day = '', rest = ''] =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(.*)$/s.exec(text.trim()) ?? [];
  const meant = year ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : undefined;
  if (!meant || !parseIsoDay(meant)) return `expected a real date written YYYY-MM-DD (e.g. 2014-02-15)${missingDay(year, month, day)}`;
  // A time or zone after the day (`T10:00`, ` 10:00`, `Z`, `+08:00`) is dropped; anything else may be part of the day mistyped (`2014-02-3x`).
  if (rest.trim() && !/^(?:[T\s]\s*\d{1,2}:\d{2}|\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})\b)/i.test(rest)) {
    return `expected a real date written YYYY-MM-DD (e.g. 2014-02-15): "${rest.trim()}" after the day is no part of one`;
  }
  if (rest.trim()) return `expected the day alone, written YYYY-MM-DD: a digest's days have no time or time zone; write ${meant}`;
  return `expected a date written YYYY-MM-DD (hyphens, two digits for the month and the day); write ${meant}`;
}

/**
 * Why a day written with its year, month and day is not in the calendar: a month past December, or
 * a day past the month's last (February 29 outside a leap year, April 31).
 * @example missingDay('2015', '2', '29') // ': 2015 has no February 29 (February 2015 has 28 days)'
 */
function missingDay(year = '', month = '', day = ''): string {
  const [y, m, d] = [year, month, day].map(Number) as [number, number, number];
  if (m > 12) return `: there is no month ${m}`;
  if (!year || m < 1) return '';
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d <= last) return '';
  const name = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
  return `: ${y} has no ${name} ${d} (${name} ${y} has ${last} days)`;
}

/**
 * A title, a summary or a name: shown beside the site's own words, in pages, feeds and `<title>`,
 * where no markup can isolate it. Explicit direction controls are removed (see `lib/bidi.ts`).
 */
export const LabelSchema = z.string().transform(stripBidiControls).pipe(z.string().trim().min(1));

/**
 * Markdown a plain-text field would show as written: a link (`[孔令贤](https://…)`), an autolink
 * (`<https://…>`) or bold (`**华为**`; underscores are left alone: `__init__` is a Python name).
 * @example markdownIn('[Jane](https://example.com/)') // 'a link'
 */
export function markdownIn(text: string): string | undefined {
  if (/!?\[[^\]\n]*\]\([^)\n]*\)/.test(text)) return 'a link';
  if (/<(?:https?|mailto):[^>\s]*>/i.test(text)) return 'a link';
  if (/\*\*[^*\s](?:[^*]*[^*\s])?\*\*/.test(text)) return 'bold';
  return undefined;
}

/**
 * HTML a plain-text field would show as written: an entity (`&amp;`, `&#xFF1A;`), a line break
 * (`<br>`) or an element written with its closing tag (`<b>重点</b>`). A tag named alone in prose
 * (`Heat 的 <output> 字段`) and a bare `&` (`AT&T`) are text.
 * @example htmlIn('Nova &amp; Neutron') // 'an HTML entity (&amp;)'
 */
export function htmlIn(text: string): string | undefined {
  const entity = /&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});/i.exec(text)?.[0];
  if (entity) return `an HTML entity (${entity})`;
  const tag = /<br\s*\/?>/i.exec(text)?.[0] ?? /(<([a-z][a-z0-9]*)\b[^<>]*>)[^]*?<\/\2\s*>/i.exec(text)?.[1];
  return tag ? `an HTML tag (${tag})` : undefined;
}

/** What a plain-text field holds that would show its marks as written, and the fix. */
function markupProblem(text: string): string {
  const html = htmlIn(text);
  if (html?.startsWith('an HTML entity'))
    return `HTML is not read here, so ${html} would show as written; write the character itself (& for &amp;, < for &lt;)`;
  if (html) return `HTML is not read here, so ${html} would show as written; write the text alone, without the tags`;
  return `Markdown is not read here, so ${markdownIn(text)} would show its marks as written; write the text alone, without [ ]( ), < > or ** (a link belongs in the body, or in attribution.notice for the credits)`;
}

/**
 * A label shown as text where Markdown and HTML are not read: a title, a summary, a name in the
 * credits. Markup in it would show its brackets and stars on every page and feed, so it fails with the fix.
 */
export const PlainLabelSchema = LabelSchema.refine((text) => markdownIn(text) === undefined && htmlIn(text) === undefined, {
  error: (issue) => markupProblem(String(issue.input)),
});

/**
 * The error for a `number` that is not one: a number written as text (`"9"`, `'12'`, full-width
 * `９`) gets the number to write, since YAML reads quotes and full-width digits as text.
 * @example numberProblem('９', 'expected the issue number (e.g. 8)') // 'expected the issue number (e.g. 8), not text: …; write number: 9 (no quotes, half-width digits)'
 */
export function numberProblem(input: unknown, expected: string): string {
  const digits = typeof input === 'string' ? input.normalize('NFKC').trim() : '';
  return /^\d+$/.test(digits) && Number(digits) > 0
    ? `${expected}, not text: YAML reads a number in quotes or in full-width digits as text; write number: ${Number(digits)} (no quotes, half-width digits)`
    : expected;
}

/** One text per site locale (a registry's names and descriptions), each a label. */
export const LocalizedTextSchema = z.strictObject(
  Object.fromEntries(localeCodes.map((code) => [code, LabelSchema])) as Record<(typeof localeCodes)[number], typeof LabelSchema>,
);

/**
 * `draft: true`: a file still being written. `npm run dev` shows it; the build leaves it out of
 * every page, feed, the sitemap and the search index, and it may still hold the scaffolds' placeholders.
 */
export const DraftSchema = z.boolean({ error: 'expected true or false (draft: true keeps the file out of the site)' }).optional();
