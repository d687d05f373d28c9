import { z } from 'astro/zod';
import { DraftSchema, numberProblem, PlainLabelSchema } from './common.ts';
import { PeriodSchema } from './issue.ts';

/** Front matter of a translation: `src/content/issues/<locale>/NNNN.md`, linked to its Chinese issue by number. */
export const TranslationSchema = z.strictObject({
  /** The number of the Chinese issue this translates; it must exist. */
  number: z
    .number({ error: (issue) => numberProblem(issue.input, 'expected the number of the translated issue (e.g. 8)') })
    .int()
    .positive(),
  /** Title in the translation's language; an "Issue N" in it must agree with `number`. */
  title: PlainLabelSchema,
  /** One sentence for listings, feeds and search results. */
  description: PlainLabelSchema,
  /** Who translated it. */
  translator: PlainLabelSchema,
  /** The version of the Chinese text this translates; `npm run translate -- <number>` fills it in. */
  source: z.strictObject({
    /** SHA-256 of the Chinese title, description and body when the translation was made. */
    sha256: z
      .string()
      .regex(
        /^[0-9a-f]{64}$/,
        'expected the 64-character hash that npm run translate writes; run npm run translate -- <number> --rehash after checking the translation',
      ),
  }),
  /** The period, if repeated here: it must equal the issue's. */
  period: PeriodSchema.optional(),
  /** Still being written: shown in dev only, and the issue counts as untranslated in the build. */
  draft: DraftSchema,
});

export type TranslationData = z.infer<typeof TranslationSchema>;
