import { z } from 'astro/zod';
import { daysBetween, toIsoDay } from '../lib/dates.ts';
import { parseIssueNumber } from '../lib/numerals.ts';
import { DraftSchema, IsoDaySchema, LabelSchema, numberProblem, PlainLabelSchema } from './common.ts';

/**
 * OpenStack was announced on 19 July 2010: a period before it is a mistyped year (`2004` for
 * `2014`), which would file the issue a decade away in the archive, feeds and search.
 */
const FIRST_DAY = new Date(Date.UTC(2010, 6, 19));

/**
 * The longest period an issue plausibly covers: the digest came out every one to five weeks. A
 * longer one is a mistyped year or month, which would otherwise surface as overlaps with every
 * issue it swallows.
 */
export const LONGEST_PERIOD_DAYS = 92;

/**
 * How far from its period an issue is plausibly published (the legacy posts' dates fall within days
 * of theirs; a year off is a typo that would reorder the feeds and the newest-first lists). A
 * digest reports days gone by: published weeks before its period starts, the year is wrong (a
 * January issue still dated the year before), and the archived copies of its links would be
 * looked for on a day before the pages they link were written.
 */
const PUBLISHED_WITHIN_DAYS = 366;
const PUBLISHED_BEFORE_START_DAYS = 31;
/**
 * Published half a year after its period, the year is wrong: the year mistyped on the day a period
 * ends (`2015-02-27` for `2014-02-27`) is 365 days after it, within a year, and would date the
 * issue's feed items a year late, above every newer issue in a reader.
 */
const PUBLISHED_AFTER_END_DAYS = 183;

/** The days an issue covers. */

/** The largest issue number: beyond it a number is a typo (or YAML's reading of one as 1e+23). */
export const MAX_ISSUE_NUMBER = 99_999;
export const PeriodSchema = z
  .strictObject(
    {
      /** First day covered. */
      start: IsoDaySchema,
      /** Last day covered, on or after `start`. */
      end: IsoDaySchema,
    },
    {
      error: (issue) => {
        if (issue.code !== 'invalid_type') return undefined;
        // `period: 2014-02-03..2014-02-15`, as the check's own messages write a period.
        const [, start = 'YYYY-MM-DD', end = 'YYYY-MM-DD'] =
          /^\s*(\d{4}-\d{2}-\d{2})\s*(?:\.\.|–|~|至|to|-)\s*(\d{4}-\d{2}-\d{2})\s*$/.exec(String(issue.input)) ?? [];
        return `expected the period as its first and last day, start and end; write period: { start: ${start}, end: ${end} }`;
      },
    },
  )
  // Only two real dates can be out of order: a day that does not exist is reported alone.
  .refine(({ start, end }) => !(start instanceof Date && end instanceof Date) || end >= start, {
    error: (issue) => periodOrderProblem(issue.input as { start: Date; end: Date }),
    path: ['end'],
  })
  .refine(({ start }) => !(start instanceof Date) || start >= FIRST_DAY, {
    error: `the period starts before OpenStack existed (announced ${toIsoDay(FIRST_DAY)}); check the year of period.start`,
    path: ['start'],
  })
  .refine(({ start, end }) => !(start instanceof Date && end instanceof Date) || daysBetween(start, end) <= LONGEST_PERIOD_DAYS, {
    error: `the period covers more than ${LONGEST_PERIOD_DAYS} days, longer than any issue; check the year and month of period.start and period.end`,
    path: ['end'],
  });

/**
 * A period that ends before it starts; one from December into January with one year for both
 * (`2015-12-28` to `2015-01-10`) has one of its years wrong.
 */
function periodOrderProblem({ start, end }: { start: Date; end: Date }): string {
  const crossing = end.getUTCFullYear() === start.getUTCFullYear() && end.getUTCMonth() < start.getUTCMonth();
  if (!crossing) return 'the period ends before it starts; set period.end on or after period.start';
  const nextYear = new Date(Date.UTC(end.getUTCFullYear() + 1, end.getUTCMonth(), end.getUTCDate()));
  const yearBefore = new Date(Date.UTC(start.getUTCFullYear() - 1, start.getUTCMonth(), start.getUTCDate()));
  return `the period ends before it starts: crossing a new year, its end is in the year after its start; write period.end: ${toIsoDay(nextYear)}, or period.start: ${toIsoDay(yearBefore)} if the start's year is the wrong one`;
}

/** Credit for the original editor and publication, shown on every issue page as the originals ask. */
export const AttributionSchema = z.strictObject({
  /** The editor who wrote the issue. */
  editor: PlainLabelSchema,
  /** The team the editor wrote for. */
  organization: PlainLabelSchema.optional(),
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
      number: z
        .number({ error: (issue) => numberProblem(issue.input, 'expected the issue number as a positive whole number (e.g. 8)') })
        // First, and alone: YAML reads a number too long to hold exactly as 1e+23.
        .max(MAX_ISSUE_NUMBER, { error: `expected an issue number up to ${MAX_ISSUE_NUMBER}`, abort: true })
        .int()
        .positive(),
      /** Title, e.g. "OpenStack社区动态第八期"; a 第N期 in it must agree with `number`. */
      title: PlainLabelSchema,
      /** The days the issue covers. */
      period: PeriodSchema,
      /** The day the issue was published. */
      published: IsoDaySchema,
      /** One sentence for listings, feeds and search results. */
      description: PlainLabelSchema,
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
      const { period, published } = issue;
      const { start, end } = period;
      // Refinements run past a day that does not exist, and past a period ending before it starts
      // (a year typed wrong in one of its days): each is reported on its own, as measuring the
      // publication from the wrong day would blame a published day that is right.
      const days = [start, end, published].every((day) => day instanceof Date) && end >= start;
      if (days && daysBetween(published, start) > PUBLISHED_BEFORE_START_DAYS && daysBetween(published, start) <= PUBLISHED_WITHIN_DAYS) {
        context.addIssue({
          code: 'custom',
          path: ['published'],
          message: `published ${toIsoDay(published)} is ${daysBetween(published, start)} days before the period it reports on starts (${toIsoDay(start)}); check the year and month of published`,
        });
      }
      const late = days ? daysBetween(end, published) : 0;
      if (late > PUBLISHED_AFTER_END_DAYS && late <= PUBLISHED_WITHIN_DAYS) {
        context.addIssue({
          code: 'custom',
          path: ['published'],
          message: `published ${toIsoDay(published)} is ${late} days after the period it reports on ends (${toIsoDay(end)}); check the year and month of published`,
        });
      }
      if (days && (daysBetween(published, start) > PUBLISHED_WITHIN_DAYS || daysBetween(end, published) > PUBLISHED_WITHIN_DAYS)) {
        context.addIssue({
          code: 'custom',
          path: ['published'],
          message: `published ${toIsoDay(published)} is more than a year from the period ${toIsoDay(start)}..${toIsoDay(end)}; check the year of published`,
        });
      }
      const titled = parseIssueNumber(issue.title);
      if (titled !== undefined && issue.number <= MAX_ISSUE_NUMBER && titled !== issue.number) {
        context.addIssue({
          code: 'custom',
          path: ['title'],
          message: `the title says issue ${titled} but number is ${issue.number}; make them agree`,
        });
      }
    });
}

export type IssueData = z.infer<ReturnType<typeof createIssueSchema>>;
