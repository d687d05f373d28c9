import { z } from 'astro/zod';
import { localeCodes } from '../i18n/locales.ts';
import { stripBidiControls } from '../lib/bidi.ts';
import { parseIsoDay } from '../lib/dates.ts';

/** A calendar day written `YYYY-MM-DD`, read as UTC midnight. */
export const IsoDaySchema = z
  .string({ error: 'expected a date written YYYY-MM-DD (e.g. 2014-02-15)' })
  .refine((text) => parseIsoDay(text) !== undefined, { error: 'expected a real date written YYYY-MM-DD (e.g. 2014-02-15)' })
  .transform((text) => parseIsoDay(text) as Date);

/** One text per site locale. */
export const LocalizedTextSchema = z.strictObject(
  Object.fromEntries(localeCodes.map((code) => [code, z.string().trim().min(1)])) as Record<(typeof localeCodes)[number], z.ZodString>,
);

/**
 * A title, a summary or a name: shown beside the site's own words, in pages, feeds and `<title>`,
 * where no markup can isolate it. Explicit direction controls are removed (see `lib/bidi.ts`).
 */
export const LabelSchema = z.string().transform(stripBidiControls).pipe(z.string().trim().min(1));

/**
 * `draft: true`: a file still being written. `npm run dev` shows it; the build leaves it out of
 * every page, feed, the sitemap and the search index, and it may still hold the scaffolds' placeholders.
 */
export const DraftSchema = z.boolean({ error: 'expected true or false (draft: true keeps the file out of the site)' }).optional();
