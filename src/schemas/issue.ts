import { z } from 'astro/zod';
import { parseIssueNumber } from '../lib/numerals.ts';
import { DraftSchema, IsoDaySchema, LabelSchema } from './common.ts';

/** The days an issue covers. */
export const PeriodSchema = z
  .strictObject({
    /** First day covered. */
    start: IsoDaySchema,
    /** Last day covered, on or after `start`. */
    end: IsoDaySchema,
  })
  // Only two real dates can be out of order: a day that does not exist is reported alone.
  .refine(({ start, end }) => !(start instanceof Date && end instanceof Date) || end >= start, {
    error: 'the period ends before it starts; set period.end on or after period.start',
    path: ['end'],
  });

/** Credit for the original editor and publication, shown on every issue page as the originals ask. */
export const AttributionSchema = z.strictObject({
  /** The editor who wrote the issue. */
  editor: LabelSchema,
  /** The team the editor wrote for. */
  organization: LabelSchema.optional(),
  /** Address of the original publication. */
  source: z.url({ protocol: /^https?$/, error: 'expected the http(s) address of the original publication' }),
  /** The original credit statement, verbatim Markdown (the 声明 of 第一期). */
  notice: z.string().trim().min(1).optional(),
});

/** Where an imported issue came from. */
export const LegacySchema = z.strictObject({
  /** File name of the legacy post. */
  file: z.string().min(1),
  /** The post's title as published, period included. */
  title: LabelSchema,
  /** The post's Jekyll `date:` as written, time and zone included (its day is `published`). */
  date: z.string().min(1).optional(),
  /** The post's Jekyll `author:` as written (the issue's editor). */
  author: LabelSchema.optional(),
});

/**
 * Front matter of a digest issue, given the registry's project ids and, for messages, a way to
 * find the id an unknown entry meant (`NOVA`, `Quantum`, `novva`).
 */
export function createIssueSchema(projectIds: readonly string[], suggestId: (written: string) => string | undefined = () => undefined) {
  const known = new Set(projectIds);
  const unknownProject = (written: string) => {
    const meant = suggestId(written);
    return meant
      ? `unknown project "${written}"; did you mean ${meant}? projects lists registry ids, written as in src/content/projects.yaml`
      : `unknown project "${written}"; use an id from src/content/projects.yaml or add it there`;
  };
  return z
    .strictObject({
      /** Issue number (第N期): a positive integer, unique across the archive. */
      number: z.number({ error: 'expected the issue number as a positive whole number (e.g. 8)' }).int().positive(),
      /** Title, e.g. "OpenStack社区动态第八期"; a 第N期 in it must agree with `number`. */
      title: LabelSchema,
      /** The days the issue covers. */
      period: PeriodSchema,
      /** The day the issue was published. */
      published: IsoDaySchema,
      /** One sentence for listings, feeds and search results. */
      description: LabelSchema,
      /** Registry ids of the body's sections, one per `##` heading. */
      projects: z
        .array(
          z.string().refine((id) => known.has(id), {
            error: (issue) => unknownProject(String(issue.input)),
          }),
        )
        .min(1, 'list at least one section (e.g. [industry, nova])'),
      /** Credit for the original editor and source. */
      attribution: AttributionSchema,
      /** Provenance of an imported issue. */
      legacy: LegacySchema.optional(),
      /** Still being written: shown in dev only. */
      draft: DraftSchema,
    })
    .superRefine((issue, context) => {
      const titled = parseIssueNumber(issue.title);
      if (titled !== undefined && titled !== issue.number) {
        context.addIssue({
          code: 'custom',
          path: ['title'],
          message: `the title says issue ${titled} but number is ${issue.number}; make them agree`,
        });
      }
    });
}

export type IssueData = z.infer<ReturnType<typeof createIssueSchema>>;
